/** The languages shopreach speaks: one catalogue file each under src/i18n/locales/. */
export const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The locale each language formats numbers, dates and lists in (Intl). */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE', fr: 'fr-FR' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
