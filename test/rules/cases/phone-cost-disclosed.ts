import { CONTACT, EXEMPLARY, PER_MINUTE, type RuleCase, SITE, UNREACHABLE } from './shared.js';

/** The cases of rule phone-cost-disclosed: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'phone-cost-disclosed',
    name: 'premium number with its price per minute at every mention',
    shop: {
      pages: [
        { kind: 'home', depth: 0, statesCallPrice: true },
        { ...SITE[1], statesCallPrice: true },
      ],
      sightings: [
        { kind: 'phone', phoneType: 'premium', callPrice: PER_MINUTE },
        { kind: 'phone', phoneType: 'premium', callPrice: PER_MINUTE, page: CONTACT },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'shared-cost number with its price per call',
    shop: {
      pages: [{ kind: 'home', depth: 0, statesCallPrice: true }],
      sightings: [
        {
          kind: 'phone',
          phoneType: 'shared-cost',
          callPrice: { kind: 'per-call', amount: 0.2, currency: 'EUR', raw: '20 ct/Anruf' },
        },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'premium number without a price anywhere on its pages',
    shop: {
      pages: [
        { kind: 'home', depth: 0, statesCallPrice: false },
        { ...SITE[1], statesCallPrice: false },
      ],
      sightings: [
        { kind: 'phone', phoneType: 'premium' },
        { kind: 'phone', phoneType: 'premium', page: CONTACT },
      ],
    },
    expect: 'fail',
    rests: { sightings: ['s1', 's2'] },
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'price next to one mention, not in the footer',
    shop: {
      pages: [
        { kind: 'home', depth: 0, statesCallPrice: false },
        { ...SITE[1], statesCallPrice: true },
      ],
      sightings: [
        { kind: 'phone', phoneType: 'premium' },
        { kind: 'phone', phoneType: 'premium', callPrice: PER_MINUTE, page: CONTACT },
      ],
    },
    expect: 'needs-review',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'only "lokaal tarief" next to a premium number',
    shop: {
      pages: [{ kind: 'home', depth: 0, statesCallPrice: false }],
      sightings: [
        { kind: 'phone', phoneType: 'premium', callPrice: { kind: 'basic-rate', raw: 'lokaal tarief' } },
      ],
    },
    expect: 'needs-review',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'a price elsewhere on the page',
    shop: {
      pages: [{ kind: 'home', depth: 0, statesCallPrice: true }],
      sightings: [{ kind: 'phone', phoneType: 'premium' }],
    },
    expect: 'needs-review',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'evidence gathered before prices were read',
    shop: { sightings: [{ kind: 'phone', phoneType: 'premium' }] },
    expect: 'needs-review',
  },
  { rule: 'phone-cost-disclosed', name: 'geographic number', shop: EXEMPLARY, expect: 'not-applicable' },
  { rule: 'phone-cost-disclosed', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
