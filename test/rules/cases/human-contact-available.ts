import { EXEMPLARY, emailHome, type RuleCase } from './shared.js';

/** The cases of rule human-contact-available: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'human-contact-available',
    name: 'chat and e-mail',
    profile: 'nl',
    shop: { sightings: [emailHome], widgets: [{ kind: 'chat' }] },
    expect: 'pass',
  },
  {
    rule: 'human-contact-available',
    name: 'chat only',
    shop: { widgets: [{ kind: 'chat' }] },
    expect: 'fail',
  },
  { rule: 'human-contact-available', name: 'no chat', shop: EXEMPLARY, expect: 'not-applicable' },
];
