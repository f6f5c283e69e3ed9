import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { isOutcome } from './grammar.js';
import { type Override, OverrideError } from './overrides.js';
import type { Outcome } from './types.js';

const FIELDS = new Set(['shop', 'rule', 'outcome', 'reason', 'by', 'at']);

/** An entry as read, before it is checked: the fields, its line and its place in the file. */
interface RawEntry {
  fields: Record<string, unknown>;
  line: number | undefined;
  index: number;
  /** CSV rows carry other columns (the review worklist's); YAML and JSON entries may not. */
  strict: boolean;
}

/**
 * Reads overrides from YAML or JSON (a list of entries, or `{ overrides: [...] }`) or from CSV
 * with the columns shop, rule, outcome, reason (by, at optional; other columns are ignored, and a
 * row whose outcome is empty is an undecided item of a review worklist, skipped). Every problem
 * names the file, the entry (1-based) and its line.
 */
export function loadOverrides(file: string): Override[] {
  const text = readFileSync(file, 'utf8');
  const entries = extname(file).toLowerCase() === '.csv' ? csvEntries(file, text) : yamlEntries(file, text);
  return entries.flatMap((entry) => checkedEntry(file, entry));
}

function failAt(file: string, line: number | undefined, message: string): never {
  throw new OverrideError(`${file}${line ? `:${line}` : ''}: ${message}`, file, line);
}

function yamlEntries(file: string, text: string): RawEntry[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : lines.linePos(offset).line;
  if (doc.errors.length > 0)
    failAt(
      file,
      lineOf(doc.errors[0].pos[0]),
      `not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${doc.errors[0].message}`,
    );
  // The whole document once, under the yaml library's alias limit: an alias bomb is refused here.
  let whole: unknown;
  try {
    whole = doc.toJS();
  } catch (error) {
    const alias = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
    failAt(
      file,
      lineOf(alias ? alias.index + alias[1].length : 0),
      `cannot be read: ${(error as Error).message}`,
    );
  }
  let list: unknown = doc.contents;
  let values = whole as unknown[];
  if (isMap(list)) {
    list = list.get('overrides', true);
    values = (whole as { overrides?: unknown[] }).overrides ?? [];
  }
  if (list === null || list === undefined) return [];
  if (!isSeq(list))
    return failAt(
      file,
      lineOf(doc.contents?.range?.[0]),
      'expected a list of overrides (or an `overrides:` list)',
    );
  return list.items.map((node, index) => {
    const line = lineOf((node as { range?: [number, number, number] }).range?.[0]);
    if (!isMap(node))
      failAt(file, line, `override ${index + 1}: expected a mapping with shop, rule, outcome and reason`);
    return { fields: values[index] as Record<string, unknown>, line, index, strict: true };
  });
}

/** Splits on the separator the header uses: a comma, or the semicolon spreadsheets write in NL and DE. */
function separatorOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

/** A spreadsheet-safe cell ("'=…") read back as it was written. */
function unneutralised(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function csvEntries(file: string, text: string): RawEntry[] {
  const clean = text.replace(/^\uFEFF/, '');
  let records: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>;
  try {
    records = parseCsv(clean, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: separatorOf(clean),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
      raw: true,
    }) as never;
  } catch (error) {
    return failAt(
      file,
      (error as { lines?: number }).lines,
      `the CSV cannot be read: ${(error as Error).message}`,
    );
  }
  const missing = ['shop', 'rule', 'outcome', 'reason'].filter(
    (column) => records.length > 0 && !(column in records[0].record),
  );
  if (missing.length > 0)
    failAt(
      file,
      1,
      `the CSV header lacks ${missing.map((c) => `"${c}"`).join(', ')} (shop, rule, outcome, reason)`,
    );
  return records
    .map(({ record, info, raw }, index) => ({
      fields: Object.fromEntries(
        Object.entries(record)
          .filter(([key, value]) => FIELDS.has(key) && value !== '')
          .map(([key, value]) => [key, unneutralised(value)]),
      ),
      // `lines` is where the record ends; a quoted cell may span lines.
      line: info.lines - (raw.replace(/[\r\n]+$/, '').match(/\n/g)?.length ?? 0),
      index,
      strict: false,
    }))
    .filter((entry) => entry.fields.outcome !== undefined);
}

const OUTCOMES_TEXT = 'pass, fail, needs-review, not-applicable, not-assessable or off';

function isFilledText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The first thing wrong with an entry's fields, or undefined when it is a valid override. */
function entryProblem(entry: Record<string, unknown>, strict: boolean): string | undefined {
  const unknown = strict ? Object.keys(entry).find((key) => !FIELDS.has(key)) : undefined;
  if (unknown !== undefined) return `unknown field "${unknown}"`;
  const empty = (['shop', 'rule', 'reason'] as const).find((key) => !isFilledText(entry[key]));
  if (empty === 'reason') return '"reason" is missing or empty (every override needs a written reason)';
  if (empty) return `"${empty}" is missing or empty`;
  if (entry.outcome !== 'off' && !isOutcome(entry.outcome))
    return `outcome must be ${OUTCOMES_TEXT}, not "${String(entry.outcome)}"`;
  // YAML reads an unquoted date as a string here, but a number or list is a mistake.
  const notText = (['by', 'at'] as const).find(
    (key) => entry[key] !== undefined && typeof entry[key] !== 'string',
  );
  return notText ? `"${notText}" must be text` : undefined;
}

function checkedEntry(file: string, { fields: entry, line, index, strict }: RawEntry): Override[] {
  const problem = entryProblem(entry, strict);
  if (problem) {
    const label = `override ${index + 1} (shop ${String(entry.shop ?? '?')}, rule ${String(entry.rule ?? '?')})`;
    failAt(file, line, `${label}: ${problem}`);
  }
  return [
    {
      shop: (entry.shop as string).trim(),
      rule: (entry.rule as string).trim(),
      outcome: entry.outcome as Outcome | 'off',
      reason: (entry.reason as string).trim(),
      ...(entry.by ? { by: entry.by as string } : {}),
      ...(entry.at ? { at: entry.at as string } : {}),
      ...(line ? { line } : {}),
    },
  ];
}
