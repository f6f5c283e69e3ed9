import { CONTACT, EXEMPLARY, type RuleCase, SITE, UNREACHABLE } from './shared.js';

/** The cases of rule contact-link-in-global-chrome: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-link-in-global-chrome', name: 'footer of the home page', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'only in the main text of a page without a contact link',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'other', depth: 1 },
      ],
      sightings: [{ kind: 'phone', page: 1, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page one click away, link position not recorded (older evidence)',
    shop: { pages: SITE, sightings: [{ kind: 'email', page: CONTACT, region: 'main' }] },
    expect: 'needs-review',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page linked from the footer of the home page',
    shop: {
      pages: [SITE[0], { ...SITE[1], viaRegion: 'footer' }, SITE[2]],
      sightings: [{ kind: 'email', page: CONTACT, region: 'main' }],
    },
    expect: 'pass',
    rests: { pages: ['p2'] },
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'legal notice linked from the navigation, no details found',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'impressum', depth: 1, viaRegion: 'nav' },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page linked only from the body of the home page',
    shop: {
      pages: [SITE[0], { ...SITE[1], viaRegion: 'body' }, SITE[2]],
      sightings: [{ kind: 'phone', page: CONTACT, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'a page linked from the footer that is not a contact page',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'terms', depth: 1, viaRegion: 'footer' },
      ],
      sightings: [{ kind: 'phone', page: 1, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page two clicks away, reached from a footer link of another page',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'other', depth: 1, viaRegion: 'body' },
        { kind: 'contact', depth: 2, viaRegion: 'footer' },
      ],
      sightings: [{ kind: 'phone', page: 2, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'unreachable shop',
    shop: UNREACHABLE,
    expect: 'not-assessable',
  },
];
