import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import { evaluateRules, type Override } from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';
import { scoreShop } from '../score/index.js';
import type { ShopOutcome } from '../store/types.js';

/** Judges stored or fresh evidence: rules, then score. Pure apart from what the rule set holds. */
export function judgeShop(
  target: ShopTarget,
  evidence: ShopEvidence,
  ruleSet: RuleSet,
  overrides: Override[] = [],
): ShopOutcome {
  const findings = evaluateRules(ruleSet, evidence, overrides);
  return { target, evidence, findings, score: scoreShop(findings, evidence), ruleSetId: ruleSet.id };
}
