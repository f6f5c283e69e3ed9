import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/common/paths.js';
import type { Finding } from '../../src/rules/types.js';
import { openStore } from '../../src/store/index.js';
import type { StoredShop } from '../../src/store/types.js';
import { ROOT, runCli } from './run-cli.js';

const PRELOAD = join(ROOT, 'test', 'e2e', 'no-network-preload.mjs');
let dir: string;
let db: string;

function shopsOf(label: string): Map<string, StoredShop> {
  const store = openStore(db);
  try {
    const run = store.findRunByLabel(label)!;
    return new Map(store.shops(run.id).map((shop) => [shop.target.name!, shop]));
  } finally {
    store.close();
  }
}

/** The score formula of DESIGN.md, recomputed from the stored findings, before the law cap. */
function weightsScore(findings: Finding[]): number {
  const counted = findings.filter((f) => !f.override && (f.outcome === 'pass' || f.outcome === 'fail'));
  const passed = counted.filter((f) => f.outcome === 'pass').reduce((sum, f) => sum + f.weight, 0);
  const total = counted.reduce((sum, f) => sum + f.weight, 0);
  return Math.round((100 * passed) / total);
}

/** With the cap: a failed rule of level law keeps the score at 74 or below (src/score/README.md). */
function expectedScore(findings: Finding[]): number {
  const lawFails = findings.some(
    (f) => f.level === 'law' && f.outcome === 'fail' && f.override?.outcome !== 'off',
  );
  return lawFails ? Math.min(74, weightsScore(findings)) : weightsScore(findings);
}

function noNetworkEnv(log: string): NodeJS.ProcessEnv {
  return { NODE_OPTIONS: `--import=${PRELOAD}`, SHOPREACH_NETWORK_LOG: log };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-rescore-'));
  db = join(dir, 'demo.sqlite');
  const demo = await runCli(['demo', '--mode', 'static', '--db', db, '--out', join(dir, 'report')], {
    timeoutMs: 120_000,
  });
  expect(demo.code).toBe(0);
}, 150_000);

describe('shopreach rescore', () => {
  it('judges stored evidence under a changed weight, without any network access', async () => {
    const rules = join(dir, 'rules');
    cpSync(RULES_DIR, rules, { recursive: true });
    const ruleFile = join(rules, 'eu', 'email-present.yaml');
    const original = readFileSync(ruleFile, 'utf8');
    expect(original).toMatch(/^weight: 5$/m);
    writeFileSync(ruleFile, original.replace(/^weight: 5$/m, 'weight: 10'));

    const log = join(dir, 'network.log');
    const result = await runCli(
      ['rescore', '--db', db, '--run', 'demo', '--rules', rules, '--label', 'heavier-email'],
      { env: noNetworkEnv(log) },
    );
    expect(result.code).toBe(0);
    expect(existsSync(log)).toBe(false);
    // The rules changed under the same VERSION: the new run says so, and so does its hash.
    const version = readFileSync(join(RULES_DIR, 'VERSION'), 'utf8').trim();
    expect(result.stderr).toContain('Warning: the rules of profile nl differ from run 1 "demo"');
    expect(result.stderr).toContain(`version is still ${version}`);
    const runs = (await runCli(['runs', '--db', db])).stdout.split('\n');
    expect(runs[0].split('\t')).toEqual([
      'id',
      'label',
      'kind',
      'shops',
      'state',
      'started',
      'rules (profile version hash (markets))',
    ]);
    const rulesOf = (label: string) =>
      runs.find((line) => line.split('\t')[1] === label)?.split('\t')[6] ?? '';
    const v = version.replace(/\./g, '\\.');
    expect(rulesOf('demo')).toMatch(new RegExp(`^nl ${v} [0-9a-f]{8} \\(NL\\) · combined [0-9a-f]{8}$`));
    expect(rulesOf('heavier-email')).toMatch(
      new RegExp(`^nl ${v}\\+changed\\.[0-9a-f]{8} [0-9a-f]{8} \\(NL\\) · combined [0-9a-f]{8}$`),
    );
    expect(rulesOf('heavier-email').split('combined ')[1]).not.toBe(rulesOf('demo').split('combined ')[1]);

    const before = shopsOf('demo');
    const after = shopsOf('heavier-email');
    expect(after.size).toBe(before.size);
    for (const [name, shop] of after) {
      const email = shop.findings.find((f) => f.rule === 'email-present');
      if (shop.score.score === null) {
        expect(before.get(name)!.score.score).toBeNull();
        continue;
      }
      expect(email?.weight).toBe(10);
      expect(shop.score.score).toBe(expectedScore(shop.findings));
      const old = weightsScore(before.get(name)!.findings);
      const now = weightsScore(shop.findings);
      if (email?.outcome === 'fail' && old > 0) expect(now, name).toBeLessThan(old);
      if (email?.outcome === 'pass' && old < 100) expect(now, name).toBeGreaterThan(old);
    }
    // The evidence is the stored one, not a new crawl.
    expect(after.get('Belwinkel')!.evidence).toEqual(before.get('Belwinkel')!.evidence);
  });

  it('is a real test: the same guard does catch a command that uses the network', async () => {
    const log = join(dir, 'network-control.log');
    await runCli(['check', 'http://127.0.0.1:9/', '--allow-private-hosts', '--mode', 'static', '--json'], {
      env: noNetworkEnv(log),
    });
    expect(readFileSync(log, 'utf8')).toMatch(/connect|lookup/);
  });
});

