import type Database from 'better-sqlite3';

export interface Migration {
  /** The `PRAGMA user_version` the database has after this migration. */
  version: number;
  description: string;
  sql: string;
}

/** Numbered in order; a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, rule sets, planned shops, shop outcomes and their normalised evidence',
    sql: `
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        label TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('audit', 'rescore', 'check')),
        parent_run_id INTEGER REFERENCES runs(id),
        ruleset_id TEXT NOT NULL,
        ruleset_version TEXT NOT NULL,
        ruleset_hash TEXT NOT NULL,
        ruleset_json TEXT NOT NULL,
        options_json TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        browser_version TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX runs_label ON runs(label);

      CREATE TABLE run_rulesets (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        ruleset_id TEXT NOT NULL,
        ruleset_version TEXT NOT NULL,
        ruleset_hash TEXT NOT NULL,
        ruleset_json TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (run_id, ruleset_id)
      );

      CREATE TABLE planned_shops (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        position INTEGER NOT NULL,
        target_json TEXT NOT NULL,
        PRIMARY KEY (run_id, key)
      );

      CREATE TABLE shops (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        url TEXT NOT NULL,
        name TEXT,
        country TEXT,
        shop_group TEXT,
        status TEXT NOT NULL,
        score REAL,
        grade TEXT,
        verdict_outcome TEXT NOT NULL,
        phone_clicks INTEGER,
        email_clicks INTEGER,
        target_json TEXT NOT NULL,
        evidence_json TEXT NOT NULL,
        findings_json TEXT NOT NULL,
        ruleset_id TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        UNIQUE (run_id, key)
      );

      CREATE TABLE pages (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        page_id TEXT NOT NULL,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        http_status INTEGER,
        kind TEXT NOT NULL,
        depth INTEGER,
        linked INTEGER NOT NULL,
        via_text TEXT,
        via_from TEXT,
        fetched_with TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        screenshot_path TEXT,
        PRIMARY KEY (shop_id, page_id)
      );

      CREATE TABLE sightings (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        sighting_id TEXT NOT NULL,
        page_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        raw TEXT NOT NULL,
        region TEXT NOT NULL,
        presentation TEXT NOT NULL,
        visible TEXT NOT NULL,
        phone_type TEXT,
        label TEXT,
        after_interaction TEXT,
        PRIMARY KEY (shop_id, sighting_id)
      );
      CREATE INDEX sightings_value ON sightings(kind, value);

      CREATE TABLE widgets (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        widget_id TEXT NOT NULL,
        page_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        vendor TEXT,
        detail TEXT,
        PRIMARY KEY (shop_id, widget_id)
      );

      CREATE TABLE findings (
        shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        outcome TEXT NOT NULL,
        -- set when a per-shop override replaced the computed outcome
        computed_outcome TEXT,
        weight REAL NOT NULL,
        level TEXT NOT NULL,
        reason TEXT
      );
      CREATE INDEX findings_shop ON findings(shop_id);
      CREATE INDEX findings_rule ON findings(rule, outcome);
    `,
  },
  {
    version: 2,
    description: 'planned shops by position, so a long run takes its pending shops page by page',
    sql: 'CREATE INDEX planned_shops_position ON planned_shops(run_id, position);',
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings the database to the latest schema, one migration per transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `The database has schema version ${current}, newer than this shopreach understands (${LATEST_SCHEMA_VERSION}); upgrade shopreach.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    // Immediate, and the version read again inside: two processes opening a new database at once
    // (an audit and a `runs` beside it) migrate it once, the second waiting for the first.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/**
 * Whether a database can be read without migrating it (read-only commands never write): it must
 * be a shopreach database, and not newer than this shopreach. Older schemas read fine, as every
 * migration so far only adds.
 */
export function checkReadableSchema(db: Database.Database, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `The database has schema version ${current}, newer than this shopreach understands (${LATEST_SCHEMA_VERSION}); upgrade shopreach.`,
    );
  }
  if (current < 1) throw new Error(`${path} is not a shopreach database.`);
}
