import type { Condition, Quantified } from './grammar.js';
import type { RuleSet } from './types.js';

function* quantifiedIn(condition: unknown): Generator<Quantified> {
  if (!condition || typeof condition !== 'object') return;
  const node = condition as Record<string, unknown>;
  for (const key of ['some', 'none', 'all', 'count'] as const) if (node[key]) yield node[key] as Quantified;
  for (const key of ['allOf', 'anyOf'] as const)
    if (Array.isArray(node[key])) for (const child of node[key] as Condition[]) yield* quantifiedIn(child);
  if (node.not) yield* quantifiedIn(node.not);
}

/**
 * A named selection (rules/selections.yaml) as the run's rule set froze it: rule sets store their
 * conditions with selections resolved, so the selection is read back from a condition that names
 * it, with only its own filters. Null when no rule of the set uses it.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complexity 22 predates the limit; split once the parallel work on this folder is merged (issue 18)
export function selectionOf(ruleSet: RuleSet, name: string): Quantified | null {
  for (const rule of ruleSet.rules) {
    const conditions = [
      rule.test,
      rule.appliesWhen,
      rule.needsReviewWhen,
      rule.notAssessableWhen?.when,
      rule.adviceFor ? { some: rule.adviceFor.items } : undefined,
    ];
    for (const condition of conditions) {
      for (const q of quantifiedIn(condition)) {
        if (q.selection !== name) continue;
        const where = Array.isArray(q.where) ? q.where : q.where ? [q.where] : [];
        return { in: q.in, selection: name, where: where.slice(0, q.selectionClauses ?? where.length) };
      }
    }
  }
  return null;
}
