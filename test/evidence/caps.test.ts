import { describe, expect, it } from 'vitest';
import type { CrawlResult, PageSnapshot } from '../../src/crawl/types.js';
import { SHOP_CAPS } from '../../src/evidence/evidence-caps.js';
import { buildEvidence, evidenceProblems } from '../../src/evidence/index.js';
import { fairShares, PAGE_CAPS, thinned } from '../../src/extract/caps.js';
import type { PageObservations, Sighting } from '../../src/extract/types.js';
import { extract } from '../extract/helpers.js';
import { measured } from '../processor-time.js';

// Amplification: a page with 200,000 phone-like numbers took 53 s and 1.5 GB, stored 208 MB for one
// shop, and its report ran past 300 s. Every list is capped, the cut recorded, the real contact kept.

const number = (i: number) => `020 ${String(100 + (i % 900))} ${String(i % 10_000).padStart(4, '0')}`;

describe('a page of 200,000 phone-like numbers', () => {
  const body = `<header><p>Klantenservice: 030 234 5678</p></header><main><p>${Array.from(
    { length: 200_000 },
    (_, i) => number(i),
  ).join(' ')}</p></main><footer><p>Bel ons: 010 987 6543</p></footer>`;

  it('is read within its caps, records them, and keeps the header and footer numbers', () => {
    // Uncapped, this page took 53 s. Processor time, not the wall clock: see measured().
    const { result: page, cpuMs, wallMs } = measured(() => extract(body));
    console.log(
      `200,000 numbers extracted in ${Math.round(wallMs)} ms (${Math.round(cpuMs)} ms of processor time)`,
    );
    expect(cpuMs).toBeLessThan(10_000);
    expect(page.sightings.length).toBeLessThanOrEqual(PAGE_CAPS.sightings);
    const values = new Set(page.sightings.map((s) => s.value));
    expect(values).toContain('+31302345678');
    expect(values).toContain('+31109876543');
    expect(page.limits).toEqual([
      {
        limit: 'candidate-numbers',
        max: PAGE_CAPS.candidateNumbers,
        found: expect.any(Number),
        kept: PAGE_CAPS.candidateNumbers,
      },
      { limit: 'sightings', max: PAGE_CAPS.sightings, found: expect.any(Number), kept: PAGE_CAPS.sightings },
    ]);
    expect(page.limits?.[0].found).toBeGreaterThanOrEqual(600_000);
  }, 120_000); // a hang guard: the bound on the work is the processor time above
});

describe('choosing what a cap keeps', () => {
  it('keeps each value once before any repeat, from the start and the end alike', () => {
    const items = ['a', 'a', 'b', 'a', 'c', 'd', 'e', 'f', 'f', 'z'];
    expect(thinned(items, 4, (x) => x)).toEqual(['a', 'b', 'f', 'z']);
    expect(thinned(['a', 'a', 'a', 'b'], 3, (x) => x)).toEqual(['a', 'a', 'b']);
  });

  it('gives small lists all they have and splits the rest evenly', () => {
    expect(fairShares([3, 1000, 1000], 100)).toEqual([3, 49, 48]);
    expect(fairShares([0, 10], 5)).toEqual([0, 5]);
    expect(fairShares([2, 2], 10)).toEqual([2, 2]);
  });
});

const target = { key: 'https://shop.example.nl', url: 'https://shop.example.nl/', line: 1 };

function snapshot(url: string, depth: number | null, title = ''): PageSnapshot {
  return {
    url,
    finalUrl: url,
    httpStatus: 200,
    contentType: 'text/html',
    fetchedWith: 'static',
    html: title,
    depth,
    via: null,
    fetchedAt: '2026-11-23T10:00:00.000Z',
    contentHash: 'a'.repeat(64),
  };
}

function crawl(pages: PageSnapshot[]): CrawlResult {
  return {
    target,
    mode: 'static',
    origin: 'https://shop.example.nl',
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt: '2026-11-23T10:00:05.000Z',
    userAgent: 'shopreach/test',
    robots: null,
    status: 'ok',
    errors: [],
    pages,
  };
}

