import type { Lang } from './languages.js';

/**
 * The language a market is addressed in, by ISO 3166 code. Belgium speaks Dutch, French or
 * German: there the shop's own page language decides (Dutch when it names none of them). Every
 * other market (the UK, the EU baseline, countries without a profile) is addressed in English.
 */
const MARKET_LANGUAGES: Record<string, readonly Lang[]> = {
  NL: ['nl'],
  DE: ['de'],
  AT: ['de'],
  FR: ['fr'],
  BE: ['nl', 'fr', 'de'],
};

/** The language for a shop's market, by its country and the `<html lang>` of its home page. */
export function marketLanguage(country: string | null | undefined, pageLanguage?: string | null): Lang {
  const spoken = MARKET_LANGUAGES[(country ?? '').trim().toUpperCase()];
  if (!spoken) return 'en';
  const page = (pageLanguage ?? '').trim().toLowerCase().split('-')[0];
  return spoken.find((lang) => lang === page) ?? spoken[0];
}

/** One language for shops of several markets: theirs when they all share it, else English. */
export function commonLanguage(languages: Iterable<Lang>): Lang {
  const distinct = new Set(languages);
  return distinct.size === 1 ? [...distinct][0] : 'en';
}

/** The language of a rule profile's market (`de` → German); English for eu, uk and others. */
export function profileLanguage(profile: string | null | undefined): Lang {
  return marketLanguage((profile ?? '').toUpperCase());
}
