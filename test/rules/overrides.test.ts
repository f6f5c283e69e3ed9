import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { carriedOverrides } from '../../src/audit/carried-overrides.js';
import {
  closest,
  evaluateRules,
  loadOverrides,
  loadRuleSet,
  type Override,
  overrideProblems,
} from '../../src/rules/index.js';
import { scoreShop } from '../../src/score/index.js';
import { buildEvidence, SITE, TERMS } from './evidence-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'shopreach-overrides-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('overrides', () => {
  const ruleSet = loadRuleSet({ profile: 'nl' });
  const termsOnly = buildEvidence({
    key: 'https://shop.example',
    pages: SITE,
    sightings: [
      { kind: 'phone', page: TERMS },
      { kind: 'email', page: TERMS },
    ],
  });

  it('replace a computed outcome, keep both, and leave the rule out of the score', () => {
    const overrides: Override[] = [
      {
        shop: 'https://SHOP.example/',
        rule: 'contact-not-only-in-terms',
        outcome: 'pass',
        reason: 'Details are in the footer image map, checked by hand',
        by: 'ab',
        at: '2026-03-01',
      },
      { shop: 'https://other.example', rule: 'phone-present', outcome: 'fail', reason: 'not this shop' },
    ];
    const plain = evaluateRules(ruleSet, termsOnly);
    const judged = evaluateRules(ruleSet, termsOnly, overrides);
    const overridden = judged.find((f) => f.rule === 'contact-not-only-in-terms');
    expect(overridden).toMatchObject({
      outcome: 'pass',
      override: {
        outcome: 'pass',
        computed: 'fail',
        reason: 'Details are in the footer image map, checked by hand',
        by: 'ab',
        at: '2026-03-01',
      },
    });
    expect(judged.find((f) => f.rule === 'phone-present')?.override).toBeUndefined();
    // Out of the score: the failing rule's weight no longer counts against the shop.
    const before = scoreShop(plain, termsOnly, ruleSet).score ?? 0;
    const after = scoreShop(judged, termsOnly, ruleSet).score ?? 0;
    expect(after).toBeGreaterThan(before);
  });

  it('switch a rule off: the finding keeps its computed outcome and carries no weight', () => {
    const judged = evaluateRules(ruleSet, termsOnly, [
      {
        shop: 'https://shop.example',
        rule: 'contact-not-only-in-terms',
        outcome: 'off',
        reason: 'rule under review',
      },
    ]);
    const off = judged.find((f) => f.rule === 'contact-not-only-in-terms');
    expect(off).toMatchObject({ outcome: 'fail', override: { outcome: 'off', computed: 'fail' } });
  });

  it('load from YAML and JSON', () => {
    const yaml = write(
      'o.yaml',
      'overrides:\n  - shop: https://shop.example\n    rule: phone-present\n    outcome: off\n    reason: number is a store-card bank\n    by: reviewer\n',
    );
    const json = write(
      'o.json',
      JSON.stringify([
        { shop: 'https://shop.example', rule: 'email-present', outcome: 'pass', reason: 'seen by hand' },
      ]),
    );
    expect(loadOverrides(yaml)).toEqual([
      {
        shop: 'https://shop.example',
        rule: 'phone-present',
        outcome: 'off',
        reason: 'number is a store-card bank',
        by: 'reviewer',
        line: 2,
      },
    ]);
    expect(loadOverrides(json)[0]).toMatchObject({ rule: 'email-present', outcome: 'pass' });
  });

  it('refuse an entry without a reason, naming the file, entry and line', () => {
    const file = write(
      'bad.yaml',
      '- shop: https://a.example\n  rule: phone-present\n  outcome: pass\n  reason: ok\n- shop: https://b.example\n  rule: email-present\n  outcome: pass\n',
    );
    expect(() => loadOverrides(file)).toThrow(
      `${file}:5: override 2 (shop https://b.example, rule email-present): "reason" is missing`,
    );
  });

  it('refuse a bad outcome name', () => {
    const file = write(
      'bad2.yaml',
      '- shop: https://a.example\n  rule: phone-present\n  outcome: passed\n  reason: x\n',
    );
    expect(() => loadOverrides(file)).toThrow(/outcome must be pass, fail.*not "passed"/);
  });

  it('load from CSV: the review worklist filled in (extra columns, undecided rows skipped)', () => {
    const file = write(
      'review.csv',
      '\uFEFFshop;name;rule;computed;evidence;outcome;reason;by;at\r\n' +
        'https://a.example;A;phone-present;needs-review;"020 123; hidden";pass;Seen on the page by hand;J. Jansen;2026-12-01\r\n' +
        'https://b.example;B;email-present;needs-review;x;;;;\r\n' +
        `https://c.example;C;email-present;needs-review;"multi\nline";fail;"'=not a formula";;\r\n`,
    );
    expect(loadOverrides(file)).toEqual([
      {
        shop: 'https://a.example',
        rule: 'phone-present',
        outcome: 'pass',
        reason: 'Seen on the page by hand',
        by: 'J. Jansen',
        at: '2026-12-01',
        line: 2,
      },
      {
        shop: 'https://c.example',
        rule: 'email-present',
        outcome: 'fail',
        reason: '=not a formula',
        line: 4,
      },
    ]);
  });

  it('refuse a CSV decision without a reason, or without the columns, naming the line', () => {
    const noReason = write('r2.csv', 'shop,rule,outcome,reason\nhttps://a.example,phone-present,pass,\n');
    expect(() => loadOverrides(noReason)).toThrow(
      `${noReason}:2: override 1 (shop https://a.example, rule phone-present): "reason" is missing`,
    );
    const noColumns = write('r3.csv', 'shop,rule,decision\nhttps://a.example,phone-present,pass\n');
    expect(() => loadOverrides(noColumns)).toThrow(
      `${noColumns}:1: the CSV header lacks "outcome", "reason"`,
    );
  });
});

