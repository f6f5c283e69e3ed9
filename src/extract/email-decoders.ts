import { decodeEntities, emailFromString } from './email-address.js';
import { emailsInText } from './email-text.js';

/** Cloudflare e-mail protection: hex bytes, each XOR-ed with the first. */
export function decodeCfEmail(hex: string): string | null {
  const clean = hex.trim();
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(clean)) return null;
  const key = Number.parseInt(clean.slice(0, 2), 16);
  let out = '';
  for (let i = 2; i < clean.length; i += 2)
    out += String.fromCharCode(Number.parseInt(clean.slice(i, i + 2), 16) ^ key);
  // The bytes are UTF-8; fall back to reading them as Latin-1 when they are not.
  const asUtf8 = Buffer.from(out, 'latin1').toString('utf8');
  const decoded = asUtf8.includes('\uFFFD') ? out : asUtf8;
  return emailFromString(decoded.replace(/^mailto:/i, '').split('?')[0]);
}

/** The address a Cloudflare-protected link carries: `/cdn-cgi/l/email-protection#<hex>`. */
export function cfHrefEmail(href: string): string | null {
  const m = /\/cdn-cgi\/l\/email-protection#([0-9a-f]+)/i.exec(href);
  return m ? decodeCfEmail(m[1]) : null;
}

/**
 * TYPO3 `linkTo_UnCryptMailto('…')`: each letter, digit and some punctuation shifted by a site
 * offset. The offset is unknown, so try each one and keep the reading that starts with "mailto:".
 */
export function decodeTypo3Mailto(encoded: string): string | null {
  const ranges: [number, number][] = [
    [0x2b, 0x3a],
    [0x40, 0x5a],
    [0x61, 0x7a],
  ];
  for (let offset = -26; offset <= 26; offset++) {
    if (offset === 0) continue;
    let out = '';
    for (const ch of encoded) {
      const code = ch.charCodeAt(0);
      const range = ranges.find(([lo, hi]) => code >= lo && code <= hi);
      if (!range) {
        out += ch;
        continue;
      }
      const [lo, hi] = range;
      const span = hi - lo + 1;
      out += String.fromCharCode(lo + ((((code - lo - offset) % span) + span) % span));
    }
    if (out.toLowerCase().startsWith('mailto:')) return emailFromString(out.slice(7).split('?')[0]);
  }
  return null;
}

export function typo3HrefEmail(href: string): string | null {
  const m = /linkTo_UnCryptMailto\(\s*['"]([^'"]+)['"]/i.exec(href);
  return m ? decodeTypo3Mailto(m[1]) : null;
}

/** The addresses a mailto: href names: entities and %-escapes decoded, ?subject=… dropped. */
export function mailtoHrefEmails(href: string): string[] {
  const m = /^\s*mailto:(.*)$/is.exec(href);
  if (!m) return [];
  let target = m[1].split('?')[0];
  try {
    target = decodeURIComponent(target);
  } catch {
    // keep as written
  }
  target = decodeEntities(target);
  const out: string[] = [];
  for (const part of target.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const direct = emailFromString(part);
    if (direct) out.push(direct);
    else for (const found of emailsInText(part)) out.push(found.value);
  }
  return out;
}

/** Joomla's e-mail cloak: `var addy123 = 'in' + '&#64;'; addy123 = addy123 + 'shop' + '&#46;' + 'nl';` */
export function joomlaCloakEmails(script: string): string[] {
  const pieces = new Map<string, string>();
  const statement = /(?:var\s+)?(addy\d+)\s*=\s*((?:addy\d+\s*\+\s*)?(?:'(?:[^'\\]|\\.)*'\s*\+?\s*)+);/g;
  for (let m = statement.exec(script); m; m = statement.exec(script)) {
    const literals = [...m[2].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((l) => l[1]).join('');
    const previous = /^addy\d+\s*\+/.test(m[2]) ? (pieces.get(m[1]) ?? '') : '';
    pieces.set(m[1], previous + literals);
  }
  const out: string[] = [];
  for (const value of pieces.values()) {
    const email = emailFromString(decodeEntities(value).replace(/^mailto:/i, ''));
    if (email) out.push(email);
  }
  return out;
}

/** `document.write(String.fromCharCode(60,97,…))`-style scramblers: decode the numbers, read the addresses. */
export function fromCharCodeEmails(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/String\.fromCharCode\(\s*([\d\s,]+)\)/g)) {
    const decoded = m[1]
      .split(',')
      .map((n) => Number(n.trim()))
      .filter((n) => Number.isFinite(n) && n > 0 && n < 0x110000)
      .map((n) => String.fromCodePoint(n))
      .join('');
    for (const found of emailsInText(decodeEntities(decoded))) out.push(found.value);
  }
  return [...new Set(out)];
}
