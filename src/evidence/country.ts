import { parse } from 'tldts';
import type { CountrySource } from './types.js';

/** Country-code top-level domains that do not name a market (used worldwide). */
const GENERIC_CCTLDS = new Set([
  'eu',
  'io',
  'co',
  'tv',
  'me',
  'ai',
  'fm',
  'ly',
  'to',
  'cc',
  'ws',
  'gg',
  'app',
  'dev',
  'shop',
  'store',
]);

const LANGUAGE_COUNTRY: Record<string, string> = {
  nl: 'NL',
  de: 'DE',
  fr: 'FR',
  en: 'GB',
  es: 'ES',
  it: 'IT',
  pl: 'PL',
  da: 'DK',
  sv: 'SE',
  pt: 'PT',
  fi: 'FI',
};

export const DEFAULT_COUNTRY = 'NL';

export function countryFromHost(hostname: string): string | null {
  const { publicSuffix, isIp } = parse(hostname);
  if (isIp || !publicSuffix) return null;
  const last = publicSuffix.split('.').pop() ?? '';
  if (last === 'uk') return 'GB';
  if (last.length !== 2 || GENERIC_CCTLDS.has(last)) return null;
  return last.toUpperCase();
}

export function countryFromLanguage(language: string | null): string | null {
  return language ? (LANGUAGE_COUNTRY[language.toLowerCase()] ?? null) : null;
}

export interface CountryHints {
  listCountry?: string;
  optionCountry?: string;
  url: string;
  language?: string | null;
}

/** The shop's target market, in the documented order: the list, --country, the domain, the page language. */
export function inferCountry(hints: CountryHints): { country: string; source: CountrySource } {
  if (hints.listCountry) return { country: hints.listCountry, source: 'list' };
  if (hints.optionCountry) return { country: hints.optionCountry, source: 'option' };
  const fromHost = countryFromHost(new URL(hints.url).hostname);
  if (fromHost) return { country: fromHost, source: 'domain' };
  const fromLanguage = countryFromLanguage(hints.language ?? null);
  if (fromLanguage) return { country: fromLanguage, source: 'language' };
  return { country: DEFAULT_COUNTRY, source: 'default' };
}
