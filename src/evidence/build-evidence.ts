import type { CrawlResult, PageSnapshot } from '../crawl/types.js';
import type { PageObservations, Sighting } from '../extract/types.js';
import type { ShopTarget } from '../input/types.js';
import {
  type PageLists,
  pageLimits,
  SHOP_CAPS,
  type ShopBudget,
  withinShopBudget,
  withShortTexts,
} from './evidence-caps.js';
import {
  type CountrySource,
  EVIDENCE_SCHEMA_VERSION,
  type EvidenceFact,
  type EvidenceLimit,
  type EvidencePage,
  type EvidenceSighting,
  type EvidenceWidget,
  type ShopEvidence,
} from './types.js';

export interface ObservedPage {
  snapshot: PageSnapshot;
  observations: PageObservations;
}

export interface EvidenceInput {
  target: ShopTarget;
  requestedMode: ShopEvidence['crawl']['mode'];
  /** Every crawl made of the shop, in order. The last one whose pages are used is `primary`. */
  crawls: CrawlResult[];
  primary: CrawlResult;
  observed: ObservedPage[];
  country: string;
  countrySource: CountrySource;
  language: string | null;
  /** Errors found after crawling (extraction, a browser that could not start …). */
  extraErrors?: ShopEvidence['crawl']['errors'];
}

/**
 * A sighting placed on its page as the rules see it: the page's kind, depth, viewport and what it
 * says about withdrawal and call prices copied onto the sighting.
 */
export function placedSighting(
  sighting: Sighting,
  page: ObservedPage,
  pageId: string,
  id: string,
): EvidenceSighting {
  const { snapshot, observations } = page;
  return {
    ...sighting,
    id,
    pageUrl: snapshot.finalUrl,
    pageId,
    pageKind: observations.kind,
    pageDepth: snapshot.depth,
    ...(observations.withdrawalInfo !== undefined ? { pageWithdrawalInfo: observations.withdrawalInfo } : {}),
    ...(snapshot.viewport ? { pageViewport: snapshot.viewport } : {}),
    ...(observations.statesCallPrice !== undefined
      ? { pageStatesCallPrice: observations.statesCallPrice }
      : {}),
  };
}

function displayName(target: ShopTarget, origin: string | null): string {
  if (target.name) return target.name;
  return new URL(origin ?? target.url).hostname.replace(/^www\./, '');
}

/**
 * Assembles the self-contained evidence document of one shop: facts from crawl and extraction, ids
 * for every item, within the shop's caps (SHOP_CAPS). A document still larger than it may be stored
 * has its long texts cut, then its lists halved, until it fits; every cut is recorded in `limits`.
 */
export function buildEvidence(input: EvidenceInput): ShopEvidence {
  let budget: ShopBudget = { ...SHOP_CAPS };
  for (;;) {
    const notes: EvidenceLimit[] = [];
    let evidence = assemble(input, budget, notes);
    let bytes = Buffer.byteLength(JSON.stringify(evidence));
    const found = bytes;
    if (bytes > SHOP_CAPS.storedBytes) {
      evidence = withShortTexts(evidence, SHOP_CAPS.textChars);
      bytes = Buffer.byteLength(JSON.stringify(evidence));
    }
    const smallest = budget.sightings <= 1 && budget.facts <= 1 && budget.widgets <= 1;
    if (bytes <= SHOP_CAPS.storedBytes || smallest) {
      if (found > SHOP_CAPS.storedBytes) {
        notes.push({ limit: 'stored-bytes', max: SHOP_CAPS.storedBytes, found, kept: bytes });
      }
      if (notes.length > 0) evidence.limits = notes;
      return evidence;
    }
    const half = (n: number) => Math.max(1, Math.floor(n / 2));
    budget = { sightings: half(budget.sightings), facts: half(budget.facts), widgets: half(budget.widgets) };
  }
}

