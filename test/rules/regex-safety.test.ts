import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { judgeShop } from '../../src/audit/judge-shop.js';
import { RULES_DIR } from '../../src/common/paths.js';
import { lintRules, loadRuleSet, RuleSetError } from '../../src/rules/index.js';
import { buildEvidence } from './evidence-builder.js';

// A rule pack's regular expression that backtracks catastrophically must be refused by
// `rules lint`, and must never hang the judging of a run (rescore read such a pack and hung).

const CATASTROPHIC = '^(a+)+$';
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function rulesWithPattern(pattern: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-regex-'));
  temps.push(dir);
  cpSync(RULES_DIR, dir, { recursive: true, filter: (source) => !source.includes('vocabulary') });
  const file = join(dir, 'eu', 'email-not-noreply.yaml');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/notMatches: '[^']*'/, () => `notMatches: '${pattern}'`);
  if (next === text) throw new Error('the shipped rule has no notMatches pattern to replace');
  writeFileSync(file, next);
  return { dir, file };
}

const target = { key: 'https://shop.example', url: 'https://shop.example/' };
/** An address made to make the pattern backtrack: many a's and a final character that fails. */
const attack = () =>
  buildEvidence({ sightings: [{ kind: 'email', value: `${'a'.repeat(40)}!@shop.example`, visible: true }] });

describe('rules lint and regular expressions', () => {
  it('refuses a pattern that backtracks catastrophically, naming its file and line', () => {
    const { dir, file } = rulesWithPattern(CATASTROPHIC);
    const diagnostics = lintRules(dir);
    expect(diagnostics).toHaveLength(1);
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(CATASTROPHIC)) + 1;
    expect(diagnostics[0]).toMatchObject({ file, line });
    expect(diagnostics[0].message).toMatch(/backtrack catastrophically/);
  });

  it('accepts a harmless pattern in the same place', () => {
    const { dir } = rulesWithPattern('^(no-?reply|noreply)@');
    expect(lintRules(dir)).toEqual([]);
  });
});

describe('judging has a time limit per shop', () => {
  it('stops a run judged with such a pattern within the limit, naming the pattern', () => {
    const { dir } = rulesWithPattern(CATASTROPHIC);
    // Loading for a run does not run the (slow) regex check: the time limit is the guard there.
    const ruleSet = loadRuleSet({ dir, profile: 'eu' });
    const started = Date.now();
    expect(() => judgeShop(target, attack(), ruleSet, [], 500)).toThrow(RuleSetError);
    expect(() => judgeShop(target, attack(), ruleSet, [], 500)).toThrow(/\^\(a\+\)\+\$/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('makes a shop whose judging runs past the limit not assessable, saying why', () => {
    const ruleSet = loadRuleSet({ profile: 'eu' });
    const evidence = buildEvidence({
      // An evidence document far past the caps (as stored before them): seconds of work, past 50 ms.
      sightings: Array.from({ length: 50_000 }, (_, i) => ({ kind: 'phone' as const, value: `+3120${i}` })),
    });
    const started = Date.now();
    const outcome = judgeShop(target, evidence, ruleSet, [], 50);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome.findings).toHaveLength(ruleSet.rules.length);
    expect(new Set(outcome.findings.map((f) => f.outcome))).toEqual(new Set(['not-assessable']));
    expect(outcome.findings[0].reason).toMatch(/stopped after 0.05 s/);
    expect(outcome.score.score).toBeNull();
  }, 30_000);
});
