import type { ShopEvidence } from '../evidence/types.js';
import { formatMessage } from '../i18n/index.js';
import { type ConditionResult, emptyIds, evaluateCondition } from './evaluate-condition.js';
import { type Condition, DEFAULT_NOT_ASSESSABLE_STATUSES } from './grammar.js';
import { textIn } from './languages.js';
import { applyOverride, type Override, overrideFor } from './overrides.js';
import type { Finding, Outcome, ReasonSource, Rule, RuleSet } from './types.js';

/**
 * Why the finding came out as it did: the rule file's own reason for the outcome when it has one,
 * else the engine's message (`fallback`), if any. Stored in English, with its source so that a
 * report can say it in its own language.
 */
function reasonOf(rule: Rule, outcome: Outcome, fallback?: ReasonSource): ReasonSource | undefined {
  return rule.reasons?.[outcome] !== undefined ? { rule: outcome } : fallback;
}

function reasonText(rule: Rule, source: ReasonSource): string {
  return 'rule' in source
    ? textIn(rule.reasons?.[source.rule], 'en')
    : formatMessage('en', source.message, source.values);
}

function finding(
  rule: Rule,
  outcome: Outcome,
  basis: ConditionResult | null,
  source = reasonOf(rule, outcome),
): Finding {
  const ids = basis?.ids ?? emptyIds();
  return {
    rule: rule.id,
    outcome,
    ...(source ? { reason: reasonText(rule, source), reasonFrom: source } : {}),
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
    // The crawl status decides before the rule's own reasons: say so, whatever the rule file says.
    return finding(rule, 'not-assessable', null, {
      message: 'reason.crawlStatus',
      values: { status: evidence.crawl.status },
    });
  }
  const blocked = rule.notAssessableWhen?.when;
  if (blocked !== undefined) {
    const outcome = evaluate(blocked as Condition);
    if (outcome.value)
      return finding(
        rule,
        'not-assessable',
        outcome,
        reasonOf(rule, 'not-assessable', { message: 'reason.evidenceCannotDecide' }),
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
        reasonOf(rule, 'needs-review', { message: 'reason.personMustCheck' }),
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
