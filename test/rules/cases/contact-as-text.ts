import { EXEMPLARY, emailHome, NOTHING, type RuleCase, UNREACHABLE } from './shared.js';

/** The cases of rule contact-as-text: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'contact-as-text', name: 'text and links', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-as-text',
    name: 'phone only in an image',
    shop: { sightings: [{ kind: 'phone', presentation: 'image-hint' }, emailHome] },
    expect: 'fail',
  },
  { rule: 'contact-as-text', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  { rule: 'contact-as-text', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
