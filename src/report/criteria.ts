import { referencedRules } from '../rules/index.js';
import type { LocalText, RuleSet } from '../rules/types.js';
import { HEADLINE_RULE_ID } from '../score/index.js';

/** One yes/no column of the ranking: a rule the headline verdict is made of. */
export interface Criterion {
  rule: string;
  label: LocalText;
}

/**
 * The parts of the headline verdict, in the order its rule names them (phone, e-mail, within two
 * clicks …), labelled by each rule's `short` text: the rule files decide the columns, and each
 * cell shows that rule's finding, never a value computed here.
 */
export function headlineCriteria(ruleSets: RuleSet[]): Criterion[] {
  const criteria = new Map<string, Criterion>();
  for (const ruleSet of ruleSets) {
    const byId = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
    const headline = byId.get(HEADLINE_RULE_ID);
    if (!headline) continue;
    for (const id of referencedRules(headline.test)) {
      const rule = byId.get(id);
      if (rule && !criteria.has(id)) criteria.set(id, { rule: id, label: rule.short ?? rule.title });
    }
  }
  return [...criteria.values()];
}
