import { readdirSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { LintDiagnostic } from './diagnostics.js';
import type { LanguageGap } from './language-check.js';
import type { SchemaProblem } from './rule-schema.js';
import { readYamlSource, type YamlSource } from './yaml-source.js';

export type Path = Array<string | number>;
export type Reporter = (source: YamlSource, path: Path, message: string, ruleId?: string) => void;

/** What reading one rules directory collects as it goes: the files' bytes and every problem met. */
export interface TreeReading {
  dir: string;
  diagnostics: LintDiagnostic[];
  languageGaps: LintDiagnostic[];
  texts: Map<string, Buffer>;
  sources: YamlSource[];
  /** Records a problem at a path of a file, on the line that path starts. */
  report: Reporter;
  reportGaps: (source: YamlSource, gaps: LanguageGap[], at: Path, ruleId?: string) => void;
  /** Reads a YAML file, keeping its bytes; undefined (and its parse errors reported) when it does not parse. */
  read: (file: string) => YamlSource | undefined;
}

function diagnosticAt(source: YamlSource, path: Path, message: string, ruleId?: string): LintDiagnostic {
  return { file: source.file, line: source.lineOf(path), message, ...(ruleId ? { ruleId } : {}) };
}

export function startReading(dir: string): TreeReading {
  const reading: TreeReading = {
    dir,
    diagnostics: [],
    languageGaps: [],
    texts: new Map(),
    sources: [],
    report: (source, path, message, ruleId) =>
      reading.diagnostics.push(diagnosticAt(source, path, message, ruleId)),
    reportGaps: (source, gaps, at, ruleId) => {
      for (const found of gaps)
        reading.languageGaps.push(diagnosticAt(source, [...at, ...found.path], found.message, ruleId));
    },
    read: (file) => readSource(reading, file),
  };
  return reading;
}

function readSource(reading: TreeReading, file: string): YamlSource | undefined {
  const bytes = readFileSync(file);
  reading.texts.set(relative(reading.dir, file).split(sep).join('/'), bytes);
  const source = readYamlSource(file, bytes.toString('utf8'));
  for (const error of source.errors)
    reading.diagnostics.push({ file, line: error.line, column: error.column, message: error.message });
  if (source.errors.length > 0) return undefined;
  reading.sources.push(source);
  return source;
}

/** Reports each problem found in a file, under the rule it belongs to. */
export function reportAll(
  report: Reporter,
  source: YamlSource,
  problems: SchemaProblem[],
  ruleId?: string,
): void {
  for (const problem of problems) report(source, problem.path, problem.message, ruleId);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of a map that are not among the allowed fields, in file order. */
export function unknownFields(record: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(record).filter((field) => !allowed.includes(field));
}

export function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}
