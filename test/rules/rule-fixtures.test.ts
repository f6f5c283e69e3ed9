import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRules, loadRuleSet } from '../../src/rules/index.js';
import type { RuleSet } from '../../src/rules/types.js';
import type { RuleCase } from './cases/shared.js';
import { buildEvidence } from './evidence-builder.js';

const PROFILES = ['eu', 'nl', 'de', 'be', 'fr', 'uk'];

/** One file of cases per rule, `cases/<rule-id>.ts`, beside the cases' shared shops. */
const CASES_DIR = new URL('./cases/', import.meta.url);
const caseFiles = readdirSync(CASES_DIR)
  .filter((file) => file.endsWith('.ts') && file !== 'shared.ts')
  .sort();
const casesByFile = new Map<string, RuleCase[]>();
for (const file of caseFiles) {
  const module = (await import(new URL(file, CASES_DIR).href)) as { CASES: RuleCase[] };
  casesByFile.set(file.replace(/\.ts$/, ''), module.CASES);
}
const RULE_CASES = [...casesByFile.values()].flat();

const ruleSets = new Map<string, RuleSet>();
function ruleSet(profile: string): RuleSet {
  let set = ruleSets.get(profile);
  if (!set) {
    set = loadRuleSet({ profile });
    ruleSets.set(profile, set);
  }
  return set;
}

describe('rule fixtures', () => {
  it.each(RULE_CASES.map((c) => [`${c.rule} (${c.profile ?? 'eu'}): ${c.name} → ${c.expect}`, c] as const))(
    '%s',
    (_title, c) => {
      const findings = evaluateRules(ruleSet(c.profile ?? 'eu'), buildEvidence(c.shop));
      const finding = findings.find((candidate) => candidate.rule === c.rule);
      expect(finding, `rule ${c.rule} is in profile ${c.profile ?? 'eu'}`).toBeDefined();
      expect(finding?.outcome).toBe(c.expect);
      if (c.expect !== 'pass' && c.expect !== 'fail') expect(finding?.reason).toBeTruthy();
      if (c.rests?.sightings) {
        if (c.rests.sightings.length === 0) expect(finding?.sightingIds).toEqual([]);
        else expect(finding?.sightingIds).toEqual(expect.arrayContaining(c.rests.sightings));
      }
      if (c.rests?.widgets) expect(finding?.widgetIds).toEqual(expect.arrayContaining(c.rests.widgets));
      if (c.rests?.facts) expect(finding?.factIds).toEqual(expect.arrayContaining(c.rests.facts));
      if (c.rests?.pages) expect(finding?.pageIds).toEqual(expect.arrayContaining(c.rests.pages));
    },
  );

  it('every rule of every profile has fixtures for each outcome its conditions can reach (at least two)', () => {
    const always = (condition: unknown, value: boolean) =>
      JSON.stringify(condition ?? null) === JSON.stringify({ always: value });
    const missing: string[] = [];
    for (const profile of PROFILES) {
      for (const rule of ruleSet(profile).rules) {
        const outcomes = new Set(RULE_CASES.filter((c) => c.rule === rule.id).map((c) => c.expect));
        const decides = !always(rule.notAssessableWhen?.when, true);
        const needed = [
          ...(decides && !always(rule.test, false) ? ['pass'] : []),
          ...(decides && !always(rule.needsReviewWhen, true) ? ['fail'] : []),
        ];
        const lacking = needed.filter((outcome) => !outcomes.has(outcome as never));
        if (outcomes.size < (decides ? 2 : 1) || lacking.length > 0)
          missing.push(
            `${rule.id}: has ${[...outcomes].join(', ') || 'none'}, lacks ${lacking.join(', ') || 'a second outcome'}`,
          );
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every rule of every profile has its case file, and each case file holds its own rule only', () => {
    const ruleIds = new Set(PROFILES.flatMap((profile) => ruleSet(profile).rules.map((rule) => rule.id)));
    const withoutFile = [...ruleIds].filter((id) => !casesByFile.has(id)).sort();
    expect(withoutFile, 'rules without test/rules/cases/<rule-id>.ts').toEqual([]);
    const strays = [...casesByFile].flatMap(([file, cases]) =>
      cases.filter((c) => c.rule !== file).map((c) => `${file}.ts: ${c.rule} / ${c.name}`),
    );
    expect(strays).toEqual([]);
    expect([...casesByFile.keys()].filter((file) => !ruleIds.has(file))).toEqual([]);
  });
});
