import type { Lang } from '../i18n/index.js';
import type { CheckJudgement } from '../report/check-view.js';
import { adviceFor, adviceItems, selectItems, selectionOf } from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';
import type { StoredShop } from '../store/types.js';

/** The rule set's own selection of findable sightings, by name; null when the set has none. */
function findableIds(ruleSet: RuleSet, shop: StoredShop, selection: string): string[] | null {
  const quantified = selectionOf(ruleSet, selection);
  return quantified ? selectItems(shop.evidence, quantified).map((item) => item.id) : null;
}

/**
 * What the rules add to a shop's own check: the advice each failed rule writes for this shop,
 * and which sightings the rule set counts as findable (so the click counts follow the headline).
 */
export function judgementFor(shop: StoredShop, ruleSet: RuleSet, lang: Lang): CheckJudgement {
  const rules = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  const advice: CheckJudgement['advice'] = {};
  const adviceEvidence: CheckJudgement['adviceEvidence'] = {};
  for (const finding of shop.findings) {
    const rule = rules.get(finding.rule);
    if (!rule?.adviceFor || finding.outcome !== 'fail') continue;
    advice[finding.rule] = adviceFor(rule, finding, shop.evidence, lang);
    adviceEvidence[finding.rule] = adviceItems(rule.adviceFor, finding, shop.evidence).map((item) => item.id);
  }
  return {
    advice,
    adviceEvidence,
    findable: {
      phone: findableIds(ruleSet, shop, 'findable-phone'),
      email: findableIds(ruleSet, shop, 'findable-email'),
    },
  };
}
