import {
  BANK,
  both,
  CONTACT,
  DEEP,
  EXEMPLARY,
  emailHome,
  INVALID,
  inWithdrawal,
  NOTHING,
  phoneHome,
  type RuleCase,
  SITE,
  SITE_RETURNS,
  TERMS,
  UNREACHABLE,
} from './shared.js';

/** The cases of rule consumer-contact-findable: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  // consumer-contact-findable (the headline)
  { rule: 'consumer-contact-findable', name: 'exemplary shop', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'consumer-contact-findable',
    name: 'details only in the terms',
    shop: { pages: SITE, sightings: [...both(TERMS)] },
    expect: 'fail',
  },
  { rule: 'consumer-contact-findable', name: 'three clicks deep', shop: DEEP, expect: 'fail' },
  { rule: 'consumer-contact-findable', name: 'nothing', shop: NOTHING, expect: 'fail' },
  {
    rule: 'consumer-contact-findable',
    name: 'phone deep but outside terms, and in terms near the top',
    shop: {
      pages: [...SITE, { kind: 'other', depth: 2 }, { kind: 'contact', depth: 3 }],
      sightings: [{ kind: 'phone', page: TERMS }, { kind: 'phone', page: 4 }, emailHome],
    },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'hidden phone',
    shop: { sightings: [{ kind: 'phone', visible: false }, emailHome] },
    expect: 'needs-review',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'only a 0900 number, with an e-mail address',
    shop: {
      pages: SITE,
      sightings: [
        { kind: 'phone', phoneType: 'premium', value: '+319001234567' },
        { kind: 'phone', phoneType: 'premium', value: '+319001234567', page: CONTACT },
        emailHome,
      ],
    },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'a 0900 number on the home page, the basic-rate number only in the terms',
    shop: {
      pages: SITE,
      sightings: [{ kind: 'phone', phoneType: 'premium' }, { kind: 'phone', page: TERMS }, emailHome],
    },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'a 0900 number beside a basic-rate one',
    shop: { pages: SITE, sightings: [{ kind: 'phone', phoneType: 'premium' }, phoneHome, emailHome] },
    expect: 'pass',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'phone behind a "show number" button, no chat',
    shop: { sightings: [{ kind: 'phone', afterInteraction: 'clicked "Toon telefoonnummer"' }, emailHome] },
    expect: 'pass',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'phone only in the withdrawal instructions',
    shop: { pages: SITE_RETURNS, sightings: [inWithdrawal('phone'), emailHome] },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: "the only number is a bank's",
    shop: { pages: SITE, sightings: [BANK, emailHome] },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'the only number is invalid',
    shop: { pages: SITE, sightings: [INVALID, emailHome] },
    expect: 'fail',
  },
  { rule: 'consumer-contact-findable', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
