import { describe, expect, it } from 'vitest';
import { evaluateRules, loadRuleSet } from '../../src/rules/index.js';
import type { Finding, Outcome } from '../../src/rules/types.js';
import { gradeFor, LAW_FAILURE_CAP, scoreShop } from '../../src/score/index.js';
import { EXEMPLARY } from '../rules/cases/shared.js';
import { buildEvidence, CONTACT, HOME, type ShopSpec, SITE, TERMS } from '../rules/evidence-builder.js';

const finding = (rule: string, outcome: Outcome, weight: number, extra: Partial<Finding> = {}): Finding => ({
  rule,
  outcome,
  weight,
  level: 'law',
  sightingIds: [],
  pageIds: [],
  widgetIds: [],
  ...extra,
});

const NL_RULES = loadRuleSet({ profile: 'nl' });

describe('scoreShop', () => {
  it('weighs passes against passes plus fails only', () => {
    const findings = [
      finding('a', 'pass', 3),
      finding('b', 'fail', 1, { level: 'interpretation' }),
      finding('c', 'needs-review', 5),
      finding('d', 'not-applicable', 5),
      finding('e', 'not-assessable', 5),
      finding('f', 'pass', 4, { override: { outcome: 'pass', computed: 'fail', reason: 'checked by hand' } }),
      finding('g', 'fail', 4, {
        override: { outcome: 'off', computed: 'fail', reason: 'rule does not fit' },
      }),
    ];
    const result = scoreShop(findings, buildEvidence(), NL_RULES);
    expect(result.score).toBe(75);
    expect(result.grade).toBe('B');
  });

  it('caps the score at the top of grade C when a rule of level law fails', () => {
    const findings = [finding('a', 'pass', 10, { level: 'interpretation' }), finding('b', 'fail', 1)];
    const result = scoreShop(findings, buildEvidence(), NL_RULES);
    expect(LAW_FAILURE_CAP).toBe(74);
    expect(result).toMatchObject({ score: 74, grade: 'C', cap: { limit: 74, uncapped: 91, rules: ['b'] } });
    // The same weights with the failure at interpretation level: no cap.
    const softer = [findings[0], finding('b', 'fail', 1, { level: 'interpretation' })];
    expect(scoreShop(softer, buildEvidence(), NL_RULES)).toMatchObject({ score: 91, grade: 'A' });
    expect(scoreShop(softer, buildEvidence(), NL_RULES).cap).toBeUndefined();
  });

  it('leaves a score already below the cap alone, and follows overrides', () => {
    const low = [finding('a', 'pass', 1), finding('b', 'fail', 3)];
    expect(scoreShop(low, buildEvidence(), NL_RULES)).toMatchObject({ score: 25, grade: 'F' });
    expect(scoreShop(low, buildEvidence(), NL_RULES).cap).toBeUndefined();
    const overridden = (outcome: 'pass' | 'off') => [
      finding('a', 'pass', 10),
      finding('b', outcome === 'off' ? 'fail' : 'pass', 1, {
        override: { outcome, computed: 'fail', reason: 'checked by hand' },
      }),
    ];
    expect(scoreShop(overridden('pass'), buildEvidence(), NL_RULES)).toMatchObject({
      score: 100,
      grade: 'A',
    });
    expect(scoreShop(overridden('off'), buildEvidence(), NL_RULES)).toMatchObject({ score: 100, grade: 'A' });
    const personFails = [
      finding('a', 'pass', 10),
      finding('b', 'fail', 1, { override: { outcome: 'fail', computed: 'pass', reason: 'seen by hand' } }),
    ];
    expect(scoreShop(personFails, buildEvidence(), NL_RULES)).toMatchObject({ score: 74, grade: 'C' });
  });

  it('does not rate a shop that could not be crawled, even with passing findings', () => {
    const result = scoreShop([finding('a', 'pass', 3)], buildEvidence({ status: 'unreachable' }), NL_RULES);
    expect(result).toMatchObject({ score: null, grade: null });
  });

  it('does not rate a shop where nothing weighted was judged', () => {
    expect(scoreShop([finding('a', 'needs-review', 3)], buildEvidence(), NL_RULES).score).toBeNull();
  });

  it('grades by the documented bands', () => {
    expect([100, 90, 89, 75, 74, 60, 59, 45, 44, 30, 29, 0].map(gradeFor).join('')).toBe('AABBCCDDEEFF');
  });

  it('counts the fewest clicks to a readable phone and e-mail', () => {
    const evidence = buildEvidence({
      pages: [...SITE, { kind: 'contact', depth: 2 }],
      sightings: [
        { kind: 'phone', page: CONTACT },
        { kind: 'phone', page: 3 },
        { kind: 'email', page: HOME, visible: false },
        { kind: 'email', page: 3 },
        { kind: 'phone', page: HOME, label: 'fax' },
      ],
    });
    const { verdict } = scoreShop([], evidence, NL_RULES);
    expect(verdict).toMatchObject({
      rule: 'consumer-contact-findable',
      outcome: 'not-assessable',
      phoneClicks: 1,
      emailClicks: 2,
    });
  });

  it("counts clicks by the rule set's own readable selections", () => {
    const evidence = buildEvidence({
      pages: [...SITE, { kind: 'contact', depth: 2 }],
      sightings: [
        { kind: 'phone', page: HOME, label: 'fax' },
        { kind: 'phone', page: 3 },
        { kind: 'email', page: 3 },
      ],
    });
    // A rule set whose readable-phone also takes a fax line: the fax on the home page now counts.
    const readable = NL_RULES.selections?.['readable-phone'];
    const laxer = {
      ...NL_RULES,
      selections: {
        ...NL_RULES.selections,
        'readable-phone': { in: 'sightings' as const, where: { kind: { equals: 'phone' } } },
      },
    };
    expect(readable).toBeDefined();
    expect(scoreShop([], evidence, NL_RULES).verdict).toMatchObject({ phoneClicks: 2, emailClicks: 2 });
    expect(scoreShop([], evidence, laxer).verdict).toMatchObject({ phoneClicks: 0, emailClicks: 2 });
    // A rule set without the selections has no readable phone or e-mail to count clicks to.
    expect(scoreShop([], evidence, { ...NL_RULES, selections: {} }).verdict).toMatchObject({
      phoneClicks: null,
      emailClicks: null,
    });
  });
});

