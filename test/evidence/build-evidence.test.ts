import { describe, expect, it } from 'vitest';
import type { CrawlResult, PageSnapshot } from '../../src/crawl/types.js';
import { buildEvidence, evidenceProblems, inferCountry } from '../../src/evidence/index.js';
import type { PageObservations } from '../../src/extract/types.js';

const target = { key: 'https://shop.example.nl', url: 'https://shop.example.nl/', line: 1 };

function snapshot(url: string, depth: number | null, via: PageSnapshot['via'] = null): PageSnapshot {
  return {
    url,
    finalUrl: url,
    httpStatus: 200,
    contentType: 'text/html',
    fetchedWith: 'static',
    html: '<html></html>',
    depth,
    via,
    fetchedAt: '2026-11-23T10:00:00.000Z',
    contentHash: 'a'.repeat(64),
  };
}

function crawl(pages: PageSnapshot[], overrides: Partial<CrawlResult> = {}): CrawlResult {
  return {
    target,
    mode: 'static',
    origin: 'https://shop.example.nl',
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt: '2026-11-23T10:00:05.000Z',
    userAgent: 'shopreach/test',
    robots: { url: 'https://shop.example.nl/robots.txt', status: 404, obeyed: true, disallowed: [] },
    status: 'ok',
    errors: [],
    pages,
    ...overrides,
  };
}

const home: PageObservations = {
  kind: 'home',
  title: 'Shop',
  language: 'nl',
  sightings: [
    {
      kind: 'phone',
      value: '+31207945632',
      raw: '020 794 5632',
      region: 'footer',
      presentation: 'tel-link',
      visible: true,
      afterInteraction: null,
      phoneType: 'fixed',
    },
  ],
  widgets: [{ kind: 'chat', vendor: 'Tidio' }],
};
const contact: PageObservations = {
  kind: 'contact',
  title: 'Contact',
  language: 'nl',
  sightings: [
    {
      kind: 'email',
      value: 'info@shop.example.nl',
      raw: 'info@shop.example.nl',
      region: 'main',
      presentation: 'mailto-link',
      visible: true,
      afterInteraction: null,
    },
    {
      kind: 'phone',
      value: '+31207945632',
      raw: '020 794 5632',
      region: 'main',
      presentation: 'text',
      visible: true,
      afterInteraction: null,
    },
  ],
  widgets: [],
};

