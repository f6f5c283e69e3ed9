import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { EvidenceSighting } from '../../src/evidence/types.js';
import { writeReport } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { measured } from '../processor-time.js';
import { makeOutcome, makeRun } from './fixtures.js';

// A shop of thousands of distinct numbers made a report page run past 300 s. A shop page shows a
// bounded number of rows and says how many more there are, in the JSON.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('shows at most 50 contacts on a shop page, says how many more are in the JSON, and is quick', () => {
  const store = openStore(':memory:');
  const runId = store.createRun(makeRun('many-numbers'));
  const outcome = makeOutcome({ key: 'https://many.example', name: 'Many Numbers' });
  const template = outcome.evidence.sightings[0];
  const sightings: EvidenceSighting[] = Array.from({ length: 2_000 }, (_, i) => ({
    ...template,
    id: `s${i + 1}`,
    value: `+3120${String(i).padStart(7, '0')}`,
    raw: `020 ${String(i).padStart(7, '0')}`,
  }));
  const ids = sightings.map((s) => s.id);
  outcome.evidence.sightings = sightings;
  outcome.evidence.limits = [{ limit: 'sightings-per-shop', max: 2000, found: 9000, kept: 2000 }];
  outcome.findings = outcome.findings.map((f) => ({ ...f, sightingIds: ids }));
  store.saveShop(runId, outcome);
  const out = mkdtempSync(join(tmpdir(), 'shopreach-rows-'));
  dirs.push(out);
  const { cpuMs } = measured(() => writeReport(store, runId, { lang: 'en', outDir: out }));
  store.close();
  const file = readdirSync(join(out, 'shops'))[0];
  const html = readFileSync(join(out, 'shops', file), 'utf8');
  const shown = new Set([...html.matchAll(/\+3120\d{7}/g)].map((m) => m[0]));
  expect(shown.size).toBeLessThanOrEqual(50);
  expect(html).toContain('and 1,950 more, in the JSON');
  expect(html).toMatch(/sightings per shop: 9,000 found, 2,000 kept/);
  expect(html.length).toBeLessThan(2_000_000);
  expect(cpuMs).toBeLessThan(5_000);
});
