import { BANK, EXEMPLARY, emailHome, type RuleCase, UNREACHABLE } from './shared.js';

/** The cases of rule second-direct-channel: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  { rule: 'second-direct-channel', name: 'phone published', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'second-direct-channel',
    name: 'chat widget only',
    shop: { sightings: [emailHome], widgets: [{ kind: 'chat', vendor: 'Tidio' }] },
    expect: 'pass',
    rests: { widgets: ['w1'] },
  },
  {
    rule: 'second-direct-channel',
    name: 'only a form besides e-mail',
    shop: { sightings: [emailHome], widgets: [{ kind: 'contact-form' }] },
    expect: 'needs-review',
  },
  {
    rule: 'second-direct-channel',
    name: 'a WhatsApp button with its number',
    shop: { sightings: [emailHome], widgets: [{ kind: 'whatsapp', number: '+31612345678' }] },
    expect: 'pass',
    rests: { widgets: ['w1'] },
  },
  { rule: 'second-direct-channel', name: 'e-mail only', shop: { sightings: [emailHome] }, expect: 'fail' },
  {
    rule: 'second-direct-channel',
    name: "e-mail and a carrier's number",
    shop: { sightings: [emailHome, { ...BANK, thirdParty: { kind: 'carrier', name: 'PostNL' } }] },
    expect: 'fail',
  },
  { rule: 'second-direct-channel', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
];
