import { type ListMessage, listMessage } from './list-message.js';

/** ISO 3166-1 alpha-2 codes, with the common "UK" accepted as GB. */
const ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

export type CountryCheck = { ok: true; country: string } | ({ ok: false } & ListMessage);

export function normaliseCountry(text: string): CountryCheck {
  const upper = text.trim().toUpperCase();
  const code = ALIASES[upper] ?? upper;
  if (!/^[A-Z]{2}$/.test(code))
    return { ok: false, ...listMessage('list.badCountry', { value: text.trim() }) };
  return { ok: true, country: code };
}
