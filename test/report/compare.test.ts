import { describe, expect, it } from 'vitest';
import { judgeShop } from '../../src/audit/judge-shop.js';
import { compareRuns } from '../../src/report/compare.js';
import { runResults } from '../../src/report/export-run.js';
import { causeText } from '../../src/report/html/compare-page.js';
import { loadRuleSet, type Override } from '../../src/rules/index.js';
import type { RuleSet } from '../../src/rules/types.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { EXEMPLARY } from '../rules/cases/shared.js';
import { buildEvidence, HOME, type ShopSpec, SITE } from '../rules/evidence-builder.js';

const NL = loadRuleSet({ profile: 'nl' });
const phoneAndEmail = (extra: ShopSpec = {}): ShopSpec => ({ ...EXEMPLARY, ...extra });

/** A run of shops judged under a rule set, with overrides: one side of a comparison. */
function run(
  store: Store,
  label: string,
  ruleSet: RuleSet,
  shops: Record<string, ShopSpec>,
  overrides: Override[] = [],
) {
  const id = store.createRun({
    label,
    kind: 'audit',
    ruleSet,
    options: {},
    toolVersion: 'test',
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  for (const [key, spec] of Object.entries(shops)) {
    const evidence = buildEvidence({ ...spec, key });
    store.saveShop(id, judgeShop({ key, url: `${key}/`, name: key.slice(8) }, evidence, ruleSet, overrides));
  }
  const record = store.getRun(id)!;
  return { run: record, results: runResults(store, record), ruleSets: store.ruleSets(id) };
}

describe('compareRuns', () => {
  it('names the reason of each change that is not the shop itself, and leaves out not-applicable ↔ pass', () => {
    const store = openStore(':memory:');
    const heavier: RuleSet = {
      ...NL,
      hash: 'f'.repeat(64),
      rules: NL.rules.map((r) => (r.id === 'contact-without-chat-gate' ? { ...r, weight: 8 } : r)),
    };
    const before = run(
      store,
      '2025',
      NL,
      {
        'https://same.example': EXEMPLARY,
        'https://decided.example': { pages: SITE, sightings: [{ kind: 'phone', page: HOME }] },
        'https://fixed.example': { pages: SITE, sightings: [{ kind: 'email', page: HOME }] },
        'https://down.example': EXEMPLARY,
        'https://quiet.example': { pages: SITE },
      },
      [{ shop: 'https://decided.example', rule: 'email-present', outcome: 'pass', reason: 'seen by hand' }],
    );
    const after = run(store, '2026', heavier, {
      'https://same.example': EXEMPLARY,
      'https://decided.example': { pages: SITE, sightings: [{ kind: 'phone', page: HOME }] },
      'https://fixed.example': phoneAndEmail(),
      'https://down.example': { status: 'timeout' },
      // Nothing found before, a form now: rules that were not applicable now pass.
      'https://quiet.example': { pages: SITE, widgets: [{ kind: 'contact-form' }] },
    });
    const comparison = compareRuns(before, after);

    expect(comparison.definitionChanges).toEqual([
      {
        profiles: ['nl'],
        change: { kind: 'weight', rule: 'contact-without-chat-gate', before: 4, after: 8 },
      },
    ]);
    const moved = (key: string) => comparison.shopChanges.find((c) => c.key === key);
    // A person's pass of last year, not carried: the shop did not change, the decision went.
    const decided = comparison.rulesNewlyFailed.find(
      (c) => c.key === 'https://decided.example' && c.rule === 'email-present',
    );
    expect(decided?.causes).toEqual([
      { kind: 'override', rule: 'email-present', before: true, after: false, carried: false },
    ]);
    expect(causeText(decided!.causes[0], 'en')).toBe(
      'the earlier run’s decision by a person on “email-present” was not carried over',
    );
    // The shop that now shows a phone: its own change, and the new weight.
    const fixed = comparison.nowPass.find((c) => c.key === 'https://fixed.example');
    expect(fixed?.causes).toEqual([]);
    expect(moved('https://fixed.example')?.causes).toContainEqual({
      kind: 'evidence',
      rules: expect.arrayContaining(['consumer-contact-findable', 'phone-present']),
    });
    // A crawl that failed this time: every change names the status.
    expect(moved('https://down.example')?.causes).toEqual([
      { kind: 'crawl-status', before: 'ok', after: 'timeout' },
    ]);
    expect(moved('https://down.example')?.score.after).toBeNull();
    expect(comparison.rulesNewlyPassed.filter((c) => c.before === 'not-applicable')).toEqual([]);
    // Ranks with their totals, and the headline figures as "n of m".
    expect(moved('https://fixed.example')?.rank.of).toEqual({ before: 5, after: 4 });
    expect(comparison.figures.find((f) => f.figure === 'phone')).toEqual({
      figure: 'phone',
      before: { count: 3, of: 5 },
      after: { count: 3, of: 4 },
    });
    store.close();
  });

  it('marks a decision carried from the earlier run', () => {
    const store = openStore(':memory:');
    const shops = { 'https://decided.example': { pages: SITE, sightings: [{ kind: 'phone' as const }] } };
    const decision: Override = {
      shop: 'https://decided.example',
      rule: 'email-present',
      outcome: 'pass',
      reason: 'seen',
    };
    const before = run(store, '2025', NL, shops);
    const after = run(store, '2026', NL, shops, [
      { ...decision, carriedFrom: { runId: 9, runLabel: '2024' } },
    ]);
    const change = compareRuns(before, after).rulesNewlyPassed.find((c) => c.rule === 'email-present');
    expect(change?.causes).toEqual([
      { kind: 'override', rule: 'email-present', before: false, after: true, carried: true },
    ]);
    store.close();
  });
});
