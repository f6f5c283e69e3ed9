import type { CrawlStatus } from '../../src/crawl/types.js';
import type { EvidencePage, EvidenceSighting, ShopEvidence } from '../../src/evidence/types.js';
import type { Finding, Outcome, Rule, RuleSet } from '../../src/rules/types.js';
import type { ShopScore } from '../../src/score/types.js';
import type { NewRun, ShopOutcome } from '../../src/store/types.js';

export const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

function rule(
  id: string,
  level: Rule['level'],
  weight: number,
  tags: string[],
  en: string,
  nl: string,
): Rule {
  return {
    id,
    title: { en: `${en}: yes`, nl: `${nl}: ja` },
    failTitle: { en: `${en}: no`, nl: `${nl}: nee` },
    description: { en: `Checks ${en.toLowerCase()}.`, nl: `Controleert ${nl.toLowerCase()}.` },
    advice: { en: `Fix ${en.toLowerCase()}.`, nl: `Herstel ${nl.toLowerCase()}.` },
    level,
    weight,
    tags,
    references: [
      {
        key: 'CRD-6-1-c',
        instrument: 'Directive 2011/83/EU',
        article: 'art. 6(1)(c)',
        url: 'https://eur-lex.europa.eu/eli/dir/2011/83/oj',
      },
    ],
    test: { some: 'sightings' },
  };
}

export const RULE_SET: RuleSet = {
  id: 'test-nl',
  version: '2026.1',
  hash: 'a'.repeat(64),
  rules: [
    rule('phone-present', 'law', 3, ['eu', 'phone'], 'Phone present', 'Telefoon aanwezig'),
    rule('email-present', 'law', 3, ['eu', 'email'], 'E-mail present', 'E-mail aanwezig'),
    rule(
      'contact-within-two-clicks',
      'interpretation',
      2,
      ['eu'],
      'Within two clicks',
      'Binnen twee klikken',
    ),
    rule('phone-not-premium-rate', 'law', 1, ['nl', 'phone'], 'Not premium', 'Geen betaalnummer'),
  ],
};

export function makeRun(label = 'test-run', ruleSet: RuleSet = RULE_SET): NewRun {
  return {
    label,
    kind: 'audit',
    ruleSet,
    options: { mode: 'static', maxPages: 12, maxDepth: 3 },
    toolVersion: '0.1.0-test',
    browserVersion: 'Chromium 140-test',
    startedAt: '2026-03-01T10:00:00.000Z',
  };
}

function page(
  id: string,
  url: string,
  kind: EvidencePage['kind'],
  depth: number | null,
  viaText?: string,
): EvidencePage {
  return {
    id,
    url,
    finalUrl: url,
    httpStatus: 200,
    kind,
    title: `${kind} page`,
    depth,
    linked: depth !== null,
    via: viaText ? { text: viaText, fromUrl: url.replace(/\/[^/]*$/, '/') } : null,
    fetchedWith: 'static',
    fetchedAt: '2026-03-01T10:00:01.000Z',
    contentHash: 'b'.repeat(64),
  };
}

export interface ShopSpec {
  key: string;
  name?: string;
  group?: string;
  status?: CrawlStatus;
  /** Outcome per rule id; rules not listed are left out. */
  outcomes?: Record<string, Outcome>;
  score?: number | null;
  grade?: ShopScore['grade'];
  verdict?: Outcome;
  phoneClicks?: number | null;
  emailClicks?: number | null;
  /** Raw text of the phone sighting (defaults to a plain number). */
  phoneRaw?: string;
}

