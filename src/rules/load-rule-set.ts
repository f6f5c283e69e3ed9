import { RULES_DIR } from '../common/paths.js';
import type { AdviceTemplate } from './advice.js';
import { resolveCondition } from './condition-check.js';
import { formatDiagnostic, type LintDiagnostic, RuleSetError } from './diagnostics.js';
import type { Quantified } from './grammar.js';
import { unsafePatternDiagnostics } from './regex-safety.js';
import {
  hashProfile,
  profileFiles,
  type RuleFile,
  type RuleTree,
  readRuleTree,
  toReference,
} from './rule-tree.js';
import type { LocalText, ReasonText, Rule, RuleReference, RuleSet } from './types.js';

const TEXT_FIELDS = ['title', 'failTitle', 'description', 'advice', 'help', 'short'] as const;

/**
 * Every problem in a rules directory: each file, each profile's assembly of packs, and every
 * regular expression that can backtrack catastrophically. (Loading rules for a run leaves out the
 * last check, which takes seconds; judging a shop has a time limit instead, see judge-shop.)
 */
export function lintRules(dir: string = RULES_DIR): LintDiagnostic[] {
  const tree = readRuleTree(dir);
  return [...tree.diagnostics, ...tree.languageGaps, ...unsafePatternDiagnostics(tree.sources)];
}

export function listProfiles(dir: string = RULES_DIR): string[] {
  return [...readRuleTree(dir).profiles.keys()].sort();
}

/**
 * Loads one profile's rule set: its packs in order, market refinements laid over the rules they
 * refine, selections and reference keys resolved so the set stands alone (it is frozen with a run).
 */
export function loadRuleSet(opts: { profile?: string; dir?: string } = {}): RuleSet {
  const dir = opts.dir ?? RULES_DIR;
  return assembleRuleSet(readRuleTree(dir), opts.profile ?? 'eu');
}

/**
 * Reads a rules directory once and assembles any of its profiles from that one reading, as a
 * run needs them: the run's rule sets come from the same files, and each further profile costs
 * its assembly only (reading and linting the whole directory took 50–200 ms each time).
 */
export function ruleSetLoader(dir: string = RULES_DIR): (profile: string) => RuleSet {
  let tree: RuleTree | null = null;
  return (profile) => {
    tree ??= readRuleTree(dir);
    return assembleRuleSet(tree, profile);
  };
}

function assembleRuleSet(tree: RuleTree, profileId: string): RuleSet {
  const dir = tree.dir;
  refuseBrokenTree(tree);
  const profile = tree.profiles.get(profileId);
  if (!profile) {
    throw new RuleSetError(
      `No profile "${profileId}" in ${dir}/profiles (have: ${[...tree.profiles.keys()].join(', ')})`,
      [{ file: `${dir}/profiles/${profileId}.yaml`, line: 1, message: `profile "${profileId}" not found` }],
    );
  }
  const rules = new Map<string, Rule>();
  for (const file of profileFiles(tree, profile)) {
    const base = rules.get(file.id);
    rules.set(file.id, base ? refine(base, file, tree) : buildRule(file, tree));
  }
  for (const [ruleId, change] of Object.entries(profile.adjust)) {
    const rule = rules.get(ruleId);
    if (rule) rules.set(ruleId, { ...rule, ...change });
  }
  return {
    id: profile.id,
    version: profile.version ?? tree.version ?? '0',
    hash: hashProfile(tree, profile),
    rules: [...rules.values()],
    selections: frozenSelections(tree),
  };
}

/** Every selection of the tree as a rule that names it would hold it once resolved. */
function frozenSelections(tree: RuleTree): Record<string, Quantified> {
  return Object.fromEntries(
    [...tree.selections.values()].map((selection) => [
      selection.name,
      {
        in: selection.in,
        selection: selection.name,
        selectionClauses: selection.where.length,
        where: selection.where,
      },
    ]),
  );
}

/**
 * The selections of a rules directory, resolved, for the steps that ask them before a shop's rule
 * set is known (auto mode's coverage while crawling). Throws like loadRuleSet on a broken folder.
 */
export function loadSelections(dir: string = RULES_DIR): Record<string, Quantified> {
  const tree = readRuleTree(dir);
  refuseBrokenTree(tree);
  return frozenSelections(tree);
}

