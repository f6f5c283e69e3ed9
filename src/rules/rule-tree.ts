import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkAdviceTemplate } from './advice.js';
import { checkCondition, checkWhere, referencedRules, type Selection } from './condition-check.js';
import type { LintDiagnostic } from './diagnostics.js';
import { COLLECTIONS, type Collection, type Where } from './grammar.js';
import { type LanguageGap, referenceLanguageGaps, ruleLanguageGaps } from './language-check.js';
import { validateRuleShape } from './rule-schema.js';
import type { LocalText, RuleLevel, RuleReference } from './types.js';
import { readYamlSource, type YamlSource } from './yaml-source.js';

/** Folders under the rules directory that are not rule packs. */
const NOT_PACKS = new Set(['schema', 'profiles', 'vocabulary']);
const CONDITION_FIELDS = ['test', 'appliesWhen', 'needsReviewWhen'] as const;

export interface RuleFile {
  pack: string;
  /** Path relative to the rules directory, with forward slashes. */
  relFile: string;
  source: YamlSource;
  raw: Record<string, unknown>;
  /** The rule's id, or for a refinement the id it refines. */
  id: string;
  refines: boolean;
}

export interface Profile {
  id: string;
  relFile: string;
  source: YamlSource;
  description?: string;
  version?: string;
  packs: string[];
  adjust: Record<string, { weight?: number; level?: RuleLevel }>;
}

/** Everything read from one rules directory, plus the problems met while reading it. */
export interface RuleTree {
  dir: string;
  /** Problems that stop the rules from being used. */
  diagnostics: LintDiagnostic[];
  /**
   * Texts that lack a shipped language (en, nl, de, fr). `rules lint` fails on them; a run still
   * loads such rules (a user's own rules folder may be in fewer languages) and shows English there.
   */
  languageGaps: LintDiagnostic[];
  packs: Map<string, RuleFile[]>;
  profiles: Map<string, Profile>;
  selections: Map<string, Selection>;
  references: Map<string, RuleReference>;
  version: string | undefined;
  /** Each file's bytes as read (path relative to `dir`), so a profile's hash is of what was read. */
  texts: Map<string, Buffer>;
  /** Every YAML file read without parse errors, for checks that walk all of them (regular expressions). */
  sources: YamlSource[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}

export function readRuleTree(dir: string): RuleTree {
  const diagnostics: LintDiagnostic[] = [];
  const report = (source: YamlSource, path: Array<string | number>, message: string, ruleId?: string) =>
    diagnostics.push({
      file: source.file,
      line: source.lineOf(path),
      message,
      ...(ruleId ? { ruleId } : {}),
    });
  const languageGaps: LintDiagnostic[] = [];
  const reportGaps = (
    source: YamlSource,
    gaps: LanguageGap[],
    at: Array<string | number>,
    ruleId?: string,
  ) => {
    for (const found of gaps)
      languageGaps.push({
        file: source.file,
        line: source.lineOf([...at, ...found.path]),
        message: found.message,
        ...(ruleId ? { ruleId } : {}),
      });
  };
  const texts = new Map<string, Buffer>();
  const sources: YamlSource[] = [];
  const read = (file: string): YamlSource | undefined => {
    const bytes = readFileSync(file);
    texts.set(relative(dir, file).split(sep).join('/'), bytes);
    const source = readYamlSource(file, bytes.toString('utf8'));
    for (const error of source.errors)
      diagnostics.push({ file, line: error.line, column: error.column, message: error.message });
    if (source.errors.length > 0) return undefined;
    sources.push(source);
    return source;
  };

  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      dir,
      diagnostics: [{ file: dir, line: 1, message: 'rules directory not found' }],
      languageGaps,
      packs: new Map(),
      profiles: new Map(),
      selections: new Map(),
      references: new Map(),
      version: undefined,
      texts,
      sources,
    };
  }

  const references = readReferences(dir, read, report, reportGaps);
  const selections = readSelections(dir, read, report);
  const versionFile = join(dir, 'VERSION');
  const versionBytes = existsSync(versionFile) ? readFileSync(versionFile) : undefined;
  if (versionBytes !== undefined) texts.set('VERSION', versionBytes);
  const version = versionBytes?.toString('utf8').trim() || undefined;

  const packs = new Map<string, RuleFile[]>();
  for (const pack of readdirSync(dir).sort()) {
    if (NOT_PACKS.has(pack) || !statSync(join(dir, pack)).isDirectory()) continue;
    const files: RuleFile[] = [];
    for (const name of yamlFiles(join(dir, pack))) {
      const source = read(join(dir, pack, name));
      if (!source) continue;
      const file = checkRuleFile(source, pack, name, selections, references, report);
      if (file) {
        files.push({ ...file, relFile: `${pack}/${name}` });
        reportGaps(source, ruleLanguageGaps(file.raw), [], file.id);
      }
    }
    packs.set(pack, files);
  }

  const profiles = new Map<string, Profile>();
  const profileDir = join(dir, 'profiles');
  if (existsSync(profileDir)) {
    for (const name of yamlFiles(profileDir)) {
      const source = read(join(profileDir, name));
      if (!source) continue;
      const profile = checkProfile(source, name, packs, report);
      if (profile) profiles.set(profile.id, { ...profile, relFile: `profiles/${name}` });
    }
  }
  if (profiles.size === 0)
    diagnostics.push({ file: profileDir, line: 1, message: 'no profiles found (profiles/<market>.yaml)' });

  const tree: RuleTree = {
    dir,
    diagnostics,
    languageGaps,
    packs,
    profiles,
    selections,
    references,
    version,
    texts,
    sources,
  };
  for (const profile of profiles.values()) checkAssembly(tree, profile, report);
  return tree;
}

