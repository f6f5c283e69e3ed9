import { LANGUAGES, type Lang } from '../i18n/languages.js';
import type { LocalText } from './types.js';

/**
 * The languages every shipped rule text, reason and reference title is written in: the languages
 * shopreach speaks (src/i18n/languages.ts), so a rule text exists wherever a catalogue does.
 */
export const RULE_LANGUAGES = LANGUAGES;
export type RuleLanguage = Lang;

/**
 * A rule text in one language; English where a (user's own) rule file lacks that language. The
 * shipped rules have every language (`rules lint` reports a gap), so this is the one place that
 * falls back; the message catalogues never do.
 */
export function textIn(text: LocalText | string | undefined, lang: RuleLanguage): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en;
}
