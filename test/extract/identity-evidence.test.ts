import { describe, expect, it } from 'vitest';
import type { CrawlResult, PageSnapshot } from '../../src/crawl/types.js';
import { buildEvidence, evidenceProblems } from '../../src/evidence/index.js';
import { extractPage } from '../../src/extract/index.js';

const target = { key: 'https://shop.example.nl', url: 'https://shop.example.nl/', line: 1 };
const FOOTER =
  '<footer><p>Voorbeeldwinkel B.V. · Keizersgracht 100, 1015 AA Amsterdam · KvK 12345678 · BTW NL123456789B01</p></footer>';

function snapshot(path: string, depth: number, main: string): PageSnapshot {
  const url = `https://shop.example.nl${path}`;
  return {
    url,
    finalUrl: url,
    httpStatus: 200,
    contentType: 'text/html',
    fetchedWith: 'static',
    html: `<html lang="nl"><body><main>${main}</main>${FOOTER}</body></html>`,
    depth,
    via: null,
    fetchedAt: '2026-11-23T10:00:00.000Z',
    contentHash: 'a'.repeat(64),
  };
}

describe('identity facts in the evidence', () => {
  const pages = [
    snapshot('/', 0, '<p>Welkom</p>'),
    snapshot('/voorwaarden', 1, '<h2>Herroepingsrecht</h2><p>Bel ons op 020 794 5632.</p>'),
  ];
  const crawl: CrawlResult = {
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
  const evidence = buildEvidence({
    target,
    requestedMode: 'static',
    crawls: [crawl],
    primary: crawl,
    observed: pages.map((snap) => ({
      snapshot: snap,
      observations: extractPage(snap, { country: 'NL', homeUrl: 'https://shop.example.nl/' }),
    })),
    country: 'NL',
    countrySource: 'domain',
    language: 'nl',
  });

  it('numbers the facts f1, f2, … and places them on their pages', () => {
    const facts = evidence.facts ?? [];
    expect(facts.map((f) => f.id)).toEqual(facts.map((_, i) => `f${i + 1}`));
    expect(facts.filter((f) => f.pageId === 'p1').map((f) => f.kind)).toEqual([
      'legal-name',
      'postal-address',
      'registry-number',
      'vat-number',
    ]);
    expect(facts.find((f) => f.pageId === 'p2')).toMatchObject({ pageDepth: 1, pageUrl: pages[1].url });
  });

  it('marks the page that gives the withdrawal information, and its sightings', () => {
    expect(evidence.pages.map((p) => p.withdrawalInfo)).toEqual([false, true]);
    const phone = evidence.sightings.find((s) => s.kind === 'phone' && s.pageId === 'p2');
    expect(phone).toMatchObject({ pageWithdrawalInfo: true, region: 'main' });
  });

  it('validates against the evidence schema, and a fact without a kind does not', () => {
    expect(evidenceProblems(evidence)).toEqual([]);
    const broken = structuredClone(evidence);
    broken.facts = [{ ...(evidence.facts ?? [])[0], kind: 'shoe-size' as never }];
    expect(evidenceProblems(broken).join('\n')).toMatch(/facts\/0\/kind/);
  });
});