type Reporter = (source: YamlSource, path: Array<string | number>, message: string, ruleId?: string) => void;
type Reader = (file: string) => YamlSource | undefined;
type GapReporter = (source: YamlSource, gaps: LanguageGap[], at: Array<string | number>) => void;

const REFERENCE_FIELDS = ['instrument', 'title', 'note', 'article', 'caseNumber', 'url'];

/**
 * A reference as rules carry it. Without an `instrument` of its own, the instrument is the English
 * title with its note, so a reader of one language (and a stored rule set) still has the whole citation.
 */
export function toReference(key: string, entry: Record<string, unknown>): RuleReference {
  const title = entry.title as LocalText | undefined;
  const note = entry.note as LocalText | undefined;
  const instrument =
    typeof entry.instrument === 'string'
      ? entry.instrument
      : [title?.en, note?.en].filter((part) => part !== undefined).join(', ');
  return { ...(entry as Omit<RuleReference, 'key' | 'instrument'>), key, instrument };
}

function readReferences(
  dir: string,
  read: Reader,
  report: Reporter,
  reportGaps: GapReporter,
): Map<string, RuleReference> {
  const references = new Map<string, RuleReference>();
  const file = join(dir, 'references.yaml');
  if (!existsSync(file)) return references;
  const source = read(file);
  if (!source) return references;
  if (!isRecord(source.value)) {
    report(source, [], 'references.yaml must map a key to { title, note?, article?, caseNumber?, url? }');
    return references;
  }
  for (const [key, entry] of Object.entries(source.value)) {
    if (!isRecord(entry) || (typeof entry.instrument !== 'string' && !isRecord(entry.title))) {
      report(source, [key], `reference ${key} needs a "title" (or an "instrument")`);
      continue;
    }
    for (const field of Object.keys(entry)) {
      if (!REFERENCE_FIELDS.includes(field))
        report(source, [key, field], `unknown field "${field}" in reference ${key}`);
    }
    for (const field of ['title', 'note']) {
      const text = entry[field];
      if (text !== undefined && !(isRecord(text) && typeof text.en === 'string'))
        report(
          source,
          [key, field],
          `reference ${key}: ${field} must map languages to texts, with at least "en"`,
        );
    }
    reportGaps(source, referenceLanguageGaps(key, entry), [key]);
    if (entry.url !== undefined && !/^https?:\/\//.test(String(entry.url)))
      report(source, [key, 'url'], `reference ${key}: url must start with http(s)://`);
    references.set(key, toReference(key, entry));
  }
  return references;
}

function readSelections(dir: string, read: Reader, report: Reporter): Map<string, Selection> {
  const selections = new Map<string, Selection>();
  const file = join(dir, 'selections.yaml');
  if (!existsSync(file)) return selections;
  const source = read(file);
  if (!source) return selections;
  if (!isRecord(source.value)) {
    report(source, [], 'selections.yaml must map a name to { in, where }');
    return selections;
  }
  const raw = source.value;
  // Selections may build on earlier ones; resolve in file order and refuse forward references.
  for (const [name, entry] of Object.entries(raw)) {
    if (!isRecord(entry)) {
      report(source, [name], `selection ${name} must be a map with "in" and "where"`);
      continue;
    }
    for (const field of Object.keys(entry)) {
      if (!['in', 'where', 'description'].includes(field))
        report(source, [name, field], `unknown field "${field}" in selection ${name}`);
    }
    const base = typeof entry.in === 'string' ? entry.in : '';
    const parent = selections.get(base);
    const collection: Collection | undefined = (COLLECTIONS as readonly string[]).includes(base)
      ? (base as Collection)
      : parent?.in;
    if (!collection) {
      report(
        source,
        [name, 'in'],
        `selection ${name}: "${base}" is neither a collection nor an earlier selection`,
      );
      continue;
    }
    const problems = entry.where === undefined ? [] : checkWhere(entry.where, collection, [name, 'where']);
    for (const problem of problems) report(source, problem.path, problem.message);
    const own = entry.where === undefined ? [] : [entry.where as Where];
    selections.set(name, { name, in: collection, where: [...(parent?.where ?? []), ...own] });
  }
  return selections;
}

function checkRuleFile(
  source: YamlSource,
  pack: string,
  name: string,
  selections: Map<string, Selection>,
  references: Map<string, RuleReference>,
  report: Reporter,
): Omit<RuleFile, 'relFile'> | undefined {
  const raw = source.value;
  if (!isRecord(raw)) {
    report(source, [], 'a rule file must be a YAML map');
    return undefined;
  }
  const refines = typeof raw.refines === 'string';
  const id = String(refines ? raw.refines : (raw.id ?? ''));
  const ruleId = id || undefined;
  for (const problem of validateRuleShape(raw)) report(source, problem.path, problem.message, ruleId);
  if (id && name.replace(/\.ya?ml$/, '') !== id) {
    report(
      source,
      [refines ? 'refines' : 'id'],
      `file name must be ${id}.yaml (one rule per file, named by its id)`,
      ruleId,
    );
  }
  for (const field of CONDITION_FIELDS) {
    if (raw[field] === undefined) continue;
    for (const problem of checkCondition(raw[field], [field], selections))
      report(source, problem.path, problem.message, ruleId);
  }
  if (raw.adviceFor !== undefined) {
    for (const problem of checkAdviceTemplate(raw.adviceFor, selections))
      report(source, problem.path, problem.message, ruleId);
  }
  const notAssessable = raw.notAssessableWhen;
  if (isRecord(notAssessable)) {
    if (notAssessable.when !== undefined) {
      for (const problem of checkCondition(notAssessable.when, ['notAssessableWhen', 'when'], selections)) {
        report(source, problem.path, problem.message, ruleId);
      }
    }
    const statuses = Array.isArray(notAssessable.crawlStatus) ? notAssessable.crawlStatus : [];
    const known = checkWhere({ 'crawl.status': { in: statuses } }, 'shop', [
      'notAssessableWhen',
      'crawlStatus',
    ]);
    for (const problem of known) report(source, problem.path, problem.message, ruleId);
  }
  if (Array.isArray(raw.references)) {
    raw.references.forEach((reference, index) => {
      if (typeof reference === 'string' && !references.has(reference)) {
        report(
          source,
          ['references', index],
          `unknown reference key "${reference}" (not in references.yaml)`,
          ruleId,
        );
      }
    });
  }
  if (!id) return undefined;
  return { pack, source, raw, id, refines };
}

function checkProfile(
  source: YamlSource,
  name: string,
  packs: Map<string, RuleFile[]>,
  report: Reporter,
): Omit<Profile, 'relFile'> | undefined {
  const raw = source.value;
  const id = name.replace(/\.ya?ml$/, '');
  if (!isRecord(raw)) {
    report(source, [], 'a profile must be a map with "packs"');
    return undefined;
  }
  for (const field of Object.keys(raw)) {
    if (!['description', 'version', 'packs', 'adjust'].includes(field))
      report(source, [field], `unknown field "${field}" in profile ${id}`);
  }
  const list = Array.isArray(raw.packs) ? raw.packs.map(String) : [];
  if (list.length === 0) report(source, ['packs'], `profile ${id} needs a non-empty list of packs`);
  list.forEach((pack, index) => {
    if (!packs.has(pack))
      report(source, ['packs', index], `unknown pack "${pack}" (no folder rules/${pack}/)`);
  });
  const adjust: Profile['adjust'] = {};
  if (raw.adjust !== undefined && !isRecord(raw.adjust))
    report(source, ['adjust'], 'adjust must map a rule id to { weight?, level? }');
  for (const [ruleId, change] of Object.entries(isRecord(raw.adjust) ? raw.adjust : {})) {
    if (!isRecord(change)) {
      report(source, ['adjust', ruleId], `adjust.${ruleId} must be a map with weight and/or level`);
      continue;
    }
    for (const field of Object.keys(change)) {
      if (field !== 'weight' && field !== 'level')
        report(source, ['adjust', ruleId, field], `unknown field "${field}" (weight, level)`);
    }
    if (
      change.weight !== undefined &&
      !(typeof change.weight === 'number' && change.weight >= 0 && change.weight <= 10)
    ) {
      report(
        source,
        ['adjust', ruleId, 'weight'],
        `weight of ${ruleId} must be a number from 0 to 10`,
        ruleId,
      );
    }
    if (
      change.level !== undefined &&
      !['law', 'interpretation', 'good-practice'].includes(String(change.level))
    ) {
      report(
        source,
        ['adjust', ruleId, 'level'],
        'level must be law, interpretation or good-practice',
        ruleId,
      );
    }
    adjust[ruleId] = change as Profile['adjust'][string];
  }
  return {
    id,
    source,
    packs: list,
    adjust,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(raw.version !== undefined ? { version: String(raw.version) } : {}),
  };
}

/** The files a profile stacks up, in pack order, with later refinements after the rules they change. */
export function profileFiles(tree: RuleTree, profile: Profile): RuleFile[] {
  return profile.packs.flatMap((pack) => tree.packs.get(pack) ?? []);
}

/** Per profile: duplicates, refinements without a base, unknown adjust ids, missing or circular rule references. */
function checkAssembly(tree: RuleTree, profile: Profile, report: Reporter): void {
  const defined = new Map<string, RuleFile>();
  const conditionsOf = new Map<string, RuleFile[]>();
  for (const file of profileFiles(tree, profile)) {
    const earlier = defined.get(file.id);
    if (file.refines && !earlier) {
      report(
        file.source,
        ['refines'],
        `refines "${file.id}", which no earlier pack of profile ${profile.id} defines`,
        file.id,
      );
      continue;
    }
    if (!file.refines && earlier) {
      report(
        file.source,
        ['id'],
        `duplicate rule id "${file.id}" in profile ${profile.id} (also ${earlier.relFile}); use "refines:" to change a rule for a market`,
        file.id,
      );
      continue;
    }
    if (!earlier) defined.set(file.id, file);
    conditionsOf.set(file.id, [...(conditionsOf.get(file.id) ?? []), file]);
  }
  for (const ruleId of Object.keys(profile.adjust)) {
    if (!defined.has(ruleId))
      report(profile.source, ['adjust', ruleId], `adjust names unknown rule "${ruleId}"`, ruleId);
  }
  const edges = new Map<string, string[]>();
  for (const [ruleId, files] of conditionsOf) {
    const targets: string[] = [];
    for (const file of files) {
      for (const field of CONDITION_FIELDS) {
        for (const target of referencedRules(file.raw[field])) {
          targets.push(target);
          if (!defined.has(target))
            report(
              file.source,
              [field],
              `refers to rule "${target}", which profile ${profile.id} does not have`,
              ruleId,
            );
        }
      }
    }
    edges.set(ruleId, targets);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (ruleId: string, trail: string[]): void => {
    if (state.get(ruleId) === 'done') return;
    if (state.get(ruleId) === 'visiting') {
      const file = defined.get(ruleId);
      if (file)
        report(file.source, ['test'], `circular rule references: ${[...trail, ruleId].join(' → ')}`, ruleId);
      return;
    }
    state.set(ruleId, 'visiting');
    for (const target of edges.get(ruleId) ?? []) if (defined.has(target)) visit(target, [...trail, ruleId]);
    state.set(ruleId, 'done');
  };
  for (const ruleId of edges.keys()) visit(ruleId, []);
}

/** sha256 over the files a profile uses, sorted by their path inside the rules directory. */
export function hashProfile(tree: RuleTree, profile: Profile): string {
  const shared = ['VERSION', 'references.yaml', 'selections.yaml'].filter((name) => tree.texts.has(name));
  const files = [
    ...shared,
    profile.relFile,
    ...profileFiles(tree, profile).map((file) => file.relFile),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(tree.texts.get(file) ?? readFileSync(join(tree.dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
