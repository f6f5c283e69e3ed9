import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRun, writeReport } from '../../src/report/index.js';
import { evaluateRules, loadOverrides, textIn } from '../../src/rules/index.js';
import type { RuleSet } from '../../src/rules/types.js';
import { HEADLINE_RULE_ID } from '../../src/score/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { PROFILE, SHOPS, storeMarketRun } from './market-run.js';

let dir: string;
let store: Store;
let runId: number;
let sets: Map<string, RuleSet>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-publication-'));
  store = openStore(':memory:');
  ({ runId, sets } = storeMarketRun(store));
  writeReport(store, runId, { lang: 'en', outDir: join(dir, 'r') });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = (name: string) => readFileSync(join(dir, 'r', name), 'utf8');

/** The cells of the index ranking's row of a shop, as text. */
function rowOf(name: string): string[] {
  const row = read('index.html')
    .split('<tr>')
    .find((r) => r.includes(`>${name}</a></th>`));
  expect(row, name).toBeDefined();
  return [...(row as string).matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((m) =>
    m[1].replace(/<[^>]+>/g, '').trim(),
  );
}

describe('the publication package', () => {
  it("gives the ranking a yes/no column per part of the headline, each its rule's finding", () => {
    const head = read('index.html').split('<thead>')[1].split('</thead>')[0];
    const labels = [...head.matchAll(/<th scope="col"[^>]*>(?:<a [^>]*>)?([^<]+)/g)].map((m) => m[1]);
    expect(labels.slice(-6)).toEqual([
      'Phone',
      'E-mail',
      'Within 2 clicks',
      'Not only in terms',
      'No chat gate',
      'No premium rate',
    ]);
    expect(rowOf('Goed').slice(-6)).toEqual(['✓ yes', '✓ yes', '✓ yes', '✓ yes', '✓ yes', '✓ yes']);
    // The 0900 shop: everything findable, but the law caps it and the headline fails.
    const premium = rowOf('Duurbellen');
    expect(premium.slice(-6)).toEqual(['✓ yes', '✓ yes', '✓ yes', '✓ yes', '✓ yes', '✗ no']);
    expect(premium[5]).toBe('C†');
    expect(premium[6]).toBe('fail');
    expect(rowOf('Voorwaarden').slice(-3, -2)).toEqual(['✗ no']);
    expect(rowOf('British').slice(-6, -5)).toEqual(['✗ no']);
  });

  it('writes the run as CSV and JSON beside the report and links them, with the review worklist', () => {
    const index = read('index.html');
    for (const file of ['results.csv', 'results.json', 'review.html'])
      expect(index).toContain(`href="${file}"`);
    expect(read('results.csv')).toBe(exportRun(store, runId, 'csv'));
    expect(JSON.parse(read('results.json'))).toHaveLength(SHOPS.length);
    const review = read('review.html');
    expect(review).toContain('rescore --run nl-de-2026 --overrides review.csv');
    expect(review).toContain('contact-link-in-global-chrome');
  });

  it('lists every needs-review finding in review.csv, which, filled in, is an overrides file', () => {
    const rows = parseCsv(read('review.csv'), { columns: true }) as Array<Record<string, string>>;
    const pending = store
      .shops(runId)
      .flatMap((shop) =>
        shop.findings.filter((f) => f.outcome === 'needs-review').map((f) => `${shop.key} ${f.rule}`),
      );
    expect(rows.map((r) => `${r.shop} ${r.rule}`).sort()).toEqual(pending.sort());
    expect(rows.every((r) => r.outcome === '' && r.reason === '' && r.computed === 'needs-review')).toBe(
      true,
    );

    // The reviewer decides the first item and leaves the rest.
    const decided = read('review.csv').split('\r\n');
    const cells = parseCsv(decided[1])[0] as string[];
    const header = decided[0].split(',');
    cells[header.indexOf('outcome')] = 'pass';
    cells[header.indexOf('reason')] = 'The link sits in the footer, checked by hand, 2026-03-02';
    decided[1] = cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const file = join(dir, 'decided.csv');
    writeFileSync(file, decided.join('\r\n'));
    const overrides = loadOverrides(file);
    expect(overrides).toEqual([
      {
        shop: rows[0].shop,
        rule: rows[0].rule,
        outcome: 'pass',
        reason: 'The link sits in the footer, checked by hand, 2026-03-02',
        line: 2,
      },
    ]);
    const shop = store.shop(runId, rows[0].shop)!;
    const ruleSet = sets.get(PROFILE[shop.target.country ?? 'NL'])!;
    const judged = evaluateRules(ruleSet, shop.evidence, overrides).find((f) => f.rule === rows[0].rule);
    expect(judged).toMatchObject({ outcome: 'pass', override: { computed: 'needs-review' } });
  });

  it('writes one short methodology: one rules table with per-market differences, the cap, no paths', () => {
    const page = read('methodology.html');
    expect(page.match(/<tr id="rule-phone-present">/g)).toHaveLength(1);
    const row = (id: string) => page.split(`<tr id="rule-${id}">`)[1].split('</tr>')[0];
    expect(row('contact-within-two-clicks')).toContain('de: law');
    expect(row('phone-present')).toContain('uk: good practice, weight 3');
    const version = readFileSync(new URL('../../rules/VERSION', import.meta.url), 'utf8').trim();
    expect(page).toMatch(new RegExp(`nl ${version.replace(/\./g, '\\.')}[^ ]* [0-9a-f]{8} \\(NL\\)`));
    expect(page).toContain('scores at most 74');
    expect(page).not.toContain('/home/someone');
    expect(page).not.toContain(dir);
  });

  it("states the headline verdict in its rule file's words", () => {
    const page = read('methodology.html').replace(/\s+/g, ' ');
    const headline = [...sets.values()][0].rules.find((rule) => rule.id === HEADLINE_RULE_ID);
    expect(headline).toBeDefined();
    const words = textIn(headline?.description, 'en').replace(/\s+/g, ' ').split(': ')[1];
    expect(words.length).toBeGreaterThan(40);
    expect(page).toContain(words.replace(/'/g, '&#39;').slice(0, 80));
  });
});
