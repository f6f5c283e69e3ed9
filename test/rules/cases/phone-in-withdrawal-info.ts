import { NOTHING, phoneHome, type RuleCase, SITE, SITE_WITHDRAWAL, TERMS } from './shared.js';

/** The cases of rule phone-in-withdrawal-info: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'phone-in-withdrawal-info',
    name: 'phone in the content of the terms that give the withdrawal information',
    shop: { pages: SITE_WITHDRAWAL, sightings: [phoneHome, { kind: 'phone', page: TERMS, region: 'main' }] },
    expect: 'pass',
    rests: { sightings: ['s2'] },
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'withdrawal information without the phone',
    shop: { pages: SITE_WITHDRAWAL, sightings: [phoneHome] },
    expect: 'fail',
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'phone only in the shared footer of the withdrawal page',
    shop: {
      pages: SITE_WITHDRAWAL,
      sightings: [phoneHome, { kind: 'phone', page: TERMS, region: 'footer' }],
    },
    expect: 'fail',
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'phone in terms that do not speak of withdrawal',
    shop: { pages: SITE, sightings: [phoneHome, { kind: 'phone', page: TERMS, region: 'main' }] },
    expect: 'needs-review',
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'no terms page crawled',
    shop: { sightings: [phoneHome] },
    expect: 'needs-review',
  },
  { rule: 'phone-in-withdrawal-info', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
];
