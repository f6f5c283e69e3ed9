import type { RuleSet } from '../rules/types.js';
import type { RunKind, RunRecord } from './types.js';

/** A `runs` row joined with its shop counts. */
export interface RunRow {
  id: number;
  label: string;
  kind: string;
  parent_run_id: number | null;
  ruleset_id: string;
  ruleset_version: string;
  ruleset_hash: string;
  ruleset_json: string;
  options_json: string;
  tool_version: string;
  browser_version: string | null;
  started_at: string;
  finished_at: string | null;
  shops_planned: number;
  shops_done: number;
}

/** Selects runs with the counts RunRecord needs; a shop saved without a plan still counts as planned. */
export const RUN_SELECT = `
  SELECT r.*,
    (SELECT COUNT(*) FROM (
       SELECT key FROM planned_shops WHERE run_id = r.id
       UNION SELECT key FROM shops WHERE run_id = r.id)) AS shops_planned,
    (SELECT COUNT(*) FROM shops WHERE run_id = r.id) AS shops_done
  FROM runs r`;

/** The run as stored; `profiles` and `rulesHash` are filled in from its shops by the store. */
export function runFromRow(row: RunRow): Omit<RunRecord, 'profiles' | 'rulesHash'> {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind as RunKind,
    parentRunId: row.parent_run_id,
    ruleSetId: row.ruleset_id,
    ruleSetVersion: row.ruleset_version,
    ruleSetHash: row.ruleset_hash,
    ruleSet: JSON.parse(row.ruleset_json) as RuleSet,
    options: JSON.parse(row.options_json) as Record<string, unknown>,
    toolVersion: row.tool_version,
    browserVersion: row.browser_version,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    shopsPlanned: row.shops_planned,
    shopsDone: row.shops_done,
  };
}
