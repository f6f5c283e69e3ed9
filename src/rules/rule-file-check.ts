import { checkAdviceTemplate } from './advice.js';
import { checkCondition, checkWhere, type Selection } from './condition-check.js';
import { type SchemaProblem, validateRuleShape } from './rule-schema.js';
import type { Profile, RuleFile } from './rule-tree.js';
import { isRecord, reportAll, type TreeReading, unknownFields } from './rule-tree-reading.js';
import type { RuleReference } from './types.js';
import type { YamlSource } from './yaml-source.js';

export const CONDITION_FIELDS = ['test', 'appliesWhen', 'needsReviewWhen'] as const;
const PROFILE_FIELDS = ['description', 'version', 'packs', 'adjust'];
const ADJUST_FIELDS = ['weight', 'level'];
const LEVELS = ['law', 'interpretation', 'good-practice'];

function fileNameProblems(raw: Record<string, unknown>, name: string, id: string): SchemaProblem[] {
  if (!id || name.replace(/\.ya?ml$/, '') === id) return [];
  const path = [typeof raw.refines === 'string' ? 'refines' : 'id'];
  return [{ path, message: `file name must be ${id}.yaml (one rule per file, named by its id)` }];
}

function conditionProblems(
  raw: Record<string, unknown>,
  selections: Map<string, Selection>,
): SchemaProblem[] {
  return CONDITION_FIELDS.flatMap((field) =>
    raw[field] === undefined ? [] : checkCondition(raw[field], [field], selections),
  );
}

function adviceProblems(raw: Record<string, unknown>, selections: Map<string, Selection>): SchemaProblem[] {
  return raw.adviceFor === undefined ? [] : checkAdviceTemplate(raw.adviceFor, selections);
}

function notAssessableProblems(
  raw: Record<string, unknown>,
  selections: Map<string, Selection>,
): SchemaProblem[] {
  const notAssessable = raw.notAssessableWhen;
  if (!isRecord(notAssessable)) return [];
  const when =
    notAssessable.when === undefined
      ? []
      : checkCondition(notAssessable.when, ['notAssessableWhen', 'when'], selections);
  const statuses = Array.isArray(notAssessable.crawlStatus) ? notAssessable.crawlStatus : [];
  const known = checkWhere({ 'crawl.status': { in: statuses } }, 'shop', [
    'notAssessableWhen',
    'crawlStatus',
  ]);
  return [...when, ...known];
}

function referenceKeyProblems(
  raw: Record<string, unknown>,
  references: Map<string, RuleReference>,
): SchemaProblem[] {
  if (!Array.isArray(raw.references)) return [];
  return raw.references.flatMap((reference, index) =>
    typeof reference === 'string' && !references.has(reference)
      ? [
          {
            path: ['references', index],
            message: `unknown reference key "${reference}" (not in references.yaml)`,
          },
        ]
      : [],
  );
}

export function checkRuleFile(
  reading: TreeReading,
  source: YamlSource,
  pack: string,
  name: string,
  selections: Map<string, Selection>,
  references: Map<string, RuleReference>,
): Omit<RuleFile, 'relFile'> | undefined {
  const raw = source.value;
  if (!isRecord(raw)) {
    reading.report(source, [], 'a rule file must be a YAML map');
    return undefined;
  }
  const refines = typeof raw.refines === 'string';
  const id = String(refines ? raw.refines : (raw.id ?? ''));
  const problems = [
    ...validateRuleShape(raw),
    ...fileNameProblems(raw, name, id),
    ...conditionProblems(raw, selections),
    ...adviceProblems(raw, selections),
    ...notAssessableProblems(raw, selections),
    ...referenceKeyProblems(raw, references),
  ];
  reportAll(reading.report, source, problems, id || undefined);
  if (!id) return undefined;
  return { pack, source, raw, id, refines };
}

function isWeight(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 10;
}

/** A problem in a profile; a bad weight or level belongs to the rule it adjusts. */
interface ProfileProblem extends SchemaProblem {
  ruleId?: string;
}

/** What is wrong with one `adjust` entry of a profile. */
function adjustProblems(ruleId: string, change: Record<string, unknown>): ProfileProblem[] {
  const at = ['adjust', ruleId];
  const problems: ProfileProblem[] = unknownFields(change, ADJUST_FIELDS).map((field) => ({
    path: [...at, field],
    message: `unknown field "${field}" (weight, level)`,
  }));
  if (change.weight !== undefined && !isWeight(change.weight))
    problems.push({
      path: [...at, 'weight'],
      message: `weight of ${ruleId} must be a number from 0 to 10`,
      ruleId,
    });
  if (change.level !== undefined && !LEVELS.includes(String(change.level)))
    problems.push({
      path: [...at, 'level'],
      message: 'level must be law, interpretation or good-practice',
      ruleId,
    });
  return problems;
}

function readAdjust(reading: TreeReading, source: YamlSource, raw: unknown): Profile['adjust'] {
  const adjust: Profile['adjust'] = {};
  if (raw !== undefined && !isRecord(raw))
    reading.report(source, ['adjust'], 'adjust must map a rule id to { weight?, level? }');
  for (const [ruleId, change] of Object.entries(isRecord(raw) ? raw : {})) {
    if (!isRecord(change)) {
      reading.report(source, ['adjust', ruleId], `adjust.${ruleId} must be a map with weight and/or level`);
      continue;
    }
    for (const problem of adjustProblems(ruleId, change))
      reading.report(source, problem.path, problem.message, problem.ruleId);
    adjust[ruleId] = change as Profile['adjust'][string];
  }
  return adjust;
}

function readProfilePacks(
  reading: TreeReading,
  source: YamlSource,
  id: string,
  raw: unknown,
  packs: Map<string, RuleFile[]>,
): string[] {
  const list = Array.isArray(raw) ? raw.map(String) : [];
  if (list.length === 0) reading.report(source, ['packs'], `profile ${id} needs a non-empty list of packs`);
  list.forEach((pack, index) => {
    if (!packs.has(pack))
      reading.report(source, ['packs', index], `unknown pack "${pack}" (no folder rules/${pack}/)`);
  });
  return list;
}

export function checkProfile(
  reading: TreeReading,
  source: YamlSource,
  name: string,
  packs: Map<string, RuleFile[]>,
): Omit<Profile, 'relFile'> | undefined {
  const raw = source.value;
  const id = name.replace(/\.ya?ml$/, '');
  if (!isRecord(raw)) {
    reading.report(source, [], 'a profile must be a map with "packs"');
    return undefined;
  }
  for (const field of unknownFields(raw, PROFILE_FIELDS))
    reading.report(source, [field], `unknown field "${field}" in profile ${id}`);
  return {
    id,
    source,
    packs: readProfilePacks(reading, source, id, raw.packs, packs),
    adjust: readAdjust(reading, source, raw.adjust),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(raw.version !== undefined ? { version: String(raw.version) } : {}),
  };
}
