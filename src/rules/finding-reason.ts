import { type RuleLanguage, textIn } from './languages.js';
import type { Finding, Rule } from './types.js';

/**
 * A finding's reason in one language. A finding stores the English text; when that text is the
 * rule's own reason for the outcome, the rule file's translation is returned. Any other reason
 * (written by the engine, e.g. a crawl status) comes back as stored, for the caller to translate.
 */
export function findingReason(
  rule: Rule | undefined,
  finding: Finding,
  lang: RuleLanguage,
): string | undefined {
  if (finding.reason === undefined) return undefined;
  const own = rule?.reasons?.[finding.outcome];
  if (own !== undefined && textIn(own, 'en') === finding.reason) return textIn(own, lang);
  return finding.reason;
}
