import type Database from 'better-sqlite3';
import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import type { Finding } from '../rules/types.js';
import { HEADLINE_RULE_ID, type ShopScore } from '../score/types.js';
import type { ShopOutcome, StoredShop } from './types.js';

export interface ShopRow {
  id: number;
  run_id: number;
  key: string;
  status: string;
  score: number | null;
  grade: string | null;
  verdict_outcome: string;
  phone_clicks: number | null;
  email_clicks: number | null;
  target_json: string;
  evidence_json: string;
  findings_json: string;
  ruleset_id: string;
  finished_at: string;
}

export function shopFromRow(row: ShopRow): StoredShop {
  const evidence = JSON.parse(row.evidence_json) as ShopEvidence;
  const score: ShopScore = {
    score: row.score,
    grade: row.grade as ShopScore['grade'],
    verdict: {
      rule: HEADLINE_RULE_ID,
      outcome: row.verdict_outcome as ShopScore['verdict']['outcome'],
      phoneClicks: row.phone_clicks,
      emailClicks: row.email_clicks,
    },
  };
  return {
    runId: row.run_id,
    key: row.key,
    status: row.status as StoredShop['status'],
    finishedAt: row.finished_at,
    target: JSON.parse(row.target_json) as ShopTarget,
    evidence,
    findings: JSON.parse(row.findings_json) as Finding[],
    score,
    ruleSetId: row.ruleset_id,
  };
}

type Page = ShopEvidence['pages'][number];
type Sighting = ShopEvidence['sightings'][number];

/** The `shops` row of one outcome, as named parameters. */
function shopParams(runId: number, outcome: ShopOutcome, finishedAt: string): Record<string, unknown> {
  const { target, evidence, findings, score } = outcome;
  return {
    runId,
    key: target.key,
    url: target.url,
    name: target.name ?? evidence.target.name ?? null,
    country: target.country ?? evidence.target.country ?? null,
    group: target.group ?? evidence.target.group ?? null,
    status: evidence.crawl.status,
    score: score.score,
    grade: score.grade,
    verdict: score.verdict.outcome,
    phoneClicks: score.verdict.phoneClicks,
    emailClicks: score.verdict.emailClicks,
    targetJson: JSON.stringify(target),
    evidenceJson: JSON.stringify(evidence),
    findingsJson: JSON.stringify(findings),
    ruleSetId: outcome.ruleSetId,
    finishedAt,
  };
}

function pageValues(p: Page): unknown[] {
  return [
    p.id,
    p.url,
    p.finalUrl,
    p.httpStatus,
    p.kind,
    p.depth,
    p.linked ? 1 : 0,
    p.via?.text ?? null,
    p.via?.fromUrl ?? null,
    p.fetchedWith,
    p.contentHash,
    p.screenshotPath ?? null,
  ];
}

function sightingValues(s: Sighting): unknown[] {
  return [
    s.id,
    s.pageId,
    s.kind,
    s.value,
    s.raw,
    s.region,
    s.presentation,
    String(s.visible),
    s.phoneType ?? null,
    s.label ?? null,
    s.afterInteraction,
  ];
}

function findingValues(f: Finding): unknown[] {
  return [
    f.rule,
    f.outcome,
    f.override ? f.override.computed : null,
    f.weight,
    f.level,
    f.reason ?? f.override?.reason ?? null,
  ];
}

function prepareShopStatements(db: Database.Database) {
  return {
    deleteShop: db.prepare('DELETE FROM shops WHERE run_id = ? AND key = ?'),
    insertShop: db.prepare(`
    INSERT INTO shops (run_id, key, url, name, country, shop_group, status, score, grade, verdict_outcome,
      phone_clicks, email_clicks, target_json, evidence_json, findings_json, ruleset_id, finished_at)
    VALUES (@runId, @key, @url, @name, @country, @group, @status, @score, @grade, @verdict,
      @phoneClicks, @emailClicks, @targetJson, @evidenceJson, @findingsJson, @ruleSetId, @finishedAt)`),
    insertPage: db.prepare(`
    INSERT INTO pages (shop_id, page_id, url, final_url, http_status, kind, depth, linked, via_text, via_from,
      fetched_with, content_hash, screenshot_path)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSighting: db.prepare(`
    INSERT INTO sightings (shop_id, sighting_id, page_id, kind, value, raw, region, presentation, visible,
      phone_type, label, after_interaction)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertWidget: db.prepare(
      'INSERT INTO widgets (shop_id, widget_id, page_id, kind, vendor, detail) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertFinding: db.prepare(`
    INSERT INTO findings (shop_id, rule, outcome, computed_outcome, weight, level, reason)
    VALUES (?, ?, ?, ?, ?, ?, ?)`),
  };
}

/**
 * Prepared statements that write one shop: the summary row plus its pages, sightings, widgets and
 * findings. Deleting the earlier row cascades to its children, so a re-save replaces, never duplicates.
 */
export function shopWriter(
  db: Database.Database,
): (runId: number, outcome: ShopOutcome, finishedAt: string) => void {
  const sql = prepareShopStatements(db);
  return db.transaction((runId: number, outcome: ShopOutcome, finishedAt: string) => {
    const { target, evidence, findings } = outcome;
    sql.deleteShop.run(runId, target.key);
    const shopId = Number(sql.insertShop.run(shopParams(runId, outcome, finishedAt)).lastInsertRowid);
    for (const p of evidence.pages) sql.insertPage.run(shopId, ...pageValues(p));
    for (const s of evidence.sightings) sql.insertSighting.run(shopId, ...sightingValues(s));
    for (const w of evidence.widgets)
      sql.insertWidget.run(shopId, w.id, w.pageId, w.kind, w.vendor ?? null, w.detail ?? null);
    for (const f of findings) sql.insertFinding.run(shopId, ...findingValues(f));
  });
}
