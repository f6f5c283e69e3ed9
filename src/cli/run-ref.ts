import type { RunRecord, Store } from '../store/types.js';
import { UserError } from './user-error.js';

/** Finds a run by number or label; `undefined` means the latest run. */
export function resolveRun(store: Store, ref: string | number | undefined): RunRecord {
  if (ref === undefined || ref === '') {
    const latest = store.latestRun();
    if (!latest) throw UserError.say('error.noRuns', { db: store.path });
    return latest;
  }
  const text = String(ref);
  const run = /^\d+$/.test(text) ? store.getRun(Number(text)) : store.findRunByLabel(text);
  if (!run) throw UserError.say('error.noSuchRun', { run: text, db: store.path });
  return run;
}
