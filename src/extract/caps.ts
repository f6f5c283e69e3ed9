import type { Fact, LimitNote, PageLimit, Sighting, Widget } from './types.js';

export type { LimitNote, PageLimit } from './types.js';

/**
 * How much of one page extraction keeps, and how it chooses when a page holds more: a hostile page
 * with 200,000 phone-like numbers must cost a bounded time, memory and storage, and what is kept
 * must still show the page's real contact details. Every cut is recorded (a LimitNote).
 *
 * Choosing: repeats of an item already kept go first (the same number in the same place adds
 * nothing a rule reads); then items are kept from the start and the end of the page alike, where
 * headers and footers put contact details; when items come in several lists (phone numbers, tel:
 * links, e-mail addresses …), each list gets a fair share, so one list cannot crowd out the others.
 */
export const PAGE_CAPS = {
  /** Places per page where a phone number may start (digit groups) that go to validation, the costly part. */
  candidateNumbers: 5_000,
  sightings: 500,
  facts: 200,
  widgets: 100,
} as const;

/** What makes two sightings the same for the rules: a repeat of one adds nothing they read. */
export const sightingKey = (s: Sighting) =>
  `${s.kind}|${s.value}|${s.region}|${s.presentation}|${s.visible}|${s.label}|${s.afterInteraction}|${s.phoneType}|${s.thirdParty?.kind}|${s.withdrawalSection}`;
export const factKey = (f: Fact) => `${f.kind}|${f.value}|${f.region}|${f.visible}|${f.scheme}`;
export const widgetKey = (w: Widget) => `${w.kind}|${w.vendor}|${w.detail}|${w.iframeSeen}|${w.number}`;

/** The first half and the last half of `max` items, in their order. */
export function headAndTail<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const head = Math.ceil(max / 2);
  return [...items.slice(0, head), ...items.slice(items.length - (max - head))];
}

/** At most `max` items: first one of each key, from start and end alike; then repeats, in order. */
export function thinned<T>(items: readonly T[], max: number, keyOf: (item: T) => string): T[] {
  if (items.length <= max) return [...items];
  const seen = new Set<string>();
  const firsts: number[] = [];
  const repeats: number[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) repeats.push(i);
    else {
      seen.add(key);
      firsts.push(i);
    }
  });
  const kept = headAndTail(firsts, max);
  if (kept.length < max) kept.push(...repeats.slice(0, max - kept.length));
  return kept.sort((a, b) => a - b).map((i) => items[i]);
}

/** Shares of `max` for lists of these sizes: small lists keep all, the rest split what is left evenly. */
export function fairShares(sizes: readonly number[], max: number): number[] {
  const shares = sizes.map(() => 0);
  let left = max;
  let open = sizes.map((size, i) => ({ size, i })).filter((x) => x.size > 0);
  while (open.length > 0 && left > 0) {
    const even = Math.floor(left / open.length);
    if (even === 0) {
      for (const x of open.slice(0, left)) shares[x.i] += 1;
      break;
    }
    const next: typeof open = [];
    for (const x of open) {
      const take = Math.min(even, x.size - shares[x.i]);
      shares[x.i] += take;
      left -= take;
      if (shares[x.i] < x.size) next.push(x);
    }
    open = next;
  }
  return shares;
}

/** `thinned` over several lists that share one cap; returns the lists kept, and a note when any was cut. */
export function thinnedGroups<T>(
  groups: readonly (readonly T[])[],
  max: number,
  keyOf: (item: T) => string,
  limit: PageLimit,
  notes: LimitNote[],
): T[][] {
  const found = groups.reduce((sum, g) => sum + g.length, 0);
  if (found <= max) return groups.map((g) => [...g]);
  const shares = fairShares(
    groups.map((g) => g.length),
    max,
  );
  const kept = groups.map((g, i) => thinned(g, shares[i], keyOf));
  notes.push({ limit, max, found, kept: kept.reduce((sum, g) => sum + g.length, 0) });
  return kept;
}

/**
 * Which places in a page's text are tried as the start of a phone number, at most `max`: all when
 * there are few; else the first and last halves, so that a page of endless digits costs a bounded
 * number of validations and its header and footer are still read. Asked in text order.
 */
export class NumberStarts {
  private readonly head: number;
  private readonly tailFrom: number;

  constructor(total: number, max: number, notes: LimitNote[]) {
    this.head = total <= max ? total : Math.ceil(max / 2);
    this.tailFrom = total <= max ? total : total - (max - this.head);
    if (total > max) notes.push({ limit: 'candidate-numbers', max, found: total, kept: max });
  }

  /** Whether the start with this index (0-based, over the whole page) is tried. */
  tries(index: number): boolean {
    return index < this.head || index >= this.tailFrom;
  }

  /** Whether any start in [from, from + count) is tried. */
  triesAny(from: number, count: number): boolean {
    return from < this.head || from + count > this.tailFrom;
  }
}
