import { EXEMPLARY, NAME_ONLY, NOTHING, type RuleCase, SITE, UNREACHABLE } from './shared.js';

/** The cases of rule registry-and-vat-present: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'registry-and-vat-present',
    name: 'KvK and VAT number',
    profile: 'nl',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { facts: ['f3', 'f4'] },
  },
  { rule: 'registry-and-vat-present', name: 'register and VAT number (eu)', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'registry-and-vat-present',
    name: 'a B.V. without register number',
    shop: NAME_ONLY,
    expect: 'fail',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'register number without VAT number (maybe exempt)',
    shop: { pages: SITE, facts: [{ kind: 'legal-name' }, { kind: 'registry-number' }] },
    expect: 'needs-review',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'nothing and no company name (maybe an unregistered sole trader)',
    shop: NOTHING,
    expect: 'needs-review',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'a Dutch shop without KvK number',
    profile: 'nl',
    shop: NOTHING,
    expect: 'fail',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'a Dutch shop with KvK but no VAT number',
    profile: 'nl',
    shop: { pages: SITE, facts: [{ kind: 'registry-number' }] },
    expect: 'needs-review',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'a Belgian shop without enterprise number',
    profile: 'be',
    shop: { pages: SITE, facts: [{ kind: 'vat-number', value: 'BE0123456789' }] },
    expect: 'fail',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'old evidence',
    shop: { ...EXEMPLARY, legacy: true },
    expect: 'not-assessable',
  },
  { rule: 'registry-and-vat-present', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
