import { alternation } from './identity-vocabulary.js';
import { INLINE_EDGE, type PageModel, segmentAt } from './page-model.js';
import { clipRaw, type Found } from './sighting-factory.js';
import type { CallPrice, CallPriceKind } from './types.js';
import { type CallPriceWords, callPriceWords } from './vocabularies.js';

/** A call price stated somewhere in the page's text. */
export interface PriceStatement extends CallPrice {
  start: number;
  end: number;
}

/**
 * How far from a number a statement may stand to be "next to" it (characters of flattened text),
 * and how many line breaks may lie between: an amount may sit on the line after the number
 * ("Bel 0900 …" / "€0,80 per minuut"), a bare word such as "gratis" only on the same line, close
 * by; a statement before the number only on its line (the line above speaks of something else
 * too often).
 */
const NEAR = {
  amount: { after: 100, before: 60, lineBreaksAfter: 1 },
  phrase: { after: 40, before: 30, lineBreaksAfter: 0 },
} as const;

/** A page stating thousands of prices is no more informative than one stating hundreds. */
const MAX_STATEMENTS = 500;

interface PriceMatchers {
  amount: RegExp;
  phrase: RegExp;
  /** Lower-cased currency word → ISO code, and whether it names the minor unit (cents, pence). */
  currencyOf: Map<string, { code: string; minor: boolean }>;
  unitOf: Map<string, CallPriceKind>;
  phraseOf: Map<string, CallPriceKind>;
}

let cached: PriceMatchers | null = null;

const squash = (word: string): string => word.toLowerCase().replace(/\s+/g, ' ');

function build(words: CallPriceWords): PriceMatchers {
  const currencyOf = new Map<string, { code: string; minor: boolean }>();
  const before: string[] = [];
  const after: string[] = [];
  for (const [code, entry] of Object.entries(words.currencies)) {
    for (const word of entry.before) before.push(word);
    for (const word of [...entry.after, ...entry.minor]) after.push(word);
    for (const word of [...entry.before, ...entry.after])
      currencyOf.set(squash(word), { code, minor: false });
    for (const word of entry.minor) currencyOf.set(squash(word), { code, minor: true });
  }
  const unitOf = new Map<string, CallPriceKind>();
  for (const [kind, list] of Object.entries(words.units) as [CallPriceKind, string[]][])
    for (const word of list) unitOf.set(squash(word), kind);
  const phraseOf = new Map<string, CallPriceKind>();
  for (const [kind, list] of Object.entries(words.phrases) as [CallPriceKind, string[]][])
    for (const word of list) phraseOf.set(squash(word), kind);

  // Every quantifier is bounded, so a hostile text cannot make the scan backtrack for long. Inline
  // element edges read as spaces, so "<b>€</b> <b>0,80</b>" leaves a few spaces between the parts.
  const edge = '(?<![\\p{L}\\p{N}])';
  const end = '(?![\\p{L}])';
  const space = '[ \\u00a0\\u2009\\u202f]';
  const connectorWord = `(?:${alternation(words.connectors)})`;
  const connector = `(?:${space}{0,4}/${space}{0,4}|${space}{1,4}${connectorWord}(?:${space}{1,4}${connectorWord})?${space}{1,4})`;
  const amount = new RegExp(
    `${edge}(?:(${alternation(before)})${space}{0,4})?(\\d{1,4}(?:[.,]\\d{1,3})?)(?:${space}{0,4}(${alternation(after)})${end})?` +
      `(?:${space}{0,4}(?:${alternation(words.qualifiers)})${end})?${connector}(${alternation([...unitOf.keys()])})${end}`,
    'giu',
  );
  const phrase = new RegExp(`(?<![\\p{L}])(${alternation([...phraseOf.keys()])})${end}`, 'giu');
  return { amount, phrase, currencyOf, unitOf, phraseOf };
}

function matchers(): PriceMatchers {
  cached ??= build(callPriceWords());
  return cached;
}

/** Whether the text at `offset` is readable page text (not a comment, an alt text or hidden markup). */
function readableAt(model: PageModel, offset: number): boolean {
  const segment = segmentAt(model, offset);
  return segment !== null && segment.source === 'text' && !segment.ctx.hidden;
}

