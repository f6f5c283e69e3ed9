import {
  BANK,
  EXEMPLARY,
  emailHome,
  INVALID,
  NOTHING,
  phoneHome,
  type RuleCase,
  SITE,
  UNREACHABLE,
} from './shared.js';

/** The cases of rule phone-present: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'phone-present',
    name: 'phone in the footer',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { sightings: ['s1', 's2'] },
  },
  { rule: 'phone-present', name: 'no phone', shop: { pages: SITE, sightings: [emailHome] }, expect: 'fail' },
  {
    rule: 'phone-present',
    name: 'only an invalid number',
    shop: { sightings: [INVALID] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only the number of the bank named in its sentence',
    shop: { sightings: [BANK] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'a hidden carrier number is no reason for review',
    shop: { sightings: [{ ...BANK, visible: false, thirdParty: { kind: 'carrier', name: 'DHL' } }] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only a fax number',
    shop: { sightings: [{ kind: 'phone', label: 'fax' }] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only in structured data',
    shop: { sightings: [{ kind: 'phone', region: 'structured-data' }] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only a hidden number',
    shop: { sightings: [{ kind: 'phone', visible: false }] },
    expect: 'needs-review',
  },
  {
    rule: 'phone-present',
    name: 'only a number hidden with nothing on the page that shows it',
    shop: { sightings: [{ kind: 'phone', visible: false, revealable: false }] },
    expect: 'fail',
  },
  { rule: 'phone-present', name: 'unreachable shop', shop: UNREACHABLE, expect: 'not-assessable' },
  {
    rule: 'phone-present',
    name: 'UK shop with a phone',
    profile: 'uk',
    shop: { sightings: [phoneHome] },
    expect: 'pass',
  },
  { rule: 'phone-present', name: 'UK shop without phone', profile: 'uk', shop: NOTHING, expect: 'fail' },
];
