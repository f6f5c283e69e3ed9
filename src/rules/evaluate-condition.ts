import type { ShopEvidence } from '../evidence/types.js';
import type { Collection, Condition, Quantified, Where } from './grammar.js';
import { readField, whereHolds } from './predicates.js';
import type { Finding, Outcome } from './types.js';

/** The evidence ids a condition's value rests on, split by collection. */
export interface EvidenceIds {
  sightings: Set<string>;
  pages: Set<string>;
  widgets: Set<string>;
  facts: Set<string>;
}

export interface ConditionResult {
  value: boolean;
  ids: EvidenceIds;
}

export interface ConditionContext {
  evidence: ShopEvidence;
  /** The finding of another rule in the same set (for `rule:` references). */
  findingOf(ruleId: string): Finding;
}

export function emptyIds(): EvidenceIds {
  return { sightings: new Set(), pages: new Set(), widgets: new Set(), facts: new Set() };
}

function mergeIds(target: EvidenceIds, source: EvidenceIds): EvidenceIds {
  for (const id of source.sightings) target.sightings.add(id);
  for (const id of source.pages) target.pages.add(id);
  for (const id of source.widgets) target.widgets.add(id);
  for (const id of source.facts) target.facts.add(id);
  return target;
}

/** A fact also names its page, so a report that shows pages can show where the fact stood. */
function idsOf(collection: Collection, items: Array<{ id: string; pageId?: string }>): EvidenceIds {
  const ids = emptyIds();
  for (const item of items) {
    ids[collection].add(item.id);
    if (collection === 'facts' && item.pageId) ids.pages.add(item.pageId);
  }
  return ids;
}

/** The items of a collection (or resolved selection) that satisfy its `where`. */
export function selectItems(evidence: ShopEvidence, quantified: Quantified): Array<{ id: string }> {
  // Evidence from before identity facts were extracted has no `facts`: an empty list.
  const items = (evidence[quantified.in] ?? []) as Array<{ id: string }>;
  return items.filter((item) => whereHolds(item, quantified.where));
}

function result(value: boolean, ids: EvidenceIds = emptyIds()): ConditionResult {
  return { value, ids };
}

type Counted = Extract<Condition, { count: unknown }>['count'];
type RuleReference = Extract<Condition, { rule: string }>;

function evaluateAll(all: Quantified & { expect: Where }, evidence: ShopEvidence): ConditionResult {
  const domain = selectItems(evidence, all);
  const breaking = domain.filter((item) => !whereHolds(item, all.expect));
  return result(breaking.length === 0, idsOf(all.in, breaking.length > 0 ? breaking : domain));
}

function evaluateCount(count: Counted, evidence: ShopEvidence): ConditionResult {
  const { atLeast, atMost, distinct } = count;
  const matches = selectItems(evidence, count);
  const n = distinct
    ? new Set(matches.map((item) => JSON.stringify(readField(item, distinct)))).size
    : matches.length;
  const value = (atLeast === undefined || n >= atLeast) && (atMost === undefined || n <= atMost);
  return result(value, idsOf(count.in, matches));
}

function mergedIds(children: ConditionResult[]): EvidenceIds {
  return children.reduce((ids, child) => mergeIds(ids, child.ids), emptyIds());
}

function evaluateAllOf(conditions: Condition[], context: ConditionContext): ConditionResult {
  const children = conditions.map((child) => evaluateCondition(child, context));
  const value = children.every((child) => child.value);
  return result(value, mergedIds(value ? children : children.filter((child) => !child.value)));
}

function evaluateAnyOf(conditions: Condition[], context: ConditionContext): ConditionResult {
  const children = conditions.map((child) => evaluateCondition(child, context));
  const value = children.some((child) => child.value);
  return result(value, mergedIds(value ? children.filter((child) => child.value) : children));
}

function evaluateRuleReference(condition: RuleReference, context: ConditionContext): ConditionResult {
  const finding = context.findingOf(condition.rule);
  const expected: Outcome[] = Array.isArray(condition.is) ? condition.is : [condition.is ?? 'pass'];
  const ids: EvidenceIds = {
    sightings: new Set(finding.sightingIds),
    pages: new Set(finding.pageIds),
    widgets: new Set(finding.widgetIds),
    facts: new Set(finding.factIds ?? []),
  };
  return result(expected.includes(finding.outcome), ids);
}

/**
 * Evaluates a resolved condition. The ids returned are the proof for the value found:
 * `some` → the matching items; a false `none` → the offending items; a false `all` → the items
 * that break the expectation; `allOf`/`anyOf` → the ids of the children that decided.
 */
export function evaluateCondition(condition: Condition, context: ConditionContext): ConditionResult {
  const { evidence } = context;
  if ('always' in condition) return result(condition.always);
  if ('some' in condition) {
    const matches = selectItems(evidence, condition.some);
    return result(matches.length > 0, idsOf(condition.some.in, matches));
  }
  if ('none' in condition) {
    const matches = selectItems(evidence, condition.none);
    return result(matches.length === 0, idsOf(condition.none.in, matches));
  }
  if ('all' in condition) return evaluateAll(condition.all, evidence);
  if ('count' in condition) return evaluateCount(condition.count, evidence);
  if ('allOf' in condition) return evaluateAllOf(condition.allOf, context);
  if ('anyOf' in condition) return evaluateAnyOf(condition.anyOf, context);
  if ('not' in condition) {
    const child = evaluateCondition(condition.not, context);
    return result(!child.value, child.ids);
  }
  if ('rule' in condition) return evaluateRuleReference(condition, context);
  if ('shop' in condition) return result(whereHolds(evidence, condition.shop));
  throw new Error(`Unknown condition: ${JSON.stringify(condition)}`);
}
