import type { Lang } from '../i18n/index.js';
import type { LocalText, Outcome, Rule, RuleReference } from './types.js';

/**
 * A rule file's text in the reader's language. The rule files carry `en` and `nl` for every text,
 * and German and French are being added to them: until every rule has them, a text without the
 * language asked for is shown in English. This is the one place that falls back (message
 * catalogues never do); once `rules lint` requires every shipped language it can go.
 */
export function ruleText(text: LocalText | string | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en;
}

/** A rule's own reason for an outcome (`reasons:` in its file), in the reader's language; null when it has none. */
export function ruleReason(rule: Rule | undefined, outcome: Outcome, lang: Lang): string | null {
  const reason = rule?.reasons?.[outcome];
  return reason === undefined ? null : ruleText(reason, lang);
}

/** A reference's instrument in the reader's language (references.yaml may give it per language). */
export function referenceInstrument(reference: RuleReference, lang: Lang): string {
  return ruleText(reference.instrument, lang);
}