/** The lead's demo shops, as evidence the crawler should produce for them. */
const DEMO: Record<
  string,
  { shop: ShopSpec; headline: Outcome; outcomes: Record<string, Outcome>; failsBesideHeadline?: string[] }
> = {
  exemplary: { shop: EXEMPLARY, headline: 'pass', outcomes: {} },
  'phone only in the terms': {
    shop: {
      pages: SITE,
      sightings: [
        { kind: 'phone', page: TERMS },
        { kind: 'email', page: TERMS },
      ],
    },
    headline: 'fail',
    outcomes: { 'contact-not-only-in-terms': 'fail' },
  },
  'chat only': {
    shop: {
      pages: SITE,
      widgets: [
        { kind: 'chat', vendor: 'Tidio' },
        { kind: 'contact-form', page: CONTACT },
      ],
    },
    headline: 'fail',
    outcomes: { 'phone-present': 'fail', 'email-present': 'fail', 'contact-form-not-sole-channel': 'fail' },
  },
  '0900 only': {
    shop: {
      pages: SITE,
      sightings: [{ kind: 'phone', phoneType: 'premium', value: '+319001234567', raw: '0900-1234567' }],
    },
    headline: 'fail',
    outcomes: { 'phone-not-premium-rate': 'fail', 'email-present': 'fail' },
  },
  '0900 only, with an e-mail address and the rest in order': {
    shop: {
      ...EXEMPLARY,
      sightings: (EXEMPLARY.sightings ?? []).map((s) =>
        s.kind === 'phone' ? { ...s, phoneType: 'premium' as const, value: '+319001234567' } : s,
      ),
    },
    headline: 'fail',
    outcomes: { 'phone-not-premium-rate': 'fail', 'email-present': 'pass', 'phone-present': 'pass' },
  },
  'obfuscated e-mail': {
    shop: {
      pages: SITE,
      sightings: [
        { kind: 'email', presentation: 'deobfuscated' },
        { kind: 'email', presentation: 'cf-email' },
      ],
    },
    headline: 'fail',
    outcomes: { 'email-present': 'pass', 'phone-present': 'fail' },
  },
  'three clicks deep': {
    shop: {
      pages: [...SITE, { kind: 'other', depth: 2 }, { kind: 'contact', depth: 3 }],
      sightings: [
        { kind: 'phone', page: 4, region: 'main' },
        { kind: 'email', page: 4, region: 'main' },
      ],
    },
    headline: 'fail',
    outcomes: { 'phone-present': 'pass', 'email-present': 'pass', 'contact-within-two-clicks': 'fail' },
  },
  'script-written, static mode': {
    shop: { pages: SITE },
    headline: 'fail',
    outcomes: { 'phone-present': 'fail', 'email-present': 'fail' },
  },
  'script-written, browser mode': {
    shop: {
      pages: SITE,
      sightings: [
        { kind: 'phone', visible: true, presentation: 'script-written' },
        { kind: 'email', visible: true, presentation: 'script-written' },
      ],
    },
    headline: 'pass',
    outcomes: {},
    // It shows phone and e-mail but no address, company name or register numbers.
    failsBesideHeadline: [
      'geographic-address-present',
      'registry-and-vat-present',
      'trader-identity-present',
    ],
  },
  nothing: { shop: { pages: SITE }, headline: 'fail', outcomes: {} },
};

