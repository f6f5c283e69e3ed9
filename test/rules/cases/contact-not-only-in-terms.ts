import {
  both,
  CONTACT,
  emailHome,
  HOME,
  inWithdrawal,
  NOTHING,
  phoneHome,
  RETURNS,
  type RuleCase,
  SITE,
  SITE_RETURNS,
  TERMS,
} from './shared.js';

/** The cases of rule contact-not-only-in-terms: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'contact-not-only-in-terms',
    name: 'details in footer and terms',
    shop: { pages: SITE, sightings: [...both(TERMS), ...both(HOME)] },
    expect: 'pass',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'details only in the terms',
    shop: { pages: SITE, sightings: [...both(TERMS)] },
    expect: 'fail',
    rests: { sightings: ['s1', 's2'] },
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'phone outside, e-mail only in terms',
    shop: { pages: SITE, sightings: [phoneHome, { kind: 'email', page: TERMS }] },
    expect: 'fail',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'phone only in the withdrawal instructions of a returns page',
    shop: { pages: SITE_RETURNS, sightings: [inWithdrawal('phone'), emailHome] },
    expect: 'fail',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'phone in the withdrawal instructions and on the contact page',
    shop: {
      pages: SITE_RETURNS,
      sightings: [inWithdrawal('phone'), emailHome, { kind: 'phone', page: CONTACT }],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'details in the content of a returns page outside its withdrawal instructions',
    shop: { pages: SITE_RETURNS, sightings: [{ kind: 'phone', page: RETURNS, region: 'main' }, emailHome] },
    expect: 'pass',
  },
  { rule: 'contact-not-only-in-terms', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  {
    rule: 'contact-not-only-in-terms',
    name: 'DNS error',
    shop: { status: 'dns-error' },
    expect: 'not-assessable',
  },
];