describe('overrides', () => {
  it('change the score, and show with their reason in the shop page and the CSV and JSON exports', async () => {
    const reason = 'The shop proved its e-mail address was on the page during the audit week (ticket 4711).';
    const overrides = join(dir, 'overrides.yaml');
    const before = shopsOf('demo');
    const belwinkel = before.get('Belwinkel')!;
    writeFileSync(
      overrides,
      `- shop: ${belwinkel.key}\n  rule: email-present\n  outcome: pass\n  reason: "${reason}"\n  by: test\n  at: 2026-11-23\n`,
    );
    const result = await runCli([
      'rescore',
      '--db',
      db,
      '--run',
      'demo',
      '--overrides',
      overrides,
      '--label',
      'with-override',
    ]);
    expect(result.code).toBe(0);

    const after = shopsOf('with-override').get('Belwinkel')!;
    const finding = after.findings.find((f) => f.rule === 'email-present')!;
    expect(finding.outcome).toBe('pass');
    expect(finding.override).toMatchObject({ outcome: 'pass', computed: 'fail', reason });
    expect(after.score.score).not.toBe(belwinkel.score.score);
    expect(after.score.score).toBe(expectedScore(after.findings));

    const out = join(dir, 'override-report');
    expect((await runCli(['report', '--db', db, '--run', 'with-override', '--out', out])).code).toBe(0);
    const page = readdirSync(join(out, 'shops'))
      .map((file) => readFileSync(join(out, 'shops', file), 'utf8'))
      .find((html) => html.includes('Belwinkel'))!;
    expect(page).toContain('ticket 4711');

    const csv = await runCli(['export', '--db', db, '--run', 'with-override', '--format', 'csv']);
    const row = csv.stdout.split('\r\n').find((line) => line.includes('Belwinkel'))!;
    expect(row).toContain('email-present=pass (The shop proved its e-mail address');
    const json = await runCli(['export', '--db', db, '--run', 'with-override', '--format', 'json']);
    const shop = JSON.parse(json.stdout).find(
      (r: { target: { name: string } }) => r.target.name === 'Belwinkel',
    );
    expect(shop.findings.find((f: { rule: string }) => f.rule === 'email-present').override.reason).toBe(
      reason,
    );
  });

  it('takes its click counts from the rules: a changed contact-sighting changes the CSV clicks', async () => {
    const rules = join(dir, 'rules-stricter-readable');
    cpSync(RULES_DIR, rules, { recursive: true });
    const selections = join(rules, 'selections.yaml');
    const original = readFileSync(selections, 'utf8');
    const clause = '    thirdParty: { exists: false }\n';
    expect(original).toContain(`    phoneType: { notIn: [invalid] }\n${clause}`);
    // A stricter contact-sighting: nothing counts as readable on a page at fewer than 99 clicks.
    writeFileSync(selections, original.replace(clause, `${clause}    pageDepth: { atLeast: 99 }\n`));
    const rescored = await runCli([
      'rescore',
      '--db',
      db,
      '--run',
      'demo',
      '--rules',
      rules,
      '--label',
      'stricter',
    ]);
    expect(rescored.code).toBe(0);

    const clicks = async (run: string) => {
      const csv = await runCli(['export', '--db', db, '--run', run, '--format', 'csv']);
      const rows = parseCsv(csv.stdout, { columns: true, bom: true }) as Array<Record<string, string>>;
      return rows.map((row) => [row.phone_clicks, row.email_clicks].join('/'));
    };
    const before = await clicks('demo');
    const after = await clicks('stricter');
    expect(
      before.some((pair) => /\d/.test(pair)),
      'the demo has shops with readable contacts',
    ).toBe(true);
    expect(after).toEqual(before.map(() => '/'));
    // The verdicts moved with the figures: no shop passes the headline without a readable contact.
    expect([...shopsOf('stricter').values()].map((shop) => shop.score.verdict.outcome)).not.toContain('pass');
  });

  it('refuses an override without a reason, naming the file', async () => {
    const overrides = join(dir, 'bad-overrides.yaml');
    writeFileSync(overrides, '- shop: http://127.0.0.1:1\n  rule: email-present\n  outcome: pass\n');
    const result = await runCli(['rescore', '--db', db, '--run', 'demo', '--overrides', overrides]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(overrides);
    expect(result.stderr).toMatch(/reason/);
  });

  it('refuses a misspelt rule id and a shop not in the run, naming the line and the closest ids or URLs', async () => {
    const belwinkel = shopsOf('demo').get('Belwinkel')!;
    const typo = join(dir, 'typo.yaml');
    writeFileSync(
      typo,
      `- shop: ${belwinkel.key}\n  rule: email-present\n  outcome: pass\n  reason: fine\n` +
        `- shop: ${belwinkel.key}\n  rule: email-presnt\n  outcome: pass\n  reason: typo in the rule\n`,
    );
    const stranger = join(dir, 'stranger.yaml');
    writeFileSync(
      stranger,
      `- shop: ${belwinkel.key}-typo\n  rule: email-present\n  outcome: pass\n  reason: not in the run\n`,
    );
    const runsBefore = (await runCli(['runs', '--db', db])).stdout;
    const typoRun = await runCli([
      'rescore',
      '--db',
      db,
      '--run',
      'demo',
      '--overrides',
      typo,
      '--label',
      'typo',
    ]);
    expect(typoRun.code).toBe(1);
    expect(typoRun.stderr).toContain(`${typo}:5: override 2 (shop ${belwinkel.key}, rule email-presnt)`);
    expect(typoRun.stderr).toMatch(/no rule "email-presnt" .*closest: email-present/);
    const strangerRun = await runCli(['rescore', '--db', db, '--run', 'demo', '--overrides', stranger]);
    expect(strangerRun.code).toBe(1);
    expect(strangerRun.stderr).toContain(`${stranger}:1: override 1`);
    expect(strangerRun.stderr).toContain(`the shop is not in run 1 "demo"; closest: ${belwinkel.key}`);
    // Nothing was judged: no new run.
    expect((await runCli(['runs', '--db', db])).stdout).toBe(runsBefore);

    const list = join(dir, 'list.txt');
    writeFileSync(list, 'http://127.0.0.1:9/\n');
    const audit = await runCli(['audit', list, '--db', join(dir, 'audit.sqlite'), '--overrides', typo]);
    expect(audit.code).toBe(1);
    expect(audit.stderr).toContain(`${typo}:5: override 2`);
    expect(audit.stderr).toContain(`the shop is not in the shop list ${list}; closest: http://127.0.0.1:9`);
  });

  it("carries an earlier run's decisions into a new run, each marked as carried", async () => {
    const decided = join(dir, 'decided.yaml');
    const belwinkel = shopsOf('demo').get('Belwinkel')!;
    writeFileSync(
      decided,
      `- shop: ${belwinkel.key}\n  rule: email-present\n  outcome: pass\n  reason: confirmed by phone\n  by: reviewer\n`,
    );
    expect(
      (await runCli(['rescore', '--db', db, '--run', 'demo', '--overrides', decided, '--label', 'decided']))
        .code,
    ).toBe(0);
    const next = await runCli([
      'rescore',
      '--db',
      db,
      '--run',
      'demo',
      '--carry-overrides',
      'decided',
      '--label',
      'next-year',
    ]);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/Carried 1 of 1 override from run \d+ "decided"/);
    const finding = shopsOf('next-year')
      .get('Belwinkel')!
      .findings.find((f) => f.rule === 'email-present')!;
    expect(finding.override).toMatchObject({ outcome: 'pass', reason: 'confirmed by phone', by: 'reviewer' });
    expect(finding.override?.carriedFrom?.runLabel).toBe('decided');
    const csv = await runCli(['export', '--db', db, '--run', 'next-year', '--format', 'csv']);
    expect(csv.stdout).toMatch(
      /email-present=pass \(confirmed by phone\) \[carried from run \d+ ""decided""\]/,
    );
  });

  it("takes the report's review.csv, filled in by a reviewer, back as an overrides file", async () => {
    const out = join(dir, 'review-report');
    expect((await runCli(['report', '--db', db, '--run', 'demo', '--out', out])).code).toBe(0);
    const lines = readFileSync(join(out, 'review.csv'), 'utf8').split('\r\n');
    const header = lines[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['shop', 'rule', 'outcome', 'reason']));
    expect(lines.length).toBeGreaterThan(3);
    // The reviewer decides the first item (the cells before "outcome" hold no line break) and leaves the rest.
    const [first] = lines[1].split(',');
    const rule = lines[1].split(',')[header.indexOf('rule')];
    lines[1] = lines[1].replace(/,,,,$/, ',pass,"Checked on the live site, 2026-12-05",reviewer,2026-12-05');
    const decided = join(dir, 'review-decided.csv');
    writeFileSync(decided, lines.join('\r\n'));
    const rescored = await runCli([
      'rescore',
      '--db',
      db,
      '--run',
      'demo',
      '--overrides',
      decided,
      '--label',
      'reviewed',
    ]);
    expect(rescored.code, rescored.stderr).toBe(0);
    const shop = [...shopsOf('reviewed').values()].find((s) => s.key === first)!;
    expect(shop.findings.find((f) => f.rule === rule)).toMatchObject({
      outcome: 'pass',
      override: { computed: 'needs-review', reason: 'Checked on the live site, 2026-12-05', by: 'reviewer' },
    });
    const decisions = [...shopsOf('reviewed').values()].flatMap((s) => s.findings.filter((f) => f.override));
    expect(decisions, 'the undecided rows stay undecided').toHaveLength(1);
  });
});