describe('the demo shops', () => {
  const ruleSet = loadRuleSet({ profile: 'nl' });

  it.each(Object.entries(DEMO))('%s', (_name, demo) => {
    const evidence = buildEvidence(demo.shop);
    const findings = evaluateRules(ruleSet, evidence);
    const outcome = (id: string) => findings.find((f) => f.rule === id)?.outcome;
    expect(outcome('consumer-contact-findable')).toBe(demo.headline);
    for (const [rule, expected] of Object.entries(demo.outcomes)) expect(outcome(rule), rule).toBe(expected);
    const score = scoreShop(findings, evidence, NL_RULES);
    expect(score.verdict.outcome).toBe(demo.headline);
    expect(score.score).not.toBeNull();
    if (demo.headline === 'pass') {
      const fails = findings
        .filter((f) => f.outcome === 'fail')
        .map((f) => f.rule)
        .sort();
      expect(fails).toEqual(demo.failsBesideHeadline ?? []);
      if (fails.length === 0) {
        expect(score.score).toBe(100);
        expect(score.grade).toBe('A');
      } else {
        expect(score.score).toBeLessThan(100);
      }
    } else {
      expect(score.score).toBeLessThan(90);
    }
    const lawFails = findings.filter((f) => f.level === 'law' && f.outcome === 'fail');
    if (lawFails.length > 0) {
      expect(score.score).toBeLessThanOrEqual(LAW_FAILURE_CAP);
      expect(['C', 'D', 'E', 'F']).toContain(score.grade);
    }
  });

  it('an unreachable shop is not assessable everywhere and not rated', () => {
    const evidence = buildEvidence({ status: 'unreachable' });
    const findings = evaluateRules(ruleSet, evidence);
    expect(new Set(findings.map((f) => f.outcome))).toEqual(new Set(['not-assessable']));
    expect(scoreShop(findings, evidence, NL_RULES)).toMatchObject({
      score: null,
      grade: null,
      verdict: { outcome: 'not-assessable' },
    });
  });
});
