import { normaliseEmail } from './email-address.js';

/**
 * What may follow the domain: one or two spaces or inline element edges (\u200b, page-model.ts),
 * then the rest of its last label, then no letter.
 */
const LABEL_REST = /^[ \u00a0\u200b]{1,2}([a-z]{1,3})(?![\p{L}\p{N}@.])/u;

/**
 * Obfuscated addresses sometimes split the top-level domain with a space, "info ( @ ) shop.n l", or
 * with the end of a link, "Info(@)shop.n</a>l".
 * When the domain read so far is not a real one, try it joined with the letters after the space.
 * Only a join that gives a real top-level domain counts, so "shop.nl en meer" is left alone
 * (it is valid as read) and "shop.n lopen" is no address at all.
 */
export function joinSplitDomain(
  local: string,
  domain: string,
  following: string,
): { value: string; consumed: number } | null {
  const rest = LABEL_REST.exec(following);
  if (!rest) return null;
  const value = normaliseEmail(local, domain + rest[1]);
  return value ? { value, consumed: rest[0].length } : null;
}
