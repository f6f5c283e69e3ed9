import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ShopTarget } from '../input/types.js';
import type { RuleSet } from '../rules/types.js';
import { checkReadableSchema, migrate } from './migrations.js';
import { combinedRulesHash, runProfiles } from './run-profiles.js';
import { RUN_SELECT, type RunRow, runFromRow } from './run-rows.js';
import { type ShopRow, shopFromRow, shopWriter } from './shop-rows.js';
import type { NewRun, RunRecord, ShopOutcome, Store, StoredShop } from './types.js';

export { combinedRulesHash } from './run-profiles.js';
export type { NewRun, RunProfile, RunRecord, ShopOutcome, Store, StoredShop } from './types.js';

const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating and migrating when needed) a shopreach database; `':memory:'` gives a private one. */
export function openStore(path: string, options: { readOnly?: boolean } = {}): Store {
  if (options.readOnly) return openReadOnly(path);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return new SqliteStore(db, path);
}

/**
 * Opens a database for the commands that only read (runs, report, export): nothing is created,
 * migrated or written, so a database on read-only media, or one the user may only read, serves
 * them. A WAL database whose folder cannot take SQLite's shared-memory file is read from a private
 * copy, when it has no unmerged log beside it (then the file holds everything).
 */
function openReadOnly(path: string): Store {
  const readable = (db: Database.Database) => {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    checkReadableSchema(db, path);
    return db;
  };
  let db: Database.Database | null = null;
  try {
    db = readable(new Database(path, { readonly: true, fileMustExist: true }));
    return new SqliteStore(db, path);
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code) || existsSync(`${path}-wal`)) throw error;
  }
  const copy = privateCopy(path);
  try {
    return new SqliteStore(
      readable(new Database(copy.file, { readonly: true, fileMustExist: true })),
      path,
      copy.remove,
    );
  } catch (error) {
    copy.remove();
    throw error;
  }
}

/** The database file copied to a private folder, marked as a rollback-journal file so no log is needed. */
function privateCopy(path: string): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-readonly-'));
  const file = join(dir, 'copy.sqlite');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    copyFileSync(path, file);
    chmodSync(file, 0o600);
    // Bytes 18 and 19 of the header say WAL (2); 1 is the rollback journal, which needs no -shm file.
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { file, remove };
}

