import type { ShopEvidence } from '../evidence/types.js';
import { formatMessage } from '../i18n/index.js';
import type { ShopTarget } from '../input/types.js';
import {
  evaluateRules,
  type Finding,
  type Override,
  RuleSetError,
  TimeLimitError,
  unsafePatterns,
  withinTimeLimit,
} from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';
import { scoreShop } from '../score/index.js';
import type { ShopOutcome } from '../store/types.js';

/**
 * Judging one shop takes milliseconds; capped evidence keeps it so. A shop that takes longer than
 * this is stopped: a pattern in the rules that backtracks catastrophically must not hang a run.
 */
export const JUDGING_TIME_LIMIT_MS = 10_000;

/** Every rule not assessable, saying why: judging the shop was stopped at the time limit. */
function stoppedFindings(ruleSet: RuleSet, limitMs: number): Finding[] {
  const reasonFrom = { message: 'reason.judgingStopped', values: { seconds: limitMs / 1000 } } as const;
  const reason = formatMessage('en', reasonFrom.message, reasonFrom.values);
  return ruleSet.rules.map((rule) => ({
    rule: rule.id,
    outcome: 'not-assessable',
    reason,
    reasonFrom,
    sightingIds: [],
    pageIds: [],
    widgetIds: [],
    weight: rule.weight,
    level: rule.level,
  }));
}

/**
 * Judges stored or fresh evidence: rules, then score, within the time limit. A shop stopped at
 * the limit is not assessable, unless the rule set holds a pattern that backtracks catastrophically:
 * that is the rules' fault, not the shop's, and every shop would hit it, so the run stops with it.
 */
export function judgeShop(
  target: ShopTarget,
  evidence: ShopEvidence,
  ruleSet: RuleSet,
  overrides: Override[] = [],
  limitMs = JUDGING_TIME_LIMIT_MS,
): ShopOutcome {
  let findings: Finding[];
  try {
    findings = withinTimeLimit(() => evaluateRules(ruleSet, evidence, overrides), limitMs);
  } catch (error) {
    if (!(error instanceof TimeLimitError)) throw error;
    const unsafe = unsafePatterns(ruleSet.rules);
    if (unsafe.length > 0) {
      const { pattern, reason } = unsafe[0];
      throw new RuleSetError(
        `Judging ${target.url} was stopped after ${limitMs / 1000} s: the pattern ${JSON.stringify(pattern)} of rule set ${ruleSet.id} ${reason}. Fix it; "shopreach rules lint" finds such patterns.`,
        [],
      );
    }
    findings = stoppedFindings(ruleSet, limitMs);
  }
  return { target, evidence, findings, score: scoreShop(findings, evidence, ruleSet), ruleSetId: ruleSet.id };
}
