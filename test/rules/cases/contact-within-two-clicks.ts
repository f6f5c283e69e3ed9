import { DEEP, EXEMPLARY, NOTHING, phoneHome, type RuleCase, SITE } from './shared.js';

/** The cases of rule contact-within-two-clicks: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-within-two-clicks', name: 'details on the home page', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-within-two-clicks',
    name: 'details three clicks deep',
    shop: DEEP,
    expect: 'fail',
    rests: { sightings: ['s1', 's2'] },
  },
  {
    rule: 'contact-within-two-clicks',
    name: 'e-mail only on an unlinked page',
    shop: {
      pages: [...SITE, { kind: 'contact', depth: null }],
      sightings: [phoneHome, { kind: 'email', page: 3 }],
    },
    expect: 'fail',
  },
  { rule: 'contact-within-two-clicks', name: 'no details at all', shop: NOTHING, expect: 'not-applicable' },
  {
    rule: 'contact-within-two-clicks',
    name: 'timed-out shop',
    shop: { status: 'timeout' },
    expect: 'not-assessable',
  },
];
