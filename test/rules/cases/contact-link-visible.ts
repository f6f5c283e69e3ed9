import { EXEMPLARY, NOTHING, type RuleCase } from './shared.js';

/** The cases of rule contact-link-visible: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'contact-link-visible',
    name: 'seen visibly in the browser',
    shop: { sightings: [{ kind: 'phone', visible: true }] },
    expect: 'pass',
  },
  {
    rule: 'contact-link-visible',
    name: 'all hidden',
    shop: {
      sightings: [
        { kind: 'phone', visible: false },
        { kind: 'email', visible: false },
      ],
    },
    expect: 'fail',
  },
  { rule: 'contact-link-visible', name: 'static mode, unknown', shop: EXEMPLARY, expect: 'needs-review' },
  { rule: 'contact-link-visible', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
];
