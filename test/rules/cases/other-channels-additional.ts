import { EXEMPLARY, type RuleCase } from './shared.js';

/** The cases of rule other-channels-additional: this evidence, judged by it, gives this outcome. */
export const CASES: RuleCase[] = [
  {
    rule: 'other-channels-additional',
    name: 'chat besides phone and e-mail',
    shop: { ...EXEMPLARY, widgets: [{ kind: 'chat', vendor: 'Zendesk' }] },
    expect: 'pass',
  },
  {
    rule: 'other-channels-additional',
    name: 'chat only',
    shop: { widgets: [{ kind: 'chat', vendor: 'Tidio' }] },
    expect: 'fail',
  },
  { rule: 'other-channels-additional', name: 'no chat', shop: EXEMPLARY, expect: 'not-applicable' },
];
