import type { CrawlResult, PageSnapshot } from '../crawl/types.js';
import type { PageObservations } from '../extract/types.js';
import type { ShopTarget } from '../input/types.js';
import { pageLimits, SHOP_CAPS, type ShopBudget, withinShopBudget, withShortTexts } from './evidence-caps.js';
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

function assemble(input: EvidenceInput, budget: ShopBudget, notes: EvidenceLimit[]): ShopEvidence {
  const { target, primary } = input;
  const pages: EvidencePage[] = [];
  const sightings: EvidenceSighting[] = [];
  const widgets: EvidenceWidget[] = [];
  const facts: EvidenceFact[] = [];
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
  input.observed.forEach(({ snapshot, observations }, index) => {
    const pageId = `p${index + 1}`;
    pages.push({
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
      ...(snapshot.screenshotPath ? { screenshotPath: snapshot.screenshotPath } : {}),
      ...(observations.withdrawalInfo !== undefined ? { withdrawalInfo: observations.withdrawalInfo } : {}),
      ...(snapshot.screenshotSha256 ? { screenshotSha256: snapshot.screenshotSha256 } : {}),
      ...(snapshot.screenshotCapturedAt ? { screenshotCapturedAt: snapshot.screenshotCapturedAt } : {}),
      ...(snapshot.screenshotRender ? { screenshotRender: snapshot.screenshotRender } : {}),
      ...(snapshot.screenshotMissing ? { screenshotMissing: snapshot.screenshotMissing } : {}),
      ...(snapshot.viewport ? { viewport: snapshot.viewport } : {}),
      ...(observations.statesCallPrice !== undefined
        ? { statesCallPrice: observations.statesCallPrice }
        : {}),
      ...(snapshot.afterInteraction ? { afterInteraction: snapshot.afterInteraction } : {}),
    });
    const placed = { pageId, pageKind: observations.kind, pageDepth: snapshot.depth };
    for (const sighting of kept[index].sightings) {
      sightings.push({
        ...sighting,
        id: `s${sightings.length + 1}`,
        pageUrl: snapshot.finalUrl,
        ...placed,
        ...(observations.withdrawalInfo !== undefined
          ? { pageWithdrawalInfo: observations.withdrawalInfo }
          : {}),
        ...(snapshot.viewport ? { pageViewport: snapshot.viewport } : {}),
        ...(observations.statesCallPrice !== undefined
          ? { pageStatesCallPrice: observations.statesCallPrice }
          : {}),
      });
    }
    for (const fact of kept[index].facts) {
      facts.push({ ...fact, id: `f${facts.length + 1}`, pageUrl: snapshot.finalUrl, ...placed });
    }
    for (const widget of kept[index].widgets) {
      widgets.push({ ...widget, id: `w${widgets.length + 1}`, ...placed });
    }
  });
  const first = input.crawls[0] ?? primary;
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    target: {
      key: target.key,
      input: target.url,
      origin: primary.origin,
      name: displayName(target, primary.origin),
      country: input.country,
      countrySource: input.countrySource,
      language: input.language,
      group: target.group ?? null,
    },
    crawl: {
      mode: input.requestedMode,
      modesUsed: input.crawls.map((crawl) => crawl.mode),
      startedAt: first.startedAt,
      finishedAt: input.crawls[input.crawls.length - 1]?.finishedAt ?? primary.finishedAt,
      userAgent: primary.userAgent,
      robots: primary.robots,
      status: primary.status,
      errors: [...input.crawls.flatMap((crawl) => crawl.errors), ...(input.extraErrors ?? [])],
      browserVersion: input.crawls.find((crawl) => crawl.browserVersion)?.browserVersion ?? null,
      ...(primary.budget ? { budget: { ...primary.budget } } : {}),
    },
    pages,
    sightings,
    widgets,
    facts,
    consent: primary.consent ?? null,
  };
}
