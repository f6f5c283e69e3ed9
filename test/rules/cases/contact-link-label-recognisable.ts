import { EXEMPLARY, emailHome, NOTHING, type RuleCase } from './shared.js';

/** The cases of rule contact-link-label-recognisable: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'contact-link-label-recognisable',
    name: 'contact page reached by a link',
    shop: EXEMPLARY,
    expect: 'pass',
    profile: 'de',
  },
  {
    rule: 'contact-link-label-recognisable',
    name: 'details only behind an unlabelled page',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'other', depth: 1 },
      ],
      sightings: [{ kind: 'email', page: 1 }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-label-recognisable',
    name: 'details on the home page',
    shop: { sightings: [emailHome] },
    expect: 'needs-review',
  },
  { rule: 'contact-link-label-recognisable', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
];
