import { EXEMPLARY, type RuleCase } from './shared.js';

/** The cases of rule contact-not-blocked-by-consent: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'contact-not-blocked-by-consent',
    name: 'banner refused',
    shop: { consent: { platform: 'Cookiebot', action: 'rejected', coveredContactLink: true } },
    expect: 'pass',
  },
  {
    rule: 'contact-not-blocked-by-consent',
    name: 'banner covered the link, accept only',
    shop: { consent: { platform: 'Cookiebot', action: 'accepted', coveredContactLink: true } },
    expect: 'fail',
  },
  {
    rule: 'contact-not-blocked-by-consent',
    name: 'accept only, coverage unknown',
    shop: { consent: { platform: 'OneTrust', action: 'accepted', coveredContactLink: null } },
    expect: 'needs-review',
  },
  { rule: 'contact-not-blocked-by-consent', name: 'no banner', shop: EXEMPLARY, expect: 'not-applicable' },
];