/** The entries of a map whose value is not undefined, in their order. */
function withoutUndefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A page's facts that an older crawl, or a page without them, leaves out rather than empty. */
function optionalPageFacts({ snapshot, observations }: ObservedPage): Partial<EvidencePage> {
  return withoutUndefined({
    screenshotPath: snapshot.screenshotPath || undefined,
    withdrawalInfo: observations.withdrawalInfo,
    screenshotSha256: snapshot.screenshotSha256 || undefined,
    screenshotCapturedAt: snapshot.screenshotCapturedAt || undefined,
    screenshotRender: snapshot.screenshotRender || undefined,
    screenshotMissing: snapshot.screenshotMissing || undefined,
    viewport: snapshot.viewport || undefined,
    statesCallPrice: observations.statesCallPrice,
    afterInteraction: snapshot.afterInteraction || undefined,
  });
}

function evidencePage(page: ObservedPage, pageId: string): EvidencePage {
  const { snapshot, observations } = page;
  return {
    id: pageId,
    url: snapshot.url,
    finalUrl: snapshot.finalUrl,
    httpStatus: snapshot.httpStatus,
    kind: observations.kind,
    title: observations.title,
    depth: snapshot.depth,
    linked: snapshot.depth !== null,
    via: snapshot.via,
    ...(snapshot.depth === null && snapshot.foundBy ? { foundBy: snapshot.foundBy } : {}),
    fetchedWith: snapshot.fetchedWith,
    fetchedAt: snapshot.fetchedAt,
    contentHash: snapshot.contentHash,
    ...optionalPageFacts(page),
  };
}

interface EvidenceItems {
  pages: EvidencePage[];
  sightings: EvidenceSighting[];
  widgets: EvidenceWidget[];
  facts: EvidenceFact[];
}

/** Adds one page and the items kept of it, each item numbered on from the pages before. */
function addPage(items: EvidenceItems, page: ObservedPage, kept: PageLists): void {
  const { snapshot, observations } = page;
  const pageId = `p${items.pages.length + 1}`;
  items.pages.push(evidencePage(page, pageId));
  const placed = { pageId, pageKind: observations.kind, pageDepth: snapshot.depth };
  for (const sighting of kept.sightings)
    items.sightings.push(placedSighting(sighting, page, pageId, `s${items.sightings.length + 1}`));
  for (const fact of kept.facts)
    items.facts.push({ ...fact, id: `f${items.facts.length + 1}`, pageUrl: snapshot.finalUrl, ...placed });
  for (const widget of kept.widgets)
    items.widgets.push({ ...widget, id: `w${items.widgets.length + 1}`, ...placed });
}

function evidenceTarget(input: EvidenceInput): ShopEvidence['target'] {
  const { target, primary } = input;
  return {
    key: target.key,
    input: target.url,
    origin: primary.origin,
    name: displayName(target, primary.origin),
    country: input.country,
    countrySource: input.countrySource,
    language: input.language,
    group: target.group ?? null,
  };
}

function evidenceCrawl(input: EvidenceInput): ShopEvidence['crawl'] {
  const { crawls, primary } = input;
  return {
    mode: input.requestedMode,
    modesUsed: crawls.map((crawl) => crawl.mode),
    startedAt: (crawls[0] ?? primary).startedAt,
    finishedAt: crawls[crawls.length - 1]?.finishedAt ?? primary.finishedAt,
    userAgent: primary.userAgent,
    robots: primary.robots,
    status: primary.status,
    errors: [...crawls.flatMap((crawl) => crawl.errors), ...(input.extraErrors ?? [])],
    browserVersion: crawls.find((crawl) => crawl.browserVersion)?.browserVersion ?? null,
    ...(primary.budget ? { budget: { ...primary.budget } } : {}),
  };
}

function assemble(input: EvidenceInput, budget: ShopBudget, notes: EvidenceLimit[]): ShopEvidence {
  input.observed.forEach(({ observations }, index) => {
    notes.push(...pageLimits(observations.limits, `p${index + 1}`));
  });
  const kept = withinShopBudget(
    input.observed.map(({ observations }) => ({
      sightings: observations.sightings,
      facts: observations.facts ?? [],
      widgets: observations.widgets,
    })),
    budget,
    notes,
  );
  const items: EvidenceItems = { pages: [], sightings: [], widgets: [], facts: [] };
  for (const [index, page] of input.observed.entries()) addPage(items, page, kept[index]);
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    target: evidenceTarget(input),
    crawl: evidenceCrawl(input),
    pages: items.pages,
    sightings: items.sightings,
    widgets: items.widgets,
    facts: items.facts,
    consent: input.primary.consent ?? null,
  };
}
