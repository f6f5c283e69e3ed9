import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleShops } from '../../src/demo/sample-shops.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from './run-cli.js';

const MODES = ['static', 'browser', 'auto'] as const;

describe.each(MODES)('shopreach demo in %s mode', (mode) => {
  it('stores every sample shop with the outcome it was designed to get, and writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), `shopreach-demo-${mode}-`));
    const db = join(dir, 'demo.sqlite');
    const out = join(dir, 'report');
    const result = await runCli(['demo', '--mode', mode, '--db', db, '--out', out], { timeoutMs: 180_000 });
    expect(result.stderr).not.toMatch(/shopreach: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(join(out, 'index.html'));
    expect(existsSync(join(out, 'index.html'))).toBe(true);

    const store = openStore(db);
    try {
      const run = store.latestRun();
      expect(run?.finishedAt).toBeTruthy();
      const shops = store.shops(run!.id);
      const designs = sampleShops();
      expect(shops).toHaveLength(designs.length);
      for (const design of designs) {
        const stored = shops.find((shop) => shop.target.name === design.name);
        expect(stored, design.slug).toBeDefined();
        const expected = design.expected[mode];
        if (expected === 'not-rated') {
          expect(stored!.score.score, design.slug).toBeNull();
          expect(stored!.status, design.slug).toBe('unreachable');
          continue;
        }
        expect([design.slug, stored!.status]).toEqual([design.slug, 'ok']);
        expect([design.slug, 'headline', stored!.score.verdict.outcome]).toEqual([
          design.slug,
          'headline',
          expected.headline,
        ]);
        const outcomes = Object.fromEntries(stored!.findings.map((f) => [f.rule, f.outcome]));
        for (const [rule, outcome] of Object.entries(expected.rules)) {
          expect([design.slug, rule, outcomes[rule]]).toEqual([design.slug, rule, outcome]);
        }
        expect(typeof stored!.score.score, design.slug).toBe('number');
        // Link positions are recorded, so where the contact link sits is decided, not left to a person.
        expect([design.slug, outcomes['contact-link-in-global-chrome']]).not.toEqual([
          design.slug,
          'needs-review',
        ]);
        if (expected.gradeAtBest) {
          expect([design.slug, stored!.score.grade! >= expected.gradeAtBest]).toEqual([design.slug, true]);
        }
      }
      const exemplaryPage = readdirSync(join(out, 'shops'))
        .map((file) => readFileSync(join(out, 'shops', file), 'utf8'))
        .find((page) => page.includes('<h1>Voorbeeldwinkel</h1>'));
      expect(exemplaryPage).toContain('Trader identity');
      expect(exemplaryPage).toContain('Keizersgracht 100');
      expect(exemplaryPage).toContain('NL123456789B01');
      expect(exemplaryPage).toMatch(/\d+ of the \d+ pages the budget allowed were fetched\./);
      if (mode === 'auto') {
        const scripted = shops.find((shop) => shop.target.name === 'Scriptwinkel')!;
        expect(scripted.evidence.crawl.modesUsed).toEqual(['static', 'browser']);
        const exemplary = shops.find((shop) => shop.target.name === 'Voorbeeldwinkel')!;
        expect(exemplary.evidence.crawl.modesUsed).toEqual(['static']);
      }
    } finally {
      store.close();
    }
  }, 240_000);
});
