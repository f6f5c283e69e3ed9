import { EXEMPLARY, INVALID, NOTHING, type RuleCase } from './shared.js';

/** The cases of rule phone-number-valid: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'phone-number-valid', name: 'recognised number', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'phone-number-valid',
    name: 'unrecognised number',
    shop: { sightings: [{ kind: 'phone', phoneType: 'unknown' }] },
    expect: 'fail',
  },
  {
    rule: 'phone-number-valid',
    name: 'Dutch number for a Dutch shop',
    profile: 'nl',
    shop: EXEMPLARY,
    expect: 'pass',
  },
  {
    rule: 'phone-number-valid',
    name: 'only a German number for a Dutch shop',
    profile: 'nl',
    shop: { sightings: [{ kind: 'phone', value: '+4930123456' }] },
    expect: 'needs-review',
  },
  {
    rule: 'phone-number-valid',
    name: 'Dutch number for a German shop',
    profile: 'de',
    shop: EXEMPLARY,
    expect: 'needs-review',
  },
  {
    rule: 'phone-number-valid',
    name: 'Austrian number for the German profile',
    profile: 'de',
    shop: { sightings: [{ kind: 'phone', value: '+4312345678' }] },
    expect: 'pass',
  },
  {
    rule: 'phone-number-valid',
    name: 'the only number written is invalid',
    shop: { sightings: [INVALID] },
    expect: 'fail',
    rests: { sightings: ['s1'] },
  },
  {
    rule: 'phone-number-valid',
    name: 'a valid number and an invalid one',
    shop: { sightings: [{ kind: 'phone' }, INVALID] },
    expect: 'fail',
    rests: { sightings: ['s2'] },
  },
  {
    rule: 'phone-number-valid',
    name: 'a Dutch number and an invalid one, Dutch profile',
    profile: 'nl',
    shop: { sightings: [{ kind: 'phone' }, INVALID] },
    expect: 'fail',
  },
  {
    rule: 'phone-number-valid',
    name: 'a foreign number and an invalid one, Dutch profile',
    profile: 'nl',
    shop: { sightings: [{ kind: 'phone', value: '+4930123456' }, INVALID] },
    expect: 'fail',
  },
  {
    rule: 'phone-number-valid',
    name: 'an invalid number only in hidden markup',
    shop: { sightings: [{ ...INVALID, visible: false }] },
    expect: 'not-applicable',
  },
  { rule: 'phone-number-valid', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
];