function refuseBrokenTree(tree: RuleTree): void {
  if (tree.diagnostics.length === 0) return;
  const lines = tree.diagnostics.slice(0, 5).map(formatDiagnostic).join('\n');
  throw new RuleSetError(
    `The rules in ${tree.dir} have ${tree.diagnostics.length} problem(s):\n${lines}`,
    tree.diagnostics,
  );
}

function references(raw: unknown, tree: RuleTree): RuleReference[] {
  return (raw as Array<string | Record<string, unknown>>).map((entry) =>
    typeof entry === 'string'
      ? (tree.references.get(entry) as RuleReference)
      : toReference(String(entry.key), entry),
  );
}

function conditionFields(raw: Record<string, unknown>, tree: RuleTree): Partial<Rule> {
  const fields: Partial<Rule> = {};
  if (raw.test !== undefined) fields.test = resolveCondition(raw.test, tree.selections);
  if (raw.appliesWhen !== undefined) fields.appliesWhen = resolveCondition(raw.appliesWhen, tree.selections);
  if (raw.needsReviewWhen !== undefined)
    fields.needsReviewWhen = resolveCondition(raw.needsReviewWhen, tree.selections);
  const notAssessable = raw.notAssessableWhen as { crawlStatus?: string[]; when?: unknown } | undefined;
  if (notAssessable) {
    fields.notAssessableWhen = {
      ...(notAssessable.crawlStatus ? { crawlStatus: notAssessable.crawlStatus } : {}),
      ...(notAssessable.when !== undefined
        ? { when: resolveCondition(notAssessable.when, tree.selections) }
        : {}),
    };
  }
  return fields;
}

function adviceTemplate(raw: unknown, tree: RuleTree): AdviceTemplate | undefined {
  if (raw === undefined) return undefined;
  const body = raw as { in: string; where?: unknown; text: LocalText };
  const resolved = resolveCondition(
    { some: { in: body.in, ...(body.where ? { where: body.where } : {}) } },
    tree.selections,
  );
  return { items: (resolved as { some: Quantified }).some, text: body.text };
}

/** Reasons as texts per language; a plain string in a rule file is its English text. */
function reasons(raw: unknown): Rule['reasons'] {
  return Object.fromEntries(
    Object.entries(raw as Record<string, ReasonText>).map(([outcome, text]) => [
      outcome,
      typeof text === 'string' ? { en: text } : text,
    ]),
  );
}

function buildRule(file: RuleFile, tree: RuleTree): Rule {
  const raw = file.raw;
  return {
    id: file.id,
    title: raw.title as LocalText,
    failTitle: raw.failTitle as LocalText,
    description: raw.description as LocalText,
    advice: raw.advice as LocalText,
    ...(raw.help ? { help: raw.help as LocalText } : {}),
    ...(raw.short ? { short: raw.short as LocalText } : {}),
    ...(raw.adviceFor ? { adviceFor: adviceTemplate(raw.adviceFor, tree) } : {}),
    level: raw.level as Rule['level'],
    weight: raw.weight as number,
    tags: raw.tags as string[],
    references: references(raw.references, tree),
    test: undefined,
    ...conditionFields(raw, tree),
    ...(raw.reasons ? { reasons: reasons(raw.reasons) } : {}),
    source: { file: file.relFile, line: file.source.lineOf(['id']) },
  };
}

/** A market's refinement: texts merge per language, every other field it names replaces the base's. */
function refine(base: Rule, file: RuleFile, tree: RuleTree): Rule {
  const raw = file.raw;
  const next: Rule = {
    ...base,
    ...conditionFields(raw, tree),
    source: { file: file.relFile, line: file.source.lineOf(['refines']) },
  };
  for (const field of TEXT_FIELDS) {
    if (raw[field])
      next[field] = { ...(base[field] ?? {}), ...(raw[field] as Partial<LocalText>) } as LocalText;
  }
  if (raw.adviceFor !== undefined) next.adviceFor = adviceTemplate(raw.adviceFor, tree);
  if (raw.level !== undefined) next.level = raw.level as Rule['level'];
  if (raw.weight !== undefined) next.weight = raw.weight as number;
  if (raw.tags !== undefined) next.tags = raw.tags as string[];
  if (raw.references !== undefined) next.references = references(raw.references, tree);
  if (raw.reasons !== undefined) next.reasons = { ...base.reasons, ...reasons(raw.reasons) };
  return next;
}
