/**
 * Generates the HTML report and the CSV export for 1,000 stored fixture shops and prints the time.
 * Target: under 30 s. Run with `npx tsx bench/report-speed.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportRun, writeReport } from '../src/report/index.js';
import { openStore } from '../src/store/index.js';
import { makeOutcome, makeRun } from '../test/report/fixtures.js';

const SHOPS = 1000;
const dir = mkdtempSync(join(tmpdir(), 'shopreach-bench-'));
try {
  const store = openStore(join(dir, 'bench.sqlite'));
  const runId = store.createRun(makeRun('bench'));
  const outcomes = ['pass', 'fail', 'needs-review'] as const;
  let started = performance.now();
  for (let i = 0; i < SHOPS; i++) {
    const pick = (n: number) => outcomes[(i * n) % outcomes.length];
    const down = i % 17 === 0;
    store.saveShop(
      runId,
      makeOutcome({
        key: `https://shop-${i}.example`,
        name: `Shop ${i}`,
        group: `group-${i % 7}`,
        status: down ? 'timeout' : 'ok',
        outcomes: down
          ? {}
          : {
              'phone-present': pick(1),
              'email-present': pick(2),
              'contact-within-two-clicks': pick(5),
              'phone-not-premium-rate': pick(7),
            },
        score: down ? null : (i * 37) % 101,
        grade: down ? null : 'C',
        verdict: down ? 'not-assessable' : pick(3),
      }),
    );
  }
  const saveMs = performance.now() - started;

  started = performance.now();
  const { files } = writeReport(store, runId, { outDir: join(dir, 'report') });
  const reportMs = performance.now() - started;

  started = performance.now();
  const csv = exportRun(store, runId, 'csv');
  const csvMs = performance.now() - started;
  store.close();

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(
    `saved ${SHOPS} shops in ${s(saveMs)}\n` +
      `report: ${files.length} files in ${s(reportMs)} (target < 30 s)\n` +
      `csv: ${csv.split('\r\n').length - 2} rows in ${s(csvMs)}\n`,
  );
  if (reportMs > 30_000) process.exitCode = 2;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
