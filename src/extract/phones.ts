import { type LimitNote, NumberStarts, PAGE_CAPS } from './caps.js';
import { countryHintFor } from './country-hints.js';
import type { DomElement } from './dom.js';
import { INLINE_EDGE, type Located, type PageModel, segmentAt } from './page-model.js';
import { phoneLabelRightBefore, readLabel } from './phone-labels.js';
import { maskNonPhones } from './phone-mask.js';
import { invalidPhoneValue, type ParsedPhone, parsePhone, writtenInternational } from './phone-parse.js';
import { isShortGroupRun, startsWithTrunkPrefix, usualGrouping } from './phone-shape.js';
import { sentenceAround } from './sentence.js';
import { type Found, makeSighting, type PagePlace } from './sighting-factory.js';
import { thirdPartyOf } from './third-party.js';
import type { NumberLabel, Sighting, ThirdParty } from './types.js';

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

/**
 * Whether a valid reading of text[start, end) counts as a phone number: written like one or shown
 * as one (`judge`), so that sizes, quantities and tables that happen to validate are left alone.
 */
type Judge = (start: number, end: number, parsed: ParsedPhone) => boolean;

/**
 * Splits a candidate into the longest valid numbers, left to right (from the digit groups `tries`
 * allows), each read with the first of `countries` under which it is valid and the judge accepts it.
 */
function numbersIn(
  candidate: string,
  offset: number,
  countries: string[],
  tries: (group: number) => boolean,
  judge: Judge,
): FoundNumber[] {
  const reading: CandidateReading = {
    candidate,
    offset,
    countries,
    judge,
    groups: [...candidate.matchAll(/\d+/g)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    })),
  };
  const found: FoundNumber[] = [];
  let i = 0;
  while (i < reading.groups.length) {
    const hit = tries(i) ? longestNumberAt(reading, i) : null;
    if (hit) {
      found.push(hit.number);
      i = hit.lastGroup + 1;
    } else i++;
  }
  return found;
}

/** A candidate being split into numbers: its text, where it starts in the page, its digit groups. */
interface CandidateReading {
  candidate: string;
  offset: number;
  countries: string[];
  judge: Judge;
  groups: { start: number; end: number }[];
}

/** The longest valid number starting at digit group `i`, and the last group it takes in. */
function longestNumberAt(
  reading: CandidateReading,
  i: number,
): { number: FoundNumber; lastGroup: number } | null {
  const { candidate, offset, groups } = reading;
  // A number from the first group starts where the candidate does (with its "+" or "("); a later one takes in a "+" just before it.
  let from = groups[i].start;
  if (i === 0) from = 0;
  else if (candidate[from - 1] === '+') from -= 1;
  for (let j = Math.min(groups.length - 1, i + MAX_GROUPS_PER_NUMBER - 1); j >= i; j--) {
    const piece = candidate.slice(from, groups[j].end);
    const number = readNumber(piece, offset + from, offset + groups[j].end, reading);
    if (number) return { number, lastGroup: j };
  }
  return null;
}