describe('checking overrides against the run they are applied to', () => {
  const scope = {
    name: 'run 3 "nl-2026"',
    ruleIds: ['email-present', 'phone-present', 'email-not-noreply', 'contact-as-text'],
    shops: [
      { key: 'https://www.example.nl', names: ['https://www.example.nl', 'https://www.example.nl/'] },
      { key: 'https://other.example', names: ['https://other.example', 'https://shop.other.example'] },
    ],
  };
  const entry = (shop: string, rule: string, line: number): Override => ({
    shop,
    rule,
    outcome: 'pass',
    reason: 'r',
    line,
  });

  it('names a misspelt rule id and a shop outside the run, with file:line and the closest known ones', () => {
    const problems = overrideProblems(
      [
        entry('https://WWW.example.nl/', 'email-present', 1),
        entry('https://www.example.nl', 'email-presnt', 6),
        entry('https://www.exmaple.nl', 'phone-present', 11),
        entry('https://shop.other.example', 'contact-as-text', 16),
      ],
      scope,
      'ov.yaml',
    );
    expect(problems.map((p) => p.index)).toEqual([1, 2]);
    expect(problems[0].message).toBe(
      'ov.yaml:6: override 2 (shop https://www.example.nl, rule email-presnt): no rule "email-presnt" in the rule sets of run 3 "nl-2026"; closest: email-present, phone-present, email-not-noreply',
    );
    expect(problems[1].message).toMatch(
      /^ov\.yaml:11: override 3 \(shop https:\/\/www\.exmaple\.nl, rule phone-present\): the shop is not in run 3 "nl-2026"; closest: https:\/\/www\.example\.nl, /,
    );
  });

  it('ranks suggestions by edit distance', () => {
    expect(closest('contact-as-txt', ['email-present', 'contact-as-text', 'phone-present'], 1)).toEqual([
      'contact-as-text',
    ]);
  });
});

describe('carrying overrides to a new run', () => {
  it('turns every overridden finding into an override flagged with the run it was first made in', () => {
    const ruleSet = loadRuleSet({ profile: 'nl' });
    const evidence = buildEvidence({ key: 'https://shop.example' });
    const decided = evaluateRules(ruleSet, evidence, [
      { shop: 'https://shop.example', rule: 'email-present', outcome: 'pass', reason: 'by hand', by: 'ab' },
      {
        shop: 'https://shop.example',
        rule: 'phone-present',
        outcome: 'off',
        reason: 'older',
        carriedFrom: { runId: 1, runLabel: 'nl-2025' },
      },
    ]);
    const run = { id: 7, label: 'nl-2026' } as Parameters<typeof carriedOverrides>[0];
    const shop = { key: 'https://shop.example', findings: decided } as Parameters<
      typeof carriedOverrides
    >[1][number];
    const carried = carriedOverrides(run, [shop]);
    expect(carried).toEqual(
      [
        {
          shop: 'https://shop.example',
          rule: 'phone-present',
          outcome: 'off',
          reason: 'older',
          carriedFrom: { runId: 1, runLabel: 'nl-2025' },
        },
        {
          shop: 'https://shop.example',
          rule: 'email-present',
          outcome: 'pass',
          reason: 'by hand',
          by: 'ab',
          carriedFrom: { runId: 7, runLabel: 'nl-2026' },
        },
      ].sort(
        (a, b) => decided.findIndex((f) => f.rule === a.rule) - decided.findIndex((f) => f.rule === b.rule),
      ),
    );
    const again = evaluateRules(ruleSet, evidence, carried).find((f) => f.rule === 'email-present');
    expect(again?.override?.carriedFrom).toEqual({ runId: 7, runLabel: 'nl-2026' });
  });
});
