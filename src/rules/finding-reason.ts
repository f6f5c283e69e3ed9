import { catalogue, formatMessage } from '../i18n/index.js';
import { type RuleLanguage, textIn } from './languages.js';
import type { Outcome, ReasonSource, Rule } from './types.js';

/** A finding as stored with a run or shown in a report: only what its reason depends on. */
interface ReasonedFinding {
  outcome: Outcome;
  reason?: string | null;
  reasonFrom?: ReasonSource | null;
  override?: { reason: string } | null;
}

/**
 * Why a finding came out as it did, in the reader's language. A person's override is shown in
 * their own words. Otherwise the finding names its reason's source (`reasonFrom`): the rule file's
 * reason for the outcome, or a catalogue message filled in with the evidence. A finding stored
 * before it named its source is recognised by its English text when that is the rule's own reason
 * for the outcome; any other reason comes back as stored (English).
 */
export function findingReason(
  rule: Rule | undefined,
  finding: ReasonedFinding,
  lang: RuleLanguage,
): string | null {
  if (finding.override) return finding.override.reason;
  const source = finding.reasonFrom;
  if (source && 'rule' in source) {
    const own = rule?.reasons?.[source.rule];
    return own === undefined ? (finding.reason ?? null) : textIn(own, lang);
  }
  if (source && source.message in catalogue(lang)) return formatMessage(lang, source.message, source.values);
  if (finding.reason == null) return null;
  const own = rule?.reasons?.[finding.outcome];
  if (own !== undefined && textIn(own, 'en') === finding.reason) return textIn(own, lang);
  return finding.reason;
}
