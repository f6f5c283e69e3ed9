import { EXEMPLARY, NOTHING, type RuleCase, SITE } from './shared.js';

/** The cases of rule trader-identity-present: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'trader-identity-present',
    name: 'company name with legal form',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { facts: ['f1'] },
  },
  {
    rule: 'trader-identity-present',
    name: 'no name, no numbers',
    shop: { pages: SITE, facts: [{ kind: 'postal-address' }] },
    expect: 'fail',
  },
  {
    rule: 'trader-identity-present',
    name: 'a KvK number without a company name (maybe a sole trader)',
    shop: { pages: SITE, facts: [{ kind: 'registry-number' }] },
    expect: 'needs-review',
  },
  {
    rule: 'trader-identity-present',
    name: 'company name only in an HTML comment',
    shop: { pages: SITE, facts: [{ kind: 'legal-name', visible: false }] },
    expect: 'fail',
  },
  {
    rule: 'trader-identity-present',
    name: 'old evidence',
    shop: { ...NOTHING, legacy: true },
    expect: 'not-assessable',
  },
];
