import { factKey, fairShares, sightingKey, thinned, widgetKey } from '../extract/caps.js';
import type { Fact, LimitNote, Sighting, Widget } from '../extract/types.js';
import type { EvidenceLimit, ShopEvidence } from './types.js';

/**
 * How much of one shop the evidence keeps (a page keeps at most src/extract/caps.ts's PAGE_CAPS),
 * so that a hostile shop's judging, storage and report stay bounded. Pages share a cap fairly: a
 * page with few sightings keeps them all, however many another page has.
 */
export const SHOP_CAPS = {
  sightings: 2_000,
  facts: 1_000,
  widgets: 300,
  /** The evidence document as stored (JSON); its rows and findings come on top, about as much again. */
  storedBytes: 1_536 * 1024,
  /** A text field (a title, a link text, an error message) longer than this is cut when the document is too big. */
  textChars: 1_000,
} as const;

export interface PageLists {
  sightings: Sighting[];
  facts: Fact[];
  widgets: Widget[];
}

export interface ShopBudget {
  sightings: number;
  facts: number;
  widgets: number;
}

/** One list of every page cut to the shop's budget, with a note when anything was cut. */
function shareOut<T>(
  lists: T[][],
  max: number,
  keyOf: (item: T) => string,
  limit: EvidenceLimit['limit'],
  notes: EvidenceLimit[],
): T[][] {
  const found = lists.reduce((sum, list) => sum + list.length, 0);
  if (found <= max) return lists;
  const shares = fairShares(
    lists.map((list) => list.length),
    max,
  );
  const kept = lists.map((list, i) => thinned(list, shares[i], keyOf));
  notes.push({ limit, max, found, kept: kept.reduce((sum, list) => sum + list.length, 0) });
  return kept;
}

/** The pages' lists cut to the shop's budget; each cut recorded in `notes`. */
export function withinShopBudget(
  pages: PageLists[],
  budget: ShopBudget,
  notes: EvidenceLimit[],
): PageLists[] {
  const sightings = shareOut(
    pages.map((p) => p.sightings),
    budget.sightings,
    sightingKey,
    'sightings-per-shop',
    notes,
  );
  const facts = shareOut(
    pages.map((p) => p.facts),
    budget.facts,
    factKey,
    'facts-per-shop',
    notes,
  );
  const widgets = shareOut(
    pages.map((p) => p.widgets),
    budget.widgets,
    widgetKey,
    'widgets-per-shop',
    notes,
  );
  return pages.map((_, i) => ({ sightings: sightings[i], facts: facts[i], widgets: widgets[i] }));
}

/** A page's own cuts (made while it was extracted), placed on the page. */
export function pageLimits(notes: LimitNote[] | undefined, pageId: string): EvidenceLimit[] {
  return (notes ?? []).map((note) => ({
    ...note,
    limit: `${note.limit}-per-page` as EvidenceLimit['limit'],
    pageId,
  }));
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The document with every long free text (titles, link texts, messages, details) cut to `max` characters. */
export function withShortTexts(evidence: ShopEvidence, max: number): ShopEvidence {
  return {
    ...evidence,
    target: { ...evidence.target, name: cut(evidence.target.name, max) },
    crawl: {
      ...evidence.crawl,
      errors: evidence.crawl.errors.map((e) => ({
        ...e,
        message: cut(e.message, max),
        url: cut(e.url, max),
      })),
    },
    pages: evidence.pages.map((p) => ({
      ...p,
      url: cut(p.url, max),
      finalUrl: cut(p.finalUrl, max),
      title: p.title === null ? null : cut(p.title, max),
      via: p.via ? { ...p.via, text: cut(p.via.text, max), fromUrl: cut(p.via.fromUrl, max) } : null,
    })),
    sightings: evidence.sightings.map((s) => ({ ...s, pageUrl: cut(s.pageUrl, max) })),
    widgets: evidence.widgets.map((w) => (w.detail ? { ...w, detail: cut(w.detail, max) } : w)),
    facts: evidence.facts?.map((f) => ({ ...f, pageUrl: cut(f.pageUrl, max) })),
  };
}