const phone = (i: number, region: Sighting['region'] = 'main'): Sighting => ({
  kind: 'phone',
  value: `+3120${String(i).padStart(7, '0')}`,
  raw: number(i),
  region,
  presentation: 'text',
  visible: true,
  afterInteraction: null,
  phoneType: 'fixed',
});

function observed(sightings: Sighting[], title = 'Page'): PageObservations {
  return { kind: 'other', title, language: 'nl', sightings, widgets: [], facts: [] };
}

function evidenceOf(pages: Array<{ url: string; observations: PageObservations }>) {
  const snapshots = pages.map((p, i) => snapshot(p.url, i));
  return buildEvidence({
    target,
    requestedMode: 'static',
    crawls: [crawl(snapshots)],
    primary: crawl(snapshots),
    observed: pages.map((p, i) => ({ snapshot: snapshots[i], observations: p.observations })),
    country: 'NL',
    countrySource: 'domain',
    language: 'nl',
  });
}

describe('the caps of a shop', () => {
  it('shares the sightings a shop keeps fairly between its pages, and records the cut', () => {
    const big = (offset: number) =>
      observed(Array.from({ length: PAGE_CAPS.sightings }, (_, i) => phone(offset + i)));
    const pages = [
      { url: 'https://shop.example.nl/', observations: observed([phone(9_999_999, 'footer')]) },
      ...Array.from({ length: 8 }, (_, p) => ({
        url: `https://shop.example.nl/list-${p}`,
        observations: big(p * 1000),
      })),
    ];
    const evidence = evidenceOf(pages);
    expect(evidence.sightings.length).toBe(SHOP_CAPS.sightings);
    // The home page's one number is kept, whatever the other pages hold.
    expect(evidence.sightings.filter((s) => s.pageId === 'p1')).toHaveLength(1);
    expect(evidence.limits).toEqual([
      {
        limit: 'sightings-per-shop',
        max: SHOP_CAPS.sightings,
        found: 8 * PAGE_CAPS.sightings + 1,
        kept: SHOP_CAPS.sightings,
      },
    ]);
    expect(new Set(evidence.sightings.map((s) => s.id)).size).toBe(evidence.sightings.length);
    expect(evidenceProblems(evidence)).toEqual([]);
  });

  it('places the page caps on their page', () => {
    const observations = {
      ...observed([phone(1)]),
      limits: [{ limit: 'sightings' as const, max: 500, found: 1200, kept: 500 }],
    };
    const evidence = evidenceOf([{ url: 'https://shop.example.nl/', observations }]);
    expect(evidence.limits).toEqual([
      { limit: 'sightings-per-page', pageId: 'p1', max: 500, found: 1200, kept: 500 },
    ]);
  });

  it('keeps the stored document under its size, cutting long texts first, and says so', () => {
    const huge = 'x'.repeat(400_000);
    const pages = Array.from({ length: 6 }, (_, p) => ({
      url: `https://shop.example.nl/p${p}`,
      observations: observed([phone(p)], huge),
    }));
    const evidence = evidenceOf(pages);
    const bytes = Buffer.byteLength(JSON.stringify(evidence));
    expect(bytes).toBeLessThanOrEqual(SHOP_CAPS.storedBytes);
    expect(evidence.pages[0].title?.length).toBeLessThanOrEqual(SHOP_CAPS.textChars + 1);
    expect(evidence.sightings).toHaveLength(6);
    expect(evidence.limits).toEqual([
      {
        limit: 'stored-bytes',
        max: SHOP_CAPS.storedBytes,
        found: expect.any(Number),
        kept: expect.any(Number),
      },
    ]);
    expect(evidence.limits?.[0].found).toBeGreaterThan(6 * 400_000);
    expect(evidenceProblems(evidence)).toEqual([]);
  });
});
