import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateRules, loadOverrides, loadRuleSet, type Override } from '../../src/rules/index.js';
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
    const before = scoreShop(plain, termsOnly).score ?? 0;
    const after = scoreShop(judged, termsOnly).score ?? 0;
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
});
