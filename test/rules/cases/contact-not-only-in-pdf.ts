import { EXEMPLARY, NOTHING, type RuleCase } from './shared.js';

/** The cases of rule contact-not-only-in-pdf: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-not-only-in-pdf', name: 'on web pages', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-not-only-in-pdf',
    name: 'only in a PDF',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'document', depth: 1 },
      ],
      sightings: [
        { kind: 'phone', page: 1, presentation: 'pdf' },
        { kind: 'email', page: 1, presentation: 'pdf' },
      ],
    },
    expect: 'fail',
  },
  { rule: 'contact-not-only-in-pdf', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
];
