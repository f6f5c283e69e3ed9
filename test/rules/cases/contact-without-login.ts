import { EXEMPLARY, phoneHome, type RuleCase, UNREACHABLE } from './shared.js';

/** The cases of rule contact-without-login: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-without-login', name: 'both found on public pages', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-without-login',
    name: 'not both found',
    shop: { sightings: [phoneHome] },
    expect: 'needs-review',
  },
  { rule: 'contact-without-login', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
