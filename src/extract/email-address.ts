import { parse } from 'tldts';

/** Lower-cases and checks that the domain ends in a real (ICANN) top-level domain. */
export function normaliseEmail(local: string, domain: string): string | null {
  const l = local.replace(/^[.]+|[.]+$/g, '').toLowerCase();
  const d = domain.replace(/^[.]+|[.]+$/g, '').toLowerCase();
  if (l === '' || l.length > 64 || d === '' || !d.includes('.')) return null;
  if (!/^[\p{L}\p{N}._%+-]+$/u.test(l) || l.includes('..')) return null;
  if (!/^[\p{L}\p{N}.-]+$/u.test(d) || d.includes('..')) return null;
  const info = parse(d);
  if (!info.isIcann || !info.domain) return null;
  return `${l}@${d}`;
}

/** A string that is exactly one address (after trimming), normalised, or null. */
export function emailFromString(s: string): string | null {
  const m = /^\s*([^\s@]+)@([^\s@]+?)\s*$/u.exec(s);
  return m ? normaliseEmail(m[1], m[2]) : null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  commat: '@',
  period: '.',
};

/** Decodes the HTML entities script obfuscators use (numeric ones, plus a few named). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