describe('buildEvidence', () => {
  it('numbers pages, sightings and widgets and copies page kind and depth onto each sighting', () => {
    const pages = [
      snapshot('https://shop.example.nl/', 0),
      snapshot('https://shop.example.nl/contact', 1, {
        text: 'Contact',
        fromUrl: 'https://shop.example.nl/',
      }),
    ];
    const result = crawl(pages);
    const evidence = buildEvidence({
      target,
      requestedMode: 'auto',
      crawls: [result],
      primary: result,
      observed: [
        { snapshot: pages[0], observations: home },
        { snapshot: pages[1], observations: contact },
      ],
      country: 'NL',
      countrySource: 'domain',
      language: 'nl',
    });
    expect(evidence.pages.map((p) => [p.id, p.kind, p.depth, p.linked])).toEqual([
      ['p1', 'home', 0, true],
      ['p2', 'contact', 1, true],
    ]);
    expect(evidence.sightings.map((s) => [s.id, s.pageId, s.pageKind, s.pageDepth, s.kind])).toEqual([
      ['s1', 'p1', 'home', 0, 'phone'],
      ['s2', 'p2', 'contact', 1, 'email'],
      ['s3', 'p2', 'contact', 1, 'phone'],
    ]);
    expect(evidence.widgets).toEqual([
      { kind: 'chat', vendor: 'Tidio', id: 'w1', pageId: 'p1', pageKind: 'home', pageDepth: 0 },
    ]);
    expect(evidence.target.name).toBe('shop.example.nl');
    expect(evidence.crawl.modesUsed).toEqual(['static']);
    expect(evidenceProblems(evidence)).toEqual([]);
  });

  it('carries where each link sat, how unlinked pages were found and the page budget; the schema checks them', () => {
    const pages = [
      snapshot('https://shop.example.nl/', 0),
      snapshot('https://shop.example.nl/contact', 1, {
        text: 'Contact',
        fromUrl: 'https://shop.example.nl/',
        region: 'footer',
        box: { x: 40, y: 2200, width: 61, height: 18 },
      }),
      {
        ...snapshot('https://shop.example.nl/policies/contact-information', null),
        foundBy: 'well-known-path' as const,
      },
    ];
    const result = crawl(pages, { budget: { maxPages: 15, pagesUsed: 3, attempts: 5 } });
    const evidence = buildEvidence({
      target,
      requestedMode: 'static',
      crawls: [result],
      primary: result,
      observed: pages.map((page, i) => ({ snapshot: page, observations: i === 0 ? home : contact })),
      country: 'NL',
      countrySource: 'domain',
      language: 'nl',
    });
    expect(evidence.pages[1].via).toEqual({
      text: 'Contact',
      fromUrl: 'https://shop.example.nl/',
      region: 'footer',
      box: { x: 40, y: 2200, width: 61, height: 18 },
    });
    expect(evidence.pages[2]).toMatchObject({
      depth: null,
      linked: false,
      via: null,
      foundBy: 'well-known-path',
    });
    expect(evidence.pages[0].foundBy).toBeUndefined();
    expect(evidence.crawl.budget).toEqual({ maxPages: 15, pagesUsed: 3, attempts: 5 });
    expect(evidenceProblems(evidence)).toEqual([]);
    const wrongRegion = structuredClone(evidence);
    (wrongRegion.pages[1].via as { region: string }).region = 'sidebar';
    expect(evidenceProblems(wrongRegion).join(' ')).toMatch(/via/);
  });

  it("copies the page's call-price reading onto the page and its sightings, and the schema takes it", () => {
    const pages = [snapshot('https://shop.example.nl/', 0)];
    const result = crawl(pages);
    const priced: PageObservations = {
      ...home,
      statesCallPrice: true,
      sightings: [
        {
          ...home.sightings[0],
          value: '+319001234567',
          phoneType: 'premium',
          callPrice: { kind: 'per-minute', amount: 0.8, currency: 'EUR', raw: '€0,80 per minuut' },
        },
      ],
    };
    const evidence = buildEvidence({
      target,
      requestedMode: 'static',
      crawls: [result],
      primary: result,
      observed: [{ snapshot: pages[0], observations: priced }],
      country: 'NL',
      countrySource: 'domain',
      language: 'nl',
    });
    expect(evidence.pages[0].statesCallPrice).toBe(true);
    expect(evidence.sightings[0]).toMatchObject({ pageStatesCallPrice: true, callPrice: { amount: 0.8 } });
    expect(evidenceProblems(evidence)).toEqual([]);
    const wrong = structuredClone(evidence);
    (wrong.sightings[0].callPrice as { kind: string }).kind = 'per-hour';
    expect(evidenceProblems(wrong)).not.toEqual([]);
  });

  it('keeps the errors of every crawl and marks unlinked pages', () => {
    const pages = [
      snapshot('https://shop.example.nl/', 0),
      snapshot('https://shop.example.nl/contact', null),
    ];
    const staticCrawl = crawl(pages, {
      errors: [{ url: 'https://shop.example.nl/x', stage: 'fetch', message: 'HTTP 500', code: 'HTTP_500' }],
    });
    const browserCrawl = crawl([], {
      mode: 'browser',
      status: 'timeout',
      errors: [{ url: target.url, stage: 'watchdog', message: 'gave up' }],
    });
    const evidence = buildEvidence({
      target: { ...target, name: 'Shop', group: 'g' },
      requestedMode: 'auto',
      crawls: [staticCrawl, browserCrawl],
      primary: staticCrawl,
      observed: pages.map((p) => ({
        snapshot: p,
        observations: { ...contact, sightings: [], kind: 'other' as const },
      })),
      country: 'NL',
      countrySource: 'list',
      language: null,
      extraErrors: [{ url: target.url, stage: 'render', message: 'no browser', code: 'NO_BROWSER' }],
    });
    expect(evidence.crawl.errors.map((e) => e.stage)).toEqual(['fetch', 'watchdog', 'render']);
    expect(evidence.crawl.modesUsed).toEqual(['static', 'browser']);
    expect(evidence.crawl.status).toBe('ok');
    expect(evidence.pages[1].linked).toBe(false);
    expect(evidence.target).toMatchObject({ name: 'Shop', group: 'g', countrySource: 'list' });
  });

  it('is rejected by the schema when a field is wrong', () => {
    expect(evidenceProblems({ schemaVersion: 1 })).not.toEqual([]);
  });
});

describe('inferCountry', () => {
  it('takes the list first, then --country, then the domain, then the page language', () => {
    expect(inferCountry({ listCountry: 'BE', optionCountry: 'NL', url: 'https://a.de/' })).toEqual({
      country: 'BE',
      source: 'list',
    });
    expect(inferCountry({ optionCountry: 'NL', url: 'https://a.de/' })).toEqual({
      country: 'NL',
      source: 'option',
    });
    expect(inferCountry({ url: 'https://www.a.co.uk/' })).toEqual({ country: 'GB', source: 'domain' });
    expect(inferCountry({ url: 'https://shop.de/' })).toEqual({ country: 'DE', source: 'domain' });
    expect(inferCountry({ url: 'https://shop.com/', language: 'fr' })).toEqual({
      country: 'FR',
      source: 'language',
    });
    expect(inferCountry({ url: 'https://shop.io/', language: 'de' })).toEqual({
      country: 'DE',
      source: 'language',
    });
    expect(inferCountry({ url: 'http://127.0.0.1:8080/' })).toEqual({ country: 'NL', source: 'default' });
  });
});
