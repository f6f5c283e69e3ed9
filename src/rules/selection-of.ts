import type { Condition, Quantified } from './grammar.js';
import type { Rule, RuleSet } from './types.js';

function* quantifiedIn(condition: unknown): Generator<Quantified> {
  if (!condition || typeof condition !== 'object') return;
  const node = condition as Record<string, unknown>;
  for (const key of ['some', 'none', 'all', 'count'] as const) if (node[key]) yield node[key] as Quantified;
  for (const key of ['allOf', 'anyOf'] as const)
    if (Array.isArray(node[key])) for (const child of node[key] as Condition[]) yield* quantifiedIn(child);
  if (node.not) yield* quantifiedIn(node.not);
}

/**
 * A named selection (rules/selections.yaml) as the run's rule set froze it. Rule sets stored
 * before they kept their selections hold them only resolved into conditions: there the selection
 * is read back from a condition that names it, with only its own filters. Null when the set has
 * no selection of that name.
 */
export function selectionOf(ruleSet: RuleSet, name: string): Quantified | null {
  if (ruleSet.selections) return ruleSet.selections[name] ?? null;
  for (const rule of ruleSet.rules) {
    const named = conditionsOf(rule)
      .flatMap((condition) => [...quantifiedIn(condition)])
      .find((q) => q.selection === name);
    if (named) return ownSelection(named, name);
  }
  return null;
}

/** Every condition a rule holds, its advice's item list as a `some`. */
function conditionsOf(rule: Rule): unknown[] {
  return [
    rule.test,
    rule.appliesWhen,
    rule.needsReviewWhen,
    rule.notAssessableWhen?.when,
    rule.adviceFor ? { some: rule.adviceFor.items } : undefined,
  ];
}

/** A resolved selection read back with only the filters the selection itself contributed. */
function ownSelection(q: Quantified, name: string): Quantified {
  const where = Array.isArray(q.where) ? q.where : q.where ? [q.where] : [];
  return { in: q.in, selection: name, where: where.slice(0, q.selectionClauses ?? where.length) };
}

/** The selections that say which sightings a visitor can read as the shop's phone and e-mail. */
export const READABLE_SELECTION_NAMES = { phone: 'readable-phone', email: 'readable-email' } as const;

/** The `readable-phone` and `readable-email` selections; null for one the rules do not define. */
export interface ReadableSelections {
  phone: Quantified | null;
  email: Quantified | null;
}

/** The readable selections of a run's rule set. */
export function readableSelections(ruleSet: RuleSet): ReadableSelections {
  return {
    phone: selectionOf(ruleSet, READABLE_SELECTION_NAMES.phone),
    email: selectionOf(ruleSet, READABLE_SELECTION_NAMES.email),
  };
}

/** The readable selections among a rules folder's selections (loadSelections). */
export function readableSelectionsIn(selections: Record<string, Quantified>): ReadableSelections {
  return {
    phone: selections[READABLE_SELECTION_NAMES.phone] ?? null,
    email: selections[READABLE_SELECTION_NAMES.email] ?? null,
  };
}
