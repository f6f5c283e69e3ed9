import { catalogue, type Translate } from '../i18n/index.js';
import { ruleReason } from '../rules/rule-text.js';
import type { ReasonSource, Rule } from '../rules/types.js';

interface ReasonedFinding {
  reason: string | null;
  reasonFrom?: ReasonSource | null;
  override?: { reason: string } | null;
}

/**
 * Why a finding came out as it did, in the reader's language: a person's override in their own
 * words; else the rule file's reason or the engine's message the finding names; else the reason as
 * stored (findings judged before their reasons had a source are English).
 */
export function findingReason(finding: ReasonedFinding, rule: Rule | undefined, t: Translate): string | null {
  if (finding.override) return finding.override.reason;
  const source = finding.reasonFrom;
  if (source && 'rule' in source) return ruleReason(rule, source.rule, t.lang) ?? finding.reason;
  if (source && source.message in catalogue(t.lang)) return t(source.message, source.values);
  return finding.reason;
}
