import type { RunRecord, Store } from '../store/types.js';
import { toCsv } from './csv.js';
import { type ShopResult, toShopResult } from './shop-result.js';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

export function requireRun(store: Store, runId: number): RunRecord {
  const run = store.getRun(runId);
  if (!run) throw new Error(`There is no run with id ${runId} in ${store.path}.`);
  return run;
}

export function runResults(store: Store, run: RunRecord): ShopResult[] {
  const ruleSets = store.ruleSets(run.id);
  return store.shops(run.id).map((shop) => toShopResult(shop, run, ruleSets));
}

/** All shops of a run as CSV (one row per shop), a JSON array, or one JSON document per line. */
export function exportRun(store: Store, runId: number, format: ExportFormat): string {
  const run = requireRun(store, runId);
  const results = runResults(store, run);
  switch (format) {
    case 'csv':
      return toCsv(
        results,
        run.ruleSet.rules.map((r) => r.id),
      );
    case 'json':
      return `${JSON.stringify(results, null, 2)}\n`;
    case 'ndjson':
      return results.map((r) => `${JSON.stringify(r)}\n`).join('');
    default:
      throw new Error(`Unknown export format "${String(format)}"; use csv, json or ndjson.`);
  }
}
