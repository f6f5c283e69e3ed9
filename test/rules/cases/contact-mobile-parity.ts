import { EXEMPLARY, NOTHING, type RuleCase } from './shared.js';

/** The cases of rule contact-mobile-parity: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'contact-mobile-parity',
    name: 'no phone-sized pass (static mode)',
    shop: EXEMPLARY,
    expect: 'not-assessable',
  },
  { rule: 'contact-mobile-parity', name: 'nothing', shop: NOTHING, expect: 'not-assessable' },
  {
    rule: 'contact-mobile-parity',
    name: 'phone and e-mail visible on desktop and on the phone-sized page',
    shop: {
      pages: [
        { kind: 'home', depth: 0, viewport: 'desktop' },
        { kind: 'home', depth: 0, viewport: 'mobile' },
      ],
      sightings: [
        { kind: 'phone', page: 0, visible: true },
        { kind: 'email', page: 0, visible: true },
        { kind: 'phone', page: 1, visible: true },
        { kind: 'email', page: 1, visible: true },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-mobile-parity',
    name: 'the e-mail address is hidden in the mobile layout',
    shop: {
      pages: [
        { kind: 'home', depth: 0, viewport: 'desktop' },
        { kind: 'home', depth: 0, viewport: 'mobile' },
      ],
      sightings: [
        { kind: 'phone', page: 0, visible: true },
        { kind: 'email', page: 0, visible: true },
        { kind: 'phone', page: 1, visible: true },
        { kind: 'email', page: 1, visible: false },
      ],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-mobile-parity',
    name: 'nothing visible on desktop to compare',
    shop: {
      pages: [
        { kind: 'home', depth: 0, viewport: 'desktop' },
        { kind: 'home', depth: 0, viewport: 'mobile' },
      ],
      sightings: [{ kind: 'phone', page: 0, visible: 'unknown' }],
    },
    expect: 'not-applicable',
  },
];
