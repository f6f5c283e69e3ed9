import { parse as parseJunit } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { buildCheckView, type CheckJudgement } from '../../src/report/check-view.js';
import { toJunit } from '../../src/report/ci/junit.js';
import { toSarif } from '../../src/report/ci/sarif.js';
import { toShopResult } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { HOSTILE, makeRun, RULE_SET, sampleShops } from './fixtures.js';
import { sarifProblems } from './sarif-schema.js';

const JUDGEMENT: CheckJudgement = {
  advice: { 'contact-within-two-clicks': [`Move ${HOSTILE}\u0001]]> to the footer.`] },
  adviceEvidence: {},
  findable: { phone: null, email: null },
};

function views() {
  const store = openStore(':memory:');
  try {
    const runId = store.createRun(makeRun('ci'));
    for (const shop of sampleShops()) store.saveShop(runId, shop);
    const run = store.getRun(runId)!;
    return store.shops(runId).map((shop) => buildCheckView(toShopResult(shop, run), RULE_SET, JUDGEMENT));
  } finally {
    store.close();
  }
}

describe('SARIF', () => {
  it('the schema check rejects what is not SARIF 2.1.0', () => {
    expect(sarifProblems({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
    expect(sarifProblems({ version: '2.0.0', runs: [] })).not.toEqual([]);
  });

  it('has one result per failed rule, at the page of its evidence, with the level of the rule', () => {
    const log = toSarif(views(), '0.1.0');
    expect(sarifProblems(log)).toEqual([]);
    const results = log.runs[0].results ?? [];
    const failed = views()
      .filter((v) => v.judged)
      .flatMap((v) => v.failures.map((f) => f.finding.rule));
    expect(results.map((r) => r.ruleId)).toEqual(failed);
    const phone = results.find((r) => r.ruleId === 'phone-present');
    expect(phone?.level).toBe('error');
    expect(results.find((r) => r.ruleId === 'contact-within-two-clicks')?.level).toBe('warning');
    // The unreachable shop is a notification, not a result.
    expect(log.runs[0].invocations?.[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations?.[0].toolExecutionNotifications?.[0].message.text).toMatch(
      /^could not check https:\/\/down\.example\//,
    );
  });
});

describe('JUnit', () => {
  it('one test case per rule, failures with advice, parsed back by a JUnit parser despite hostile text', async () => {
    const xml = toJunit(views());
    const parsed = (await parseJunit(xml)) as {
      testsuite: Array<{
        name: string;
        tests: number;
        failures: number;
        errors: number;
        testcase: unknown[];
      }>;
    };
    expect(parsed.testsuite).toHaveLength(4);
    const evil = parsed.testsuite.find((s) => s.name.includes('evil.example'))!;
    expect(evil.name).toContain(HOSTILE);
    expect(evil.tests).toBe(RULE_SET.rules.length);
    expect(evil.failures).toBe(1);
    expect(xml).not.toContain('\u0001');
    const failed = (evil.testcase as Array<{ failure?: Array<{ inner?: string }> }>).find((c) => c.failure);
    expect(failed?.failure?.[0].inner).toContain(`→ Move ${HOSTILE}]]> to the footer.`);
    const down = parsed.testsuite.find((s) => s.name.includes('down.example'))!;
    expect(down.errors).toBe(1);
  });
});

describe('a hostile page with thousands of numbers', () => {
  it('keeps the terminal, SARIF and JUnit text bounded', async () => {
    const store = openStore(':memory:');
    const runId = store.createRun(makeRun('many'));
    for (const shop of sampleShops()) store.saveShop(runId, shop);
    const result = toShopResult(store.shop(runId, 'https://evil.example')!, store.getRun(runId)!);
    store.close();
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const id = `s${1000 + i}`;
      ids.push(id);
      result.contacts.phones.push({
        e164: `+3120${String(1000000 + i)}`,
        type: 'fixed',
        label: null,
        sightings: [{ ...result.contacts.phones[0].sightings[0], id, raw: `020 ${1000000 + i}` }],
      });
    }
    const view = buildCheckView(result, RULE_SET, {
      advice: { 'contact-within-two-clicks': ids.map((id) => `Move ${id}.`) },
      adviceEvidence: { 'contact-within-two-clicks': ids },
      findable: { phone: null, email: null },
    });
    expect(view.failures[0].evidence.length).toBe(5000);
    const { formatShopForTerminal } = await import('../../src/report/terminal.js');
    expect(formatShopForTerminal(view).split('\n').length).toBeLessThan(60);
    const sarif = toSarif([view], '0.1.0');
    expect(sarif.runs[0].results?.[0].message.text?.split('\n').length).toBeLessThanOrEqual(41);
    expect(sarifProblems(sarif)).toEqual([]);
    expect(toJunit([view]).length).toBeLessThan(20_000);
  });
});
