import { EXEMPLARY, NOTHING, type RuleCase, UNREACHABLE } from './shared.js';

/** The cases of rule phone-not-premium-rate: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'phone-not-premium-rate', name: 'geographic number', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'phone-not-premium-rate',
    name: 'premium and geographic number',
    shop: {
      sightings: [
        { kind: 'phone', phoneType: 'premium' },
        { kind: 'phone', phoneType: 'fixed' },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'phone-not-premium-rate',
    name: 'only a 0900 number',
    shop: { sightings: [{ kind: 'phone', phoneType: 'premium', value: '+319001234567' }] },
    expect: 'fail',
    rests: { sightings: [] },
  },
  {
    rule: 'phone-not-premium-rate',
    name: 'only a number of unknown type',
    shop: { sightings: [{ kind: 'phone', phoneType: 'unknown' }] },
    expect: 'needs-review',
  },
  { rule: 'phone-not-premium-rate', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
  { rule: 'phone-not-premium-rate', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
