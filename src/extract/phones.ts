import { type LimitNote, NumberStarts, PAGE_CAPS } from './caps.js';
import type { DomElement } from './dom.js';
import { INLINE_EDGE, type Located, type PageModel, segmentAt } from './page-model.js';
import { readLabel } from './phone-labels.js';
import { maskNonPhones } from './phone-mask.js';
import { parsePhone } from './phone-parse.js';
import { type Found, makeSighting, type PagePlace } from './sighting-factory.js';
import type { NumberLabel, Sighting } from './types.js';

const SEP = '[ \\t\\u00a0\\u2007\\u2009\\u202f]';
/**
 * A run of digits with the separators people put in phone numbers (spaces of every width,
 * - . / and brackets). It must not start inside a word or another number ("NL8015…", "GB-898…").
 */
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}@#=&?%_¤+])(?<![\\p{N}][-./])(?<!\\p{L}[-/])(?:\\+|\\(${SEP}?\\+?)?\\d(?:${SEP}{0,3}[-‐‑–—./()]?${SEP}{0,3}\\(?\\d)*`,
  'gu',
);
const DIGIT_GROUPS = /\d+/g;
const LABEL_WINDOW = 40;
const MAX_GROUPS_PER_NUMBER = 8;

interface FoundNumber {
  start: number;
  end: number;
  e164: string;
  type: NonNullable<Sighting['phoneType']>;
}

/** Splits a candidate into the longest valid numbers, left to right (from the digit groups `tries` allows). */
function numbersIn(
  candidate: string,
  offset: number,
  country: string,
  tries: (group: number) => boolean = () => true,
): FoundNumber[] {
  const groups = [...candidate.matchAll(/\d+/g)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const found: FoundNumber[] = [];
  let i = 0;
  while (i < groups.length) {
    if (!tries(i)) {
      i++;
      continue;
    }
    let hit: FoundNumber | null = null;
    let hitEnd = i;
    for (let j = Math.min(groups.length - 1, i + MAX_GROUPS_PER_NUMBER - 1); j >= i; j--) {
      let from = groups[i].start;
      if (i === 0) from = 0;
      else if (candidate[from - 1] === '+') from -= 1;
      const piece = candidate.slice(from, groups[j].end);
      const parsed = parsePhone(piece, country);
      if (parsed) {
        hit = { start: offset + from, end: offset + groups[j].end, e164: parsed.e164, type: parsed.type };
        hitEnd = j;
        break;
      }
    }
    if (hit) {
      found.push(hit);
      i = hitEnd + 1;
    } else i++;
  }
  return found;
}

/**
 * A bracket opened after the first digit of a candidate and not closed inside it starts something
 * else, not part of the number: "0180 6 123456 (20 ct/Anruf)" is the number and then a price.
 * Returns how much of the candidate is the number's part.
 */
export function lengthBeforeOpenBracket(candidate: string): number {
  const open: number[] = [];
  let digitSeen = false;
  for (let i = 0; i < candidate.length; i++) {
    const ch = candidate[i];
    if (ch === '(') open.push(digitSeen ? i : -1);
    else if (ch === ')') open.pop();
    else if (ch >= '0' && ch <= '9') digitSeen = true;
  }
  const cut = open.find((i) => i > 0);
  if (cut === undefined) return candidate.length;
  return candidate.slice(0, cut).trimEnd().length;
}

function labelsFor(reading: ReturnType<typeof readLabel>): (NumberLabel | undefined)[] {
  if (reading === 'phone+fax') return ['phone', 'fax'];
  return [reading];
}

export function phonesInText(
  model: PageModel,
  country: string,
  page: PagePlace,
  /** Where a cut of the number starts tried (PAGE_CAPS.candidateNumbers) is recorded. */
  limits: LimitNote[] = [],
): Found[] {
  const text = model.text.replaceAll(INLINE_EDGE, ' ');
  const masked = maskNonPhones(text);
  const out: Found[] = [];
  let previousEnd = 0;
  const candidates = [...masked.matchAll(CANDIDATE)].map((m) => ({
    text: m[0].slice(0, lengthBeforeOpenBracket(m[0])),
    index: m.index ?? 0,
  }));
  const groupCounts = candidates.map((m) => m.text.match(DIGIT_GROUPS)?.length ?? 0);
  const total = groupCounts.reduce((sum, n) => sum + n, 0);
  const starts = new NumberStarts(total, PAGE_CAPS.candidateNumbers, limits);
  let base = 0;
  for (const [c, m] of candidates.entries()) {
    const from = base;
    base += groupCounts[c];
    if (!starts.triesAny(from, groupCounts[c])) continue;
    const numbers = numbersIn(m.text, m.index, country, (group) => starts.tries(from + group));
    for (const n of numbers) {
      const firstDigit = n.start + text.slice(n.start, n.end).search(/\d/);
      const seg = segmentAt(model, firstDigit);
      if (!seg) continue;
      const before = text.slice(Math.max(previousEnd, n.start - LABEL_WINDOW), n.start);
      const after = text.slice(n.end, n.end + 20);
      const reading = readLabel(before, after);
      for (const label of labelsFor(reading)) {
        const sighting = makeSighting(
          { kind: 'phone', value: n.e164, raw: text.slice(n.start, n.end), phoneType: n.type, label },
          { ...page, ctx: seg.ctx, source: seg.source },
          'text',
        );
        out.push({ sighting, ctx: seg.ctx, span: { start: n.start, end: n.end } });
      }
      previousEnd = n.end;
    }
    previousEnd = Math.max(previousEnd, m.index + m.text.length);
  }
  return out;
}

/** The number a tel: (or callto:) href dials, if it parses. */
export function telHrefNumber(href: string, country: string): ReturnType<typeof parsePhone> {
  const match = /^\s*(?:tel|callto):(.*)$/i.exec(href);
  if (!match) return null;
  let target = match[1];
  try {
    target = decodeURIComponent(target);
  } catch {
    // keep the raw target
  }
  target = target.split(/[?;]/)[0];
  return parsePhone(target, country);
}

/**
 * Pairs tel: links with the numbers read in their text. A number shown as link text is a tel-link
 * sighting; a target that is not what the text shows (or a link that shows no number, "Call now")
 * is recorded as href-only, not visible.
 */
export function pairTelLinks(
  anchors: Located<DomElement>[],
  inTextFound: Found[],
  country: string,
  page: PagePlace,
): Sighting[] {
  const extra: Sighting[] = [];
  for (const { el, ctx } of anchors) {
    const href = el.attribs.href;
    if (!href) continue;
    const target = telHrefNumber(href, country);
    if (!target) continue;
    const inText = inTextFound.filter((f) => f.ctx.anchor === el).map((f) => f.sighting);
    for (const s of inText) if (s.presentation === 'text') s.presentation = 'tel-link';
    if (inText.some((s) => s.value === target.e164)) continue;
    extra.push(
      makeSighting(
        { kind: 'phone', value: target.e164, raw: href, phoneType: target.type, visible: false },
        { ...page, ctx, source: 'text' },
        'href-only',
      ),
    );
  }
  return extra;
}
