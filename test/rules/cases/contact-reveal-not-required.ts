import { EXEMPLARY, NOTHING, type RuleCase } from './shared.js';

/** The cases of rule contact-reveal-not-required: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-reveal-not-required', name: 'number shown', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-reveal-not-required',
    name: 'number behind a click',
    shop: { sightings: [{ kind: 'phone', afterInteraction: 'click: Toon nummer' }] },
    expect: 'fail',
  },
  { rule: 'contact-reveal-not-required', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
];
