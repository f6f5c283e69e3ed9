import { EXEMPLARY, phoneHome, type RuleCase } from './shared.js';

/** The cases of rule email-present: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'email-present', name: 'e-mail in the footer', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'email-present',
    name: 'decoded obfuscated address',
    shop: {
      sightings: [
        { kind: 'email', presentation: 'deobfuscated' },
        { kind: 'email', presentation: 'cf-email' },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'email-present',
    name: 'address only in an href',
    shop: { sightings: [{ kind: 'email', presentation: 'href-only' }] },
    expect: 'fail',
  },
  { rule: 'email-present', name: 'no e-mail', shop: { sightings: [phoneHome] }, expect: 'fail' },
  {
    rule: 'email-present',
    name: 'only a hidden address that a control on the page may show',
    shop: { sightings: [{ kind: 'email', visible: false }] },
    expect: 'needs-review',
  },
  {
    rule: 'email-present',
    name: 'only an address hidden with nothing on the page that shows it',
    shop: { sightings: [{ kind: 'email', visible: false, revealable: false }] },
    expect: 'fail',
  },
  { rule: 'email-present', name: 'blocked shop', shop: { status: 'blocked' }, expect: 'not-assessable' },
];
