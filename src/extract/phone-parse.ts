import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneType } from './types.js';
import { phoneCountries } from './vocabularies.js';

export interface ParsedPhone {
  e164: string;
  type: PhoneType;
  /** The country whose rules the number was read with (its own for an international number). */
  region: string | null;
  /** libphonenumber-js's reading, for how the number is usually grouped. */
  number: PhoneNumber;
}

const LIB_TYPES: Record<string, PhoneType> = {
  FIXED_LINE: 'fixed',
  MOBILE: 'mobile',
  FIXED_LINE_OR_MOBILE: 'fixed',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
};

const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

const INTERNATIONAL = /^\(?\s*(?:\+|00)/;

/** Whether a written number starts with an international prefix ("+31 …", "0031 …", "(+49) …"). */
export const writtenInternational = (written: string): boolean => INTERNATIONAL.test(written.trim());

/** The written number as libphonenumber-js reads it: spaces of every width, "00" and "(0)" handled. */
function prepared(written: string): { text: string; digits: string; international: boolean } {
  // libphonenumber-js does not read narrow or non-breaking spaces as separators.
  let text = written.replace(/\s+/g, ' ').trim();
  const international = INTERNATIONAL.test(text);
  if (international) {
    // "+31 (0)20 …" and "0031 (0) 20 …": the bracketed trunk zero is not dialled.
    text = text.replace(/^\(?\s*00/, '+').replace(/\(\s*0\s*\)/, ' ');
  }
  return { text, digits: text.replace(/\D/g, ''), international };
}

/**
 * Parses one written phone number for a market. National numbers must carry the trunk prefix
 * where the market has one ("504 891 235" on a French page is a company number). Returns null
 * for anything libphonenumber-js does not consider a valid number.
 */
export function parsePhone(written: string, country: string): ParsedPhone | null {
  const { text, digits, international } = prepared(written);
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  const cc = country.toUpperCase();
  const facts = phoneCountries()[cc];
  if (!international && facts?.trunkPrefix && !digits.startsWith(facts.trunkPrefix)) return null;
  const parsed = parsePhoneNumberFromString(text, cc as CountryCode);
  if (!parsed?.isValid()) return null;
  return {
    e164: parsed.number,
    type: phoneTypeOf(parsed.number, parsed.country ?? null, parsed.nationalNumber, parsed.getType()),
    region: parsed.country ?? null,
    number: parsed,
  };
}

/** Whether a nationally written number is valid in one of the countries of rules/vocabulary/extract-phone-countries.yaml. */
function validInAKnownCountry(text: string): boolean {
  return Object.keys(phoneCountries()).some(
    (c) => parsePhoneNumberFromString(text, c as CountryCode)?.isValid() === true,
  );
}

/**
 * A number written as a phone number that does not validate: its digits in E.164 shape (with the
 * country code libphonenumber-js reads, else the market's), for the evidence to name it. Null
 * when it has too few or too many digits to be meant as a phone number at all, and for a
 * nationally written number that is valid in another of the countries the vocabulary knows: the
 * market may be guessed wrong ("0499 453 555" is Dutch and Australian, not British), and calling a
 * shop's good number invalid would be worse than saying nothing.
 */
export function invalidPhoneValue(written: string, country: string): string | null {
  const { text, digits, international } = prepared(written);
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  if (international) return `+${digits}`;
  if (validInAKnownCountry(text)) return null;
  const parsed = parsePhoneNumberFromString(text, country.toUpperCase() as CountryCode);
  return parsed?.number ?? `+${digits}`;
}

/** libphonenumber-js's type, overridden by the market's tariff prefixes (rules/vocabulary). */
export function phoneTypeOf(
  _e164: string,
  country: string | null,
  nationalNumber: string,
  libType: string | undefined,
): PhoneType {
  const facts = country ? phoneCountries()[country] : undefined;
  const dialled = `${facts?.trunkPrefix ?? ''}${nationalNumber}`;
  let best: { type: PhoneType; length: number } | null = null;
  for (const [type, prefixes] of Object.entries(facts?.tariffs ?? {}) as [PhoneType, string[]][]) {
    for (const prefix of prefixes) {
      if (dialled.startsWith(prefix) && (!best || prefix.length > best.length))
        best = { type, length: prefix.length };
    }
  }
  if (best) return best.type;
  if (!facts?.tariffs && /^0?800/.test(dialled) && libType === undefined) return 'toll-free';
  return (libType && LIB_TYPES[libType]) || 'unknown';
}