class SqliteStore implements Store {
  private readonly writeShop: ReturnType<typeof shopWriter>;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    /** Run after closing (a read-only store's private copy is removed). */
    private readonly onClose: () => void = () => {},
  ) {
    this.writeShop = shopWriter(db);
  }

  createRun(run: NewRun): number {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO runs (label, kind, parent_run_id, ruleset_id, ruleset_version, ruleset_hash, ruleset_json,
               options_json, tool_version, browser_version, started_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            run.label,
            run.kind,
            run.parentRunId ?? null,
            run.ruleSet.id,
            run.ruleSet.version,
            run.ruleSet.hash,
            JSON.stringify(run.ruleSet),
            JSON.stringify(run.options),
            run.toolVersion,
            run.browserVersion ?? null,
            run.startedAt,
          ).lastInsertRowid,
      );
      this.insertRuleSet(id, run.ruleSet);
      return id;
    })();
  }

  planShops(runId: number, targets: ShopTarget[]): void {
    this.requireRun(runId);
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO planned_shops (run_id, key, position, target_json) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT COALESCE(MAX(position), 0) AS last FROM planned_shops WHERE run_id = ?')
        .get(runId) as { last: number };
      let position = row.last;
      for (const target of targets) {
        if (insert.run(runId, target.key, position + 1, JSON.stringify(target)).changes > 0) position++;
      }
    })();
  }

  planBatch(runId: number, targets: ShopTarget[]): Array<number | null> {
    if (targets.length === 0) return [];
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO planned_shops (run_id, key, position, target_json) VALUES (?, ?, ?, ?)',
    );
    const earlier = this.db.prepare('SELECT target_json FROM planned_shops WHERE run_id = ? AND key = ?');
    return this.db.transaction(() => {
      let position = this.lastPosition(runId);
      return targets.map((target) => {
        if (insert.run(runId, target.key, position + 1, JSON.stringify(target)).changes > 0) {
          position++;
          return null;
        }
        const found = earlier.get(runId, target.key) as { target_json: string } | undefined;
        return found ? ((JSON.parse(found.target_json) as ShopTarget).line ?? 0) : 0;
      });
    })();
  }

  private lastPosition(runId: number): number {
    const row = this.db
      .prepare('SELECT COALESCE(MAX(position), 0) AS last FROM planned_shops WHERE run_id = ?')
      .get(runId) as { last: number };
    return row.last;
  }

  pendingShopsAfter(
    runId: number,
    afterPosition: number,
    limit: number,
  ): Array<{ position: number; target: ShopTarget }> {
    const rows = this.db
      .prepare(
        `SELECT p.position, p.target_json FROM planned_shops p
         WHERE p.run_id = ? AND p.position > ?
           AND NOT EXISTS (SELECT 1 FROM shops s WHERE s.run_id = p.run_id AND s.key = p.key)
         ORDER BY p.position LIMIT ?`,
      )
      .all(runId, afterPosition, limit) as { position: number; target_json: string }[];
    return rows.map((r) => ({ position: r.position, target: JSON.parse(r.target_json) as ShopTarget }));
  }

  plannedCount(runId: number): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM planned_shops WHERE run_id = ?').get(runId) as { n: number }
    ).n;
  }

  markListPlanned(runId: number): void {
    this.requireRun(runId);
    this.db
      .prepare(
        `UPDATE runs SET options_json = json_set(options_json, '$.listPlanned', json('true')) WHERE id = ?`,
      )
      .run(runId);
  }

  unjudgedTargets(runId: number, judgeable: readonly string[]): ShopTarget[] {
    const rows = this.db
      .prepare(
        `SELECT target_json FROM shops WHERE run_id = ? AND status NOT IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .all(runId, JSON.stringify(judgeable)) as { target_json: string }[];
    return rows.map((r) => JSON.parse(r.target_json) as ShopTarget);
  }

  pendingShops(runId: number): ShopTarget[] {
    const rows = this.db
      .prepare(
        `SELECT p.target_json FROM planned_shops p
         WHERE p.run_id = ? AND NOT EXISTS (SELECT 1 FROM shops s WHERE s.run_id = p.run_id AND s.key = p.key)
         ORDER BY p.position`,
      )
      .all(runId) as { target_json: string }[];
    return rows.map((r) => JSON.parse(r.target_json) as ShopTarget);
  }

  saveShop(runId: number, outcome: ShopOutcome): void {
    this.requireRun(runId);
    this.writeShop(runId, outcome, new Date().toISOString());
  }

  finishRun(runId: number, finishedAt: string): void {
    this.requireRun(runId);
    this.db.prepare('UPDATE runs SET finished_at = ? WHERE id = ?').run(finishedAt, runId);
  }

  addRuleSet(runId: number, ruleSet: RuleSet): void {
    this.requireRun(runId);
    this.insertRuleSet(runId, ruleSet);
  }

  ruleSets(runId: number): RuleSet[] {
    const rows = this.db
      .prepare('SELECT ruleset_json FROM run_rulesets WHERE run_id = ? ORDER BY position')
      .all(runId) as { ruleset_json: string }[];
    return rows.map((r) => JSON.parse(r.ruleset_json) as RuleSet);
  }

  getRun(runId: number): RunRecord | null {
    const row = this.db.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(runId) as RunRow | undefined;
    return row ? this.record(row) : null;
  }

  /** Labels need not be unique; the latest run with the label wins. */
  findRunByLabel(label: string): RunRecord | null {
    const row = this.db.prepare(`${RUN_SELECT} WHERE r.label = ? ORDER BY r.id DESC LIMIT 1`).get(label) as
      | RunRow
      | undefined;
    return row ? this.record(row) : null;
  }

  latestRun(): RunRecord | null {
    const row = this.db.prepare(`${RUN_SELECT} ORDER BY r.id DESC LIMIT 1`).get() as RunRow | undefined;
    return row ? this.record(row) : null;
  }

  listRuns(): RunRecord[] {
    const rows = this.db.prepare(`${RUN_SELECT} ORDER BY r.id`).all() as RunRow[];
    return rows.map((row) => this.record(row));
  }

  /** In plan order; shops saved without a plan come last, in the order they were saved. */
  shops(runId: number): StoredShop[] {
    const rows = this.db
      .prepare(
        `SELECT s.* FROM shops s
         LEFT JOIN planned_shops p ON p.run_id = s.run_id AND p.key = s.key
         WHERE s.run_id = ?
         ORDER BY p.position IS NULL, p.position, s.id`,
      )
      .all(runId) as ShopRow[];
    return rows.map(shopFromRow);
  }

  shop(runId: number, key: string): StoredShop | null {
    const row = this.db.prepare('SELECT * FROM shops WHERE run_id = ? AND key = ?').get(runId, key) as
      | ShopRow
      | undefined;
    return row ? shopFromRow(row) : null;
  }

  close(): void {
    this.db.close();
    this.onClose();
  }

  /** A run with the profiles its shops were judged with, and their combined hash. */
  private record(row: RunRow): RunRecord {
    const run = runFromRow(row);
    const profiles = runProfiles(this.db, run.id, {
      id: run.ruleSetId,
      version: run.ruleSetVersion,
      hash: run.ruleSetHash,
    });
    return { ...run, profiles, rulesHash: combinedRulesHash(profiles) };
  }

  private insertRuleSet(runId: number, ruleSet: RuleSet): void {
    this.db
      .prepare(
        `INSERT INTO run_rulesets (run_id, ruleset_id, ruleset_version, ruleset_hash, ruleset_json, position)
         VALUES (?, ?, ?, ?, ?, (SELECT COUNT(*) FROM run_rulesets WHERE run_id = ?))
         ON CONFLICT (run_id, ruleset_id) DO UPDATE SET
           ruleset_version = excluded.ruleset_version,
           ruleset_hash = excluded.ruleset_hash,
           ruleset_json = excluded.ruleset_json`,
      )
      .run(runId, ruleSet.id, ruleSet.version, ruleSet.hash, JSON.stringify(ruleSet), runId);
  }

  private requireRun(runId: number): void {
    const found = this.db.prepare('SELECT 1 FROM runs WHERE id = ?').get(runId);
    if (!found) throw new Error(`There is no run with id ${runId} in ${this.path}.`);
  }
}