/** A piece read with the first country under which it is valid and the judge accepts it. */
function readNumber(
  piece: string,
  start: number,
  end: number,
  reading: CandidateReading,
): FoundNumber | null {
  for (const country of reading.countries) {
    const parsed = parsePhone(piece, country);
    if (parsed && reading.judge(start, end, parsed))
      return { start, end, e164: parsed.e164, type: parsed.type };
  }
  return null;
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

/** Labels that say what a number is not: a short digit run so labelled is never a phone. */
const NOT_A_PHONE = new Set<string>(['registry', 'vat', 'iban', 'other']);
/** A phone drawn before a number: ☎ ✆ 📞 📱 ☏. */
const PHONE_ICON = /[\u260e\u260f\u2706\u{1f4de}\u{1f4f1}]\s*[:.]?\s*$/u;

const isTelHref = (href: string | undefined): boolean =>
  href !== undefined && /^\s*(?:tel|callto):/i.test(href);

/** The page's text as phones read it, with what is known around each place in it. */
class NumberReader {
  readonly text: string;
  previousEnd = 0;

  constructor(
    private readonly model: PageModel,
    private readonly country: string,
  ) {
    this.text = model.text.replaceAll(INLINE_EDGE, ' ');
  }

  /** The text a label of the number at [start, end) may stand in: before it (cut at the last number) and just after. */
  around(start: number, end: number): { before: string; after: string } {
    return {
      before: this.text.slice(Math.max(this.previousEnd, start - LABEL_WINDOW), start),
      after: this.text.slice(end, end + 20),
    };
  }

  /** Whether the number stands in a tel: link. */
  inTelLink(start: number): boolean {
    const firstDigit = start + Math.max(0, this.text.slice(start, start + 8).search(/\d/));
    return isTelHref(segmentAt(this.model, firstDigit)?.ctx.anchor?.attribs.href);
  }

  /** A label, a tel: link or a phone icon says the number at [start, end) is a phone number. */
  shownAsPhone(start: number, end: number): boolean {
    const { before, after } = this.around(start, end);
    const reading = readLabel(before, after);
    if (reading !== undefined) return !NOT_A_PHONE.has(reading);
    return this.inTelLink(start) || PHONE_ICON.test(before);
  }

  /**
   * A valid reading counts unless it is a run of short digit groups ("8 8 8 8", "36 38 40 42")
   * with nothing that makes it a phone: an international prefix, the market's trunk prefix, the
   * country's usual grouping, a label, a tel: link or a phone icon.
   */
  readonly judge: Judge = (start, end, parsed) => {
    const written = this.text.slice(start, end);
    if (!isShortGroupRun(written)) return true;
    const { before, after } = this.around(start, end);
    const reading = readLabel(before, after);
    if (reading !== undefined && NOT_A_PHONE.has(reading)) return false;
    return (
      writtenInternational(written) ||
      startsWithTrunkPrefix(written, parsed.region) ||
      usualGrouping(written, parsed) ||
      this.shownAsPhone(start, end)
    );
  };

  /** The countries to read a candidate with: one its sentence names first ("for US customers"), then the market. */
  countriesFor(candidate: { text: string; index: number }): string[] {
    if (writtenInternational(candidate.text) || digitCount(candidate.text) < MIN_DIGITS)
      return [this.country];
    const number = { start: candidate.index, end: candidate.index + candidate.text.length };
    const hint = countryHintFor(this.text, sentenceAround(this.text, number.start, number.end), number);
    return hint && hint !== this.country ? [hint, this.country] : [this.country];
  }

  /**
   * Whether a candidate no country validates was still written as a phone number: after a phone
   * label ("Telefoon: +32 9 123 45 67"), in a tel: link, or with a "+" prefix; never when a label
   * says it is something else ("P.IVA 00470550013", "USt-IdNr.").
   */
  writtenAsPhone(candidate: { text: string; index: number }): boolean {
    const { before, after } = this.around(candidate.index, candidate.index + candidate.text.length);
    const reading = readLabel(before, after);
    if (reading !== undefined && NOT_A_PHONE.has(reading)) return false;
    if (phoneLabelRightBefore(before) || this.inTelLink(candidate.index)) return true;
    return /^\(?\s*\+/.test(candidate.text);
  }

  thirdParty(start: number, end: number): ThirdParty | null {
    return thirdPartyOf(this.text, sentenceAround(this.text, start, end), { start, end });
  }
}

const MIN_DIGITS = 7;
const digitCount = (s: string): number => s.replace(/\D/g, '').length;

export function phonesInText(
  model: PageModel,
  country: string,
  page: PagePlace,
  /** Where a cut of the number starts tried (PAGE_CAPS.candidateNumbers) is recorded. */
  limits: LimitNote[] = [],
): Found[] {
  const reader = new NumberReader(model, country);
  const { text } = reader;
  const masked = maskNonPhones(text);
  const out: Found[] = [];
  const candidates = [...masked.matchAll(CANDIDATE)].map((m) => {
    const written = m[0].slice(0, lengthBeforeOpenBracket(m[0]));
    return { text: written.replace(/[\s\-‐‑–—./(]+$/u, ''), index: m.index ?? 0 };
  });
  const groupCounts = candidates.map((m) => m.text.match(DIGIT_GROUPS)?.length ?? 0);
  const total = groupCounts.reduce((sum, n) => sum + n, 0);
  const starts = new NumberStarts(total, PAGE_CAPS.candidateNumbers, limits);
  let base = 0;
  const record = (n: FoundNumber): void => {
    const firstDigit = n.start + text.slice(n.start, n.end).search(/\d/);
    const seg = segmentAt(model, firstDigit);
    if (!seg) return;
    const { before, after } = reader.around(n.start, n.end);
    const reading = readLabel(before, after);
    const thirdParty = reader.thirdParty(n.start, n.end);
    for (const label of labelsFor(reading)) {
      const sighting = makeSighting(
        { kind: 'phone', value: n.e164, raw: text.slice(n.start, n.end), phoneType: n.type, label },
        { ...page, ctx: seg.ctx, source: seg.source },
        'text',
      );
      if (thirdParty) sighting.thirdParty = thirdParty;
      out.push({ sighting, ctx: seg.ctx, span: { start: n.start, end: n.end } });
    }
    reader.previousEnd = n.end;
  };
  for (const [c, m] of candidates.entries()) {
    const from = base;
    base += groupCounts[c];
    if (!starts.triesAny(from, groupCounts[c])) continue;
    const countries = reader.countriesFor(m);
    const numbers = numbersIn(
      m.text,
      m.index,
      countries,
      (group) => starts.tries(from + group),
      reader.judge,
    );
    for (const n of numbers) record(n);
    if (numbers.length === 0 && starts.tries(from) && reader.writtenAsPhone(m)) {
      const value = invalidPhoneValue(m.text, country);
      if (value) record({ start: m.index, end: m.index + m.text.length, e164: value, type: 'invalid' });
    }
    reader.previousEnd = Math.max(reader.previousEnd, m.index + m.text.length);
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
