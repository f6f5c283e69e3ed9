import { CONTACT, EXEMPLARY, NOTHING, type RuleCase, SITE, UNREACHABLE } from './shared.js';

/** The cases of rule geographic-address-present: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  // evidence not gathered yet
  {
    rule: 'geographic-address-present',
    name: 'street address in the footer',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { facts: ['f2'], pages: ['p1'] },
  },
  {
    rule: 'geographic-address-present',
    name: 'only a PO box',
    shop: { pages: SITE, facts: [{ kind: 'po-box', page: CONTACT }] },
    expect: 'fail',
  },
  {
    rule: 'geographic-address-present',
    name: 'street address only in a hidden element',
    shop: { pages: SITE, facts: [{ kind: 'postal-address', visible: false }] },
    expect: 'fail',
  },
  { rule: 'geographic-address-present', name: 'nothing (NL)', shop: NOTHING, expect: 'fail' },
  {
    rule: 'geographic-address-present',
    name: 'nothing, in a market whose formats are not recognised',
    shop: { pages: SITE, country: 'PL' },
    expect: 'needs-review',
  },
  {
    rule: 'geographic-address-present',
    name: 'evidence from before facts were extracted',
    shop: { ...EXEMPLARY, legacy: true },
    expect: 'not-assessable',
  },
  { rule: 'geographic-address-present', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
