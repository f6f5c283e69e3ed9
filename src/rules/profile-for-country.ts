/**
 * The market profile for a target country (ISO 3166-1 alpha-2). Austria uses the German profile:
 * its ECG § 5 mirrors the German provider-identification duty, and German-language sites share the
 * case law on clicks and labels. Countries without a profile of their own get the EU baseline.
 */
const PROFILE_BY_COUNTRY: Record<string, string> = {
  NL: 'nl',
  DE: 'de',
  AT: 'de',
  BE: 'be',
  FR: 'fr',
  GB: 'uk',
  UK: 'uk',
};

export function profileForCountry(country: string): string {
  return PROFILE_BY_COUNTRY[country.trim().toUpperCase()] ?? 'eu';
}
