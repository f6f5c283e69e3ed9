import { EXEMPLARY, NOTHING, type RuleCase, UNREACHABLE } from './shared.js';

/** The cases of rule contact-details-consistent: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-details-consistent', name: 'same details everywhere', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-details-consistent',
    name: 'two different numbers',
    shop: {
      sightings: [
        { kind: 'phone', value: '+31201111111' },
        { kind: 'phone', value: '+31202222222' },
      ],
    },
    expect: 'needs-review',
  },
  { rule: 'contact-details-consistent', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  { rule: 'contact-details-consistent', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
