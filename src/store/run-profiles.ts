import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { RunProfile } from './types.js';

/**
 * One hash for the rules a run used: sha256 over "profile:hash" of each profile its shops were
 * judged with, sorted, so the run's hash changes whenever any of them does (a changed weight in
 * nl changes the hash of an NL/DE/BE run, not only that of the shops judged with nl).
 */
export function combinedRulesHash(profiles: Array<Pick<RunProfile, 'id' | 'hash'>>): string {
  const lines = profiles.map((p) => `${p.id}:${p.hash}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}

interface ProfileRow {
  ruleset_id: string;
  ruleset_version: string | null;
  ruleset_hash: string | null;
  country: string | null;
  shops: number;
}

/**
 * The profiles a run's shops were judged with, each with the markets it served and how many shops.
 * A run without stored shops yet lists its default rule set, with no markets.
 */
export function runProfiles(
  db: Database.Database,
  runId: number,
  fallback: Omit<RunProfile, 'markets' | 'shops'>,
): RunProfile[] {
  const rows = db
    .prepare(
      `SELECT s.ruleset_id, r.ruleset_version, r.ruleset_hash, s.country, COUNT(*) AS shops
       FROM shops s LEFT JOIN run_rulesets r ON r.run_id = s.run_id AND r.ruleset_id = s.ruleset_id
       WHERE s.run_id = ?
       GROUP BY s.ruleset_id, s.country
       ORDER BY s.ruleset_id, s.country`,
    )
    .all(runId) as ProfileRow[];
  if (rows.length === 0) return [{ ...fallback, markets: [], shops: 0 }];
  const byId = new Map<string, RunProfile>();
  for (const row of rows) {
    let profile = byId.get(row.ruleset_id);
    if (!profile) {
      profile = {
        id: row.ruleset_id,
        version: row.ruleset_version ?? fallback.version,
        hash: row.ruleset_hash ?? fallback.hash,
        markets: [],
        shops: 0,
      };
      byId.set(row.ruleset_id, profile);
    }
    if (row.country && !profile.markets.includes(row.country)) profile.markets.push(row.country);
    profile.shops += row.shops;
  }
  return [...byId.values()].sort((a, b) => b.shops - a.shops || a.id.localeCompare(b.id));
}
