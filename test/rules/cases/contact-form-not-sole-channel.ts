import { CONTACT, EXEMPLARY, phoneHome, type RuleCase, SITE } from './shared.js';

/** The cases of rule contact-form-not-sole-channel: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-form-not-sole-channel', name: 'form and e-mail', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-form-not-sole-channel',
    name: 'form without e-mail',
    shop: { pages: SITE, sightings: [phoneHome], widgets: [{ kind: 'contact-form', page: CONTACT }] },
    expect: 'fail',
  },
  {
    rule: 'contact-form-not-sole-channel',
    name: 'no form',
    shop: { sightings: [phoneHome] },
    expect: 'not-applicable',
  },
  {
    rule: 'contact-form-not-sole-channel',
    name: 'robots forbid',
    shop: { status: 'robots-disallowed' },
    expect: 'not-assessable',
  },
];
