import { EXEMPLARY, NOTHING, type RuleCase } from './shared.js';

/** The cases of rule email-not-noreply: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'email-not-noreply', name: 'info address', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'email-not-noreply',
    name: 'only noreply',
    shop: {
      sightings: [
        { kind: 'email', value: 'no-reply@shop.example' },
        { kind: 'email', value: 'donotreply@shop.example' },
      ],
    },
    expect: 'fail',
  },
  { rule: 'email-not-noreply', name: 'no e-mail', shop: NOTHING, expect: 'not-applicable' },
];