function amountStatement(m: RegExpExecArray, found: PriceMatchers): PriceStatement | null {
  const [raw, before, digits, after, unit] = m;
  const currency = found.currencyOf.get(squash(before ?? after ?? ''));
  const kind = found.unitOf.get(squash(unit));
  // A number with a unit but no currency ("5 per minute") is no price.
  if (!currency || !kind || (before && after && found.currencyOf.get(squash(after))?.minor)) return null;
  const value = Number(digits.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const amount = currency.minor && !before ? value / 100 : value;
  return {
    kind,
    amount: Math.round(amount * 10_000) / 10_000,
    currency: currency.code,
    raw: clipRaw(raw),
    start: m.index,
    end: m.index + raw.length,
  };
}

/** Every call price the page states in readable text, in text order (at most MAX_STATEMENTS of each sort). */
export function callPriceStatements(model: PageModel): PriceStatement[] {
  const found = matchers();
  const text = model.text.replaceAll(INLINE_EDGE, ' ');
  const statements: PriceStatement[] = [];
  let amounts = 0;
  found.amount.lastIndex = 0;
  for (let m = found.amount.exec(text); m && amounts < MAX_STATEMENTS; m = found.amount.exec(text)) {
    const statement = amountStatement(m, found);
    if (statement && readableAt(model, statement.start)) {
      statements.push(statement);
      amounts++;
    }
  }
  let phrases = 0;
  found.phrase.lastIndex = 0;
  for (let m = found.phrase.exec(text); m && phrases < MAX_STATEMENTS; m = found.phrase.exec(text)) {
    const kind = found.phraseOf.get(squash(m[1]));
    if (!kind || !readableAt(model, m.index)) continue;
    statements.push({ kind, raw: clipRaw(m[0]), start: m.index, end: m.index + m[0].length });
    phrases++;
  }
  return statements.sort((a, b) => a.start - b.start);
}

/** Whether any statement gives an amount per minute or per call. */
export function statesCallPrice(statements: PriceStatement[]): boolean {
  return statements.some((s) => s.amount !== undefined);
}

function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = Math.max(0, from); i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** Characters between a statement and a number, when the statement stands near enough to it. */
function gap(statement: PriceStatement, span: { start: number; end: number }, text: string): number | null {
  const near = statement.amount === undefined ? NEAR.phrase : NEAR.amount;
  if (statement.start >= span.end) {
    const distance = statement.start - span.end;
    if (distance > near.after || lineBreaks(text, span.end, statement.start) > near.lineBreaksAfter)
      return null;
    return distance;
  }
  if (statement.end <= span.start) {
    const distance = span.start - statement.end;
    if (distance > near.before || lineBreaks(text, statement.end, span.start) > 0) return null;
    // A price usually follows its number: one before it counts as a little further away.
    return distance + 1;
  }
  return null;
}

/** A phone found in the text and where it stands. */
interface Placed {
  found: Found;
  span: { start: number; end: number };
}

/** A statement's claim on a phone: the statement and how far from the phone it stands. */
interface Claim {
  statement: PriceStatement;
  distance: number;
}

/** The phone a statement stands nearest to, among those from `first` on that can be near it. */
function nearestPhone(
  statement: PriceStatement,
  placed: Placed[],
  first: number,
  text: string,
): { found: Found; distance: number } | null {
  let owner: { found: Found; distance: number } | null = null;
  for (let i = first; i < placed.length && placed[i].span.start <= statement.end + NEAR.amount.before; i++) {
    const distance = gap(statement, placed[i].span, text);
    if (distance !== null && (owner === null || distance < owner.distance))
      owner = { found: placed[i].found, distance };
  }
  return owner;
}

/** An amount beats a bare word; between two of a kind, the nearer wins. */
function beatsHeld(claim: Claim, held: Claim | undefined): boolean {
  if (!held) return true;
  const hasAmount = claim.statement.amount !== undefined;
  const heldHasAmount = held.statement.amount !== undefined;
  if (hasAmount !== heldHasAmount) return hasAmount;
  return claim.distance < held.distance;
}

/**
 * Gives each phone found in the text the call price stated next to it. A statement belongs to
 * the nearest number only, so "0900 … (€0,80/min) or 020 …" prices the 0900 number, not both;
 * an amount is preferred to a bare word when both stand near.
 */
export function attachCallPrices(model: PageModel, phones: Found[], statements: PriceStatement[]): void {
  if (statements.length === 0 || phones.length === 0) return;
  const text = model.text;
  const placed = phones
    .flatMap((found) => (found.span ? [{ found, span: found.span }] : []))
    .sort((a, b) => a.span.start - b.span.start);
  const best = new Map<Found, Claim>();
  let first = 0;
  for (const statement of statements) {
    // Numbers far before the statement can never be near it again: move the window on.
    while (first < placed.length && placed[first].span.end + NEAR.amount.after < statement.start) first++;
    const owner = nearestPhone(statement, placed, first, text);
    if (!owner) continue;
    const claim = { statement, distance: owner.distance };
    if (beatsHeld(claim, best.get(owner.found))) best.set(owner.found, claim);
  }
  for (const [found, { statement }] of best) {
    const { start: _start, end: _end, ...price } = statement;
    found.sighting.callPrice = price;
  }
}
