import type { ShopEvidence } from '../evidence/types.js';
import { type ConditionResult, emptyIds, evaluateCondition } from './evaluate-condition.js';
import { type Condition, DEFAULT_NOT_ASSESSABLE_STATUSES } from './grammar.js';
import { textIn } from './languages.js';
import { applyOverride, type Override, overrideFor } from './overrides.js';
import type { Finding, Outcome, Rule, RuleSet } from './types.js';

function finding(rule: Rule, outcome: Outcome, basis: ConditionResult | null, reason?: string): Finding {
  const ids = basis?.ids ?? emptyIds();
  // The finding keeps the English reason (stored with the run); findingReason() shows it in another language.
  const text = reason ?? (rule.reasons?.[outcome] ? textIn(rule.reasons[outcome], 'en') : undefined);
  return {
    rule: rule.id,
    outcome,
    ...(text ? { reason: text } : {}),
    sightingIds: [...ids.sightings].sort(byNumber),
    pageIds: [...ids.pages].sort(byNumber),
    widgetIds: [...ids.widgets].sort(byNumber),
    ...(ids.facts.size > 0 ? { factIds: [...ids.facts].sort(byNumber) } : {}),
    weight: rule.weight,
    level: rule.level,
  };
}

/** s2 before s10. */
function byNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}

/**
 * Judges one rule. The gates run in this order: crawl status, notAssessableWhen.when, appliesWhen,
 * then the test; needsReviewWhen only turns a failing test into needs-review.
 */
function judge(rule: Rule, evidence: ShopEvidence, evaluate: (c: Condition) => ConditionResult): Finding {
  const statuses = rule.notAssessableWhen?.crawlStatus ?? DEFAULT_NOT_ASSESSABLE_STATUSES;
  if (statuses.includes(evidence.crawl.status)) {
    return finding(
      rule,
      'not-assessable',
      null,
      `The shop could not be judged: crawl status ${evidence.crawl.status}.`,
    );
  }
  const blocked = rule.notAssessableWhen?.when;
  if (blocked !== undefined) {
    const outcome = evaluate(blocked as Condition);
    if (outcome.value)
      return finding(
        rule,
        'not-assessable',
        outcome,
        rule.reasons?.['not-assessable']
          ? textIn(rule.reasons['not-assessable'], 'en')
          : 'The evidence cannot decide this rule.',
      );
  }
  if (rule.appliesWhen !== undefined) {
    const applies = evaluate(rule.appliesWhen as Condition);
    if (!applies.value) return finding(rule, 'not-applicable', applies);
  }
  const test = evaluate(rule.test as Condition);
  if (test.value) return finding(rule, 'pass', test);
  if (rule.needsReviewWhen !== undefined) {
    const review = evaluate(rule.needsReviewWhen as Condition);
    if (review.value) {
      return finding(
        rule,
        'needs-review',
        review,
        rule.reasons?.['needs-review']
          ? textIn(rule.reasons['needs-review'], 'en')
          : 'A person must check this.',
      );
    }
  }
  return finding(rule, 'fail', test);
}

/**
 * Judges every rule of the set against one shop's evidence. Pure: no I/O, no clock.
 * A `rule:` reference sees the other rule's effective outcome (after an override; a rule switched
 * off is seen with its computed outcome). Findings come back in rule-set order.
 */
export function evaluateRules(
  ruleSet: RuleSet,
  evidence: ShopEvidence,
  overrides: Override[] = [],
): Finding[] {
  const byId = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  const done = new Map<string, Finding>();
  const inProgress = new Set<string>();

  const findingOf = (id: string): Finding => {
    const cached = done.get(id);
    if (cached) return cached;
    const rule = byId.get(id);
    if (!rule) throw new Error(`Rule ${id} is referenced but not in rule set ${ruleSet.id}.`);
    if (inProgress.has(id)) throw new Error(`Rule ${id} refers to itself through other rules.`);
    inProgress.add(id);
    const computed = judge(rule, evidence, (condition) =>
      evaluateCondition(condition, { evidence, findingOf }),
    );
    inProgress.delete(id);
    const override = overrideFor(overrides, evidence, id);
    const effective = override ? applyOverride(computed, override) : computed;
    done.set(id, effective);
    return effective;
  };

  return ruleSet.rules.map((rule) => findingOf(rule.id));
}
