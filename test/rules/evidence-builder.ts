import type { CrawlStatus, LinkRegion } from '../../src/crawl/types.js';
import type {
  EvidenceFact,
  EvidencePage,
  EvidenceSighting,
  EvidenceWidget,
  ShopEvidence,
} from '../../src/evidence/types.js';
import type { PageKind } from '../../src/extract/types.js';

/** Small evidence documents for rule fixtures: pages by kind and depth, sightings placed on them. */
export interface PageSpec {
  kind: PageKind;
  depth: number | null;
  /** The page's main content speaks of the right of withdrawal. */
  withdrawalInfo?: boolean;
  /** Browser mode: the page of the desktop pass or of the phone-sized pass. */
  viewport?: 'desktop' | 'mobile';
  /** The page states a call price per minute or per call somewhere. */
  statesCallPrice?: boolean;
  /** Where the link that led to the page sat on the home page; left out: not recorded (older evidence). */
  viaRegion?: LinkRegion;
}

export type FactSpec = Partial<Omit<EvidenceFact, 'id' | 'pageId' | 'pageUrl' | 'pageKind' | 'pageDepth'>> & {
  kind: EvidenceFact['kind'];
  page?: number;
};

export type SightingSpec = Partial<
  Omit<EvidenceSighting, 'id' | 'pageId' | 'pageUrl' | 'pageKind' | 'pageDepth'>
> & {
  kind: 'phone' | 'email';
  /** Index into the pages list; 0 (home) when left out. */
  page?: number;
};

export type WidgetSpec = Partial<Omit<EvidenceWidget, 'id' | 'pageId' | 'pageKind' | 'pageDepth'>> & {
  kind: EvidenceWidget['kind'];
  page?: number;
};

export interface ShopSpec {
  status?: CrawlStatus;
  country?: string;
  pages?: PageSpec[];
  sightings?: SightingSpec[];
  widgets?: WidgetSpec[];
  /** Identity facts; evidence always has the list unless `legacy` (gathered before facts existed). */
  facts?: FactSpec[];
  legacy?: boolean;
  consent?: ShopEvidence['consent'];
  key?: string;
}

const ORIGIN = 'https://shop.example';

const FACT_VALUES: Record<EvidenceFact['kind'], string> = {
  'postal-address': 'Keizersgracht 100, 1015 AA Amsterdam',
  'po-box': 'Postbus 1234, 1000 BA Amsterdam',
  'legal-name': 'Example Shop B.V.',
  'registry-number': '12345678',
  'vat-number': 'NL123456789B01',
};

export function buildEvidence(spec: ShopSpec = {}): ShopEvidence {
  const status = spec.status ?? 'ok';
  const pageSpecs: PageSpec[] =
    spec.pages ?? (status === 'ok' || status === 'partial' ? [{ kind: 'home', depth: 0 }] : []);
  const pages: EvidencePage[] = pageSpecs.map((page, index) => ({
    id: `p${index + 1}`,
    url: index === 0 ? `${ORIGIN}/` : `${ORIGIN}/${page.kind}-${index}`,
    finalUrl: index === 0 ? `${ORIGIN}/` : `${ORIGIN}/${page.kind}-${index}`,
    httpStatus: 200,
    kind: page.kind,
    title: page.kind,
    depth: page.depth,
    linked: page.depth !== null,
    via:
      index === 0 || page.depth === null
        ? null
        : {
            text: page.kind,
            fromUrl: `${ORIGIN}/`,
            ...(page.viaRegion ? { region: page.viaRegion } : {}),
          },
    fetchedWith: 'static',
    fetchedAt: '2026-01-01T00:00:00.000Z',
    contentHash: `hash${index}`,
    ...(page.withdrawalInfo !== undefined ? { withdrawalInfo: page.withdrawalInfo } : {}),
    ...(page.viewport ? { viewport: page.viewport } : {}),
    ...(page.statesCallPrice !== undefined ? { statesCallPrice: page.statesCallPrice } : {}),
  }));
  const place = (index = 0) => {
    const page = pages[index];
    if (!page) throw new Error(`fixture refers to page ${index}, which it does not define`);
    return { pageId: page.id, pageKind: page.kind, pageDepth: page.depth, pageUrl: page.url };
  };
  const withdrawal = (index = 0) => ({
    ...(pages[index]?.withdrawalInfo !== undefined
      ? { pageWithdrawalInfo: pages[index].withdrawalInfo }
      : {}),
    ...(pages[index]?.statesCallPrice !== undefined
      ? { pageStatesCallPrice: pages[index].statesCallPrice }
      : {}),
  });
  const sightings: EvidenceSighting[] = (spec.sightings ?? []).map(({ page, ...sighting }, index) => ({
    value: sighting.kind === 'phone' ? '+31201234567' : 'info@shop.example',
    raw: sighting.kind === 'phone' ? '020 123 4567' : 'info@shop.example',
    region: 'footer',
    presentation: 'text',
    visible: 'unknown',
    afterInteraction: null,
    ...(sighting.kind === 'phone' ? { phoneType: 'fixed' as const } : {}),
    ...sighting,
    id: `s${index + 1}`,
    ...place(page),
    ...withdrawal(page),
    ...(pages[page ?? 0]?.viewport ? { pageViewport: pages[page ?? 0].viewport } : {}),
  }));
  const facts: EvidenceFact[] = (spec.facts ?? []).map(({ page, ...fact }, index) => ({
    value: FACT_VALUES[fact.kind],
    raw: FACT_VALUES[fact.kind],
    region: 'footer',
    visible: true,
    ...fact,
    id: `f${index + 1}`,
    ...place(page),
  }));
  const widgets: EvidenceWidget[] = (spec.widgets ?? []).map(({ page, ...widget }, index) => {
    const { pageUrl: _unused, ...placed } = place(page);
    return { ...widget, id: `w${index + 1}`, ...placed };
  });
  return {
    schemaVersion: 1,
    target: {
      key: spec.key ?? ORIGIN,
      input: ORIGIN,
      origin: pages.length > 0 ? ORIGIN : null,
      name: 'Example shop',
      country: spec.country ?? 'NL',
      countrySource: 'list',
      language: 'nl',
      group: null,
    },
    crawl: {
      mode: 'static',
      modesUsed: ['static'],
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:10.000Z',
      userAgent: 'shopreach-test',
      robots: null,
      status,
      errors: [],
      browserVersion: null,
    },
    pages,
    sightings,
    widgets,
    ...(spec.legacy ? {} : { facts }),
    consent: spec.consent ?? null,
  };
}

/** The pages most fixtures use: home, a contact page at depth 1, terms at depth 1. */
export const SITE: PageSpec[] = [
  { kind: 'home', depth: 0 },
  { kind: 'contact', depth: 1 },
  { kind: 'terms', depth: 1 },
];
export const HOME = 0;
export const CONTACT = 1;
export const TERMS = 2;