export function makeOutcome(spec: ShopSpec): ShopOutcome {
  const origin = spec.key;
  const status = spec.status ?? 'ok';
  const rated = status === 'ok' || status === 'partial';
  const pages = rated
    ? [page('p1', `${origin}/`, 'home', 0), page('p2', `${origin}/contact`, 'contact', 1, 'Contact')]
    : [];
  const sightings: EvidenceSighting[] = rated
    ? [
        {
          id: 's1',
          kind: 'phone',
          value: '+31201234567',
          raw: spec.phoneRaw ?? '020 123 4567',
          region: 'footer',
          presentation: 'tel-link',
          visible: true,
          afterInteraction: null,
          phoneType: 'fixed',
          label: 'phone',
          pageId: 'p2',
          pageUrl: `${origin}/contact`,
          pageKind: 'contact',
          pageDepth: 1,
        },
        {
          id: 's2',
          kind: 'email',
          value: 'info@example.nl',
          raw: 'info@example.nl',
          region: 'main',
          presentation: 'mailto-link',
          visible: true,
          afterInteraction: null,
          pageId: 'p2',
          pageUrl: `${origin}/contact`,
          pageKind: 'contact',
          pageDepth: 1,
        },
      ]
    : [];
  const evidence: ShopEvidence = {
    schemaVersion: 1,
    target: {
      key: spec.key,
      input: spec.key,
      origin: rated ? origin : null,
      name: spec.name ?? spec.key,
      country: 'NL',
      countrySource: 'list',
      language: 'nl',
      group: spec.group ?? null,
    },
    crawl: {
      mode: 'static',
      modesUsed: ['static'],
      startedAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:00:05.000Z',
      userAgent: 'shopreach-test',
      robots: null,
      status,
      errors: rated
        ? []
        : [{ url: `${origin}/`, stage: 'connect', message: 'connection refused', code: 'ECONNREFUSED' }],
      browserVersion: null,
    },
    pages,
    sightings,
    widgets: rated
      ? [{ id: 'w1', kind: 'contact-form', pageId: 'p2', pageKind: 'contact', pageDepth: 1 }]
      : [],
    consent: null,
  };
  const outcomes = spec.outcomes ?? {};
  const findings: Finding[] = Object.entries(outcomes).map(([ruleId, outcome]) => {
    const r = RULE_SET.rules.find((x) => x.id === ruleId);
    return {
      rule: ruleId,
      outcome,
      sightingIds: outcome === 'pass' ? ['s1'] : [],
      pageIds: outcome === 'pass' ? ['p2'] : [],
      widgetIds: [],
      weight: r?.weight ?? 1,
      level: r?.level ?? 'law',
      ...(outcome === 'not-assessable' ? { reason: 'the shop could not be crawled' } : {}),
    };
  });
  return {
    target: { key: spec.key, url: `${spec.key}/`, name: spec.name, country: 'NL', group: spec.group },
    evidence,
    findings,
    score: {
      score: spec.score === undefined ? (rated ? 100 : null) : spec.score,
      grade: spec.grade === undefined ? (rated ? 'A' : null) : spec.grade,
      verdict: {
        rule: 'consumer-contact-findable',
        outcome: spec.verdict ?? (rated ? 'pass' : 'not-assessable'),
        phoneClicks: spec.phoneClicks === undefined ? (rated ? 1 : null) : spec.phoneClicks,
        emailClicks: spec.emailClicks === undefined ? (rated ? 1 : null) : spec.emailClicks,
      },
    },
    ruleSetId: RULE_SET.id,
  };
}

const ALL_PASS: Record<string, Outcome> = {
  'phone-present': 'pass',
  'email-present': 'pass',
  'contact-within-two-clicks': 'pass',
  'phone-not-premium-rate': 'pass',
};

/** Three judged shops (one with a hostile name and raw text) and one that could not be crawled. */
export function sampleShops(): ShopOutcome[] {
  return [
    makeOutcome({ key: 'https://good.example', name: 'Good Shop', group: 'Fashion', outcomes: ALL_PASS }),
    makeOutcome({
      key: 'https://evil.example',
      name: HOSTILE,
      group: HOSTILE,
      phoneRaw: HOSTILE,
      outcomes: {
        ...ALL_PASS,
        'contact-within-two-clicks': 'fail',
        'phone-not-premium-rate': 'needs-review',
      },
      score: 75,
      grade: 'C',
      verdict: 'fail',
      phoneClicks: 3,
      emailClicks: 3,
    }),
    makeOutcome({
      key: 'https://nophone.example',
      name: 'No Phone BV',
      outcomes: { 'phone-present': 'fail', 'email-present': 'pass', 'contact-within-two-clicks': 'fail' },
      score: 37.5,
      grade: 'E',
      verdict: 'fail',
      phoneClicks: null,
      emailClicks: 1,
    }),
    makeOutcome({
      key: 'https://down.example',
      name: 'Down Shop',
      status: 'unreachable',
      outcomes: {
        'phone-present': 'not-assessable',
        'email-present': 'not-assessable',
        'contact-within-two-clicks': 'not-assessable',
      },
    }),
  ];
}
