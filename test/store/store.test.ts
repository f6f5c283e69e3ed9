import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import type { Store } from '../../src/store/types.js';
import { makeOutcome, makeRun, RULE_SET, sampleShops } from '../report/fixtures.js';

let dir: string;
let open: Store[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-store-'));
  open = [];
});
afterEach(() => {
  for (const s of open) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function storeAt(file = join(dir, 'db.sqlite')): Store {
  const s = openStore(file);
  open.push(s);
  return s;
}

describe('openStore', () => {
  it('round-trips a run and a shop unchanged', () => {
    const store = storeAt();
    const runId = store.createRun(makeRun('twinkle-2026'));
    const [outcome] = sampleShops();
    store.saveShop(runId, outcome);

    const run = store.getRun(runId);
    expect(run).toMatchObject({
      id: runId,
      label: 'twinkle-2026',
      kind: 'audit',
      parentRunId: null,
      ruleSetId: 'test-nl',
      ruleSetVersion: '2026.1',
      ruleSetHash: RULE_SET.hash,
      toolVersion: '0.1.0-test',
      browserVersion: 'Chromium 140-test',
      finishedAt: null,
      shopsPlanned: 1,
      shopsDone: 1,
    });
    expect(run?.ruleSet).toEqual(RULE_SET);
    expect(run?.options).toEqual({ mode: 'static', maxPages: 12, maxDepth: 3 });

    const shop = store.shop(runId, outcome.target.key);
    expect(shop).not.toBeNull();
    expect(shop?.target).toEqual(outcome.target);
    expect(shop?.evidence).toEqual(outcome.evidence);
    expect(shop?.findings).toEqual(outcome.findings);
    expect(shop?.score).toEqual(outcome.score);
    expect(shop?.ruleSetId).toBe('test-nl');
    expect(shop?.status).toBe('ok');
    expect(shop?.runId).toBe(runId);
    expect(Number.isNaN(Date.parse(shop?.finishedAt ?? ''))).toBe(false);

    store.finishRun(runId, '2026-03-01T11:00:00.000Z');
    expect(store.getRun(runId)?.finishedAt).toBe('2026-03-01T11:00:00.000Z');
  });

  it('keeps null scores of unrated shops as null, never zero', () => {
    const store = storeAt();
    const runId = store.createRun(makeRun());
    const down = sampleShops()[3];
    store.saveShop(runId, down);
    const shop = store.shop(runId, down.target.key);
    expect(shop?.score.score).toBeNull();
    expect(shop?.score.grade).toBeNull();
    expect(shop?.status).toBe('unreachable');
  });

  it('replaces the outcome of the same key instead of duplicating it, children included', () => {
    const file = join(dir, 'db.sqlite');
    const store = storeAt(file);
    const runId = store.createRun(makeRun());
    const key = 'https://again.example';
    store.saveShop(runId, makeOutcome({ key, outcomes: { 'phone-present': 'fail' }, score: 0, grade: 'F' }));
    store.saveShop(
      runId,
      makeOutcome({ key, outcomes: { 'phone-present': 'pass' }, score: 100, grade: 'A' }),
    );

    const shops = store.shops(runId);
    expect(shops).toHaveLength(1);
    expect(shops[0].score.score).toBe(100);
    expect(shops[0].findings.map((f) => f.outcome)).toEqual(['pass']);

    const raw = new Database(file, { readonly: true });
    try {
      const count = (table: string) =>
        (raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('shops')).toBe(1);
      expect(count('pages')).toBe(2);
      expect(count('sightings')).toBe(2);
      expect(count('widgets')).toBe(1);
      expect(count('findings')).toBe(1);
    } finally {
      raw.close();
    }
  });

  it('lists the planned shops that have no outcome yet, in plan order', () => {
    const store = storeAt();
    const runId = store.createRun(makeRun());
    const targets = sampleShops().map((s) => s.target);
    store.planShops(runId, targets);
    store.planShops(runId, [targets[1], targets[0]]); // idempotent: no re-ordering, no duplicates
    expect(store.pendingShops(runId).map((t) => t.key)).toEqual(targets.map((t) => t.key));

    const outcomes = sampleShops();
    store.saveShop(runId, outcomes[0]);
    store.saveShop(runId, outcomes[2]);
    expect(store.pendingShops(runId).map((t) => t.key)).toEqual([targets[1].key, targets[3].key]);
    expect(store.getRun(runId)).toMatchObject({ shopsPlanned: 4, shopsDone: 2 });
    // shops() follows the plan order, not the save order
    store.saveShop(runId, outcomes[1]);
    expect(store.shops(runId).map((s) => s.key)).toEqual([targets[0].key, targets[1].key, targets[2].key]);
  });

  it('creates the schema on a fresh file and reopens it without migrating again', () => {
    const file = join(dir, 'fresh.sqlite');
    const first = openStore(file);
    const runId = first.createRun(makeRun('one'));
    first.saveShop(runId, sampleShops()[0]);
    first.close();

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const again = storeAt(file);
    expect(again.listRuns().map((r) => r.label)).toEqual(['one']);
    expect(again.shops(runId)).toHaveLength(1);
  });

  it('refuses a database written by a newer schema', () => {
    const file = join(dir, 'future.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(/newer than this shopreach/);
  });

  it('lets a second connection see committed shops only', () => {
    const file = join(dir, 'crash.sqlite');
    const writer = storeAt(file);
    const runId = writer.createRun(makeRun());
    const [a, b] = sampleShops();
    writer.saveShop(runId, a);

    // A shop whose write fails part-way (an evidence value the page insert rejects) leaves nothing behind.
    const broken = makeOutcome({ key: 'https://broken.example' });
    (broken.evidence.pages[0] as { url: unknown }).url = null;
    expect(() => writer.saveShop(runId, broken)).toThrow();

    const reader = storeAt(file);
    expect(reader.shops(runId).map((s) => s.key)).toEqual([a.target.key]);
    writer.saveShop(runId, b);
    expect(reader.shops(runId).map((s) => s.key)).toEqual([a.target.key, b.target.key]);
  });

  it('works in memory, finds runs by label and the latest run, and keeps rule sets per run', () => {
    const store = storeAt(':memory:');
    const first = store.createRun(makeRun('2025'));
    const second = store.createRun({ ...makeRun('2026'), kind: 'rescore', parentRunId: first });
    expect(store.findRunByLabel('2025')?.id).toBe(first);
    expect(store.findRunByLabel('nope')).toBeNull();
    expect(store.latestRun()?.id).toBe(second);
    expect(store.getRun(second)?.parentRunId).toBe(first);
    expect(store.getRun(999)).toBeNull();

    const de: typeof RULE_SET = { ...RULE_SET, id: 'test-de', hash: 'c'.repeat(64) };
    store.addRuleSet(second, de);
    store.addRuleSet(second, de);
    expect(store.ruleSets(second).map((r) => r.id)).toEqual(['test-nl', 'test-de']);
    expect(store.ruleSets(first).map((r) => r.id)).toEqual(['test-nl']);
    expect(() => store.saveShop(999, sampleShops()[0])).toThrow(/no run with id 999/);
  });

  it('lists the profiles a run judged its shops with, per market, and one hash that changes with any of them', () => {
    const store = storeAt(':memory:');
    const de: typeof RULE_SET = { ...RULE_SET, id: 'test-de', hash: 'c'.repeat(64) };
    const judged = (key: string, country: string, ruleSetId: string) => {
      const outcome = makeOutcome({ key });
      return { ...outcome, target: { ...outcome.target, country }, ruleSetId };
    };
    const runWith = (label: string, deSet: typeof RULE_SET) => {
      const runId = store.createRun(makeRun(label));
      expect(store.getRun(runId)?.profiles).toEqual([
        { id: 'test-nl', version: '2026.1', hash: RULE_SET.hash, markets: [], shops: 0 },
      ]);
      store.addRuleSet(runId, deSet);
      store.saveShop(runId, judged('https://a.example', 'NL', 'test-nl'));
      store.saveShop(runId, judged('https://b.example', 'DE', 'test-de'));
      store.saveShop(runId, judged('https://c.example', 'AT', 'test-de'));
      return store.getRun(runId)!;
    };
    const run = runWith('2026', de);
    expect(run.profiles).toEqual([
      { id: 'test-de', version: '2026.1', hash: 'c'.repeat(64), markets: ['AT', 'DE'], shops: 2 },
      { id: 'test-nl', version: '2026.1', hash: RULE_SET.hash, markets: ['NL'], shops: 1 },
    ]);
    expect(run.rulesHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.rulesHash).not.toBe(run.ruleSetHash);
    const changed = runWith('2026-changed', { ...de, hash: 'd'.repeat(64) });
    expect(changed.ruleSetHash).toBe(run.ruleSetHash);
    expect(changed.rulesHash).not.toBe(run.rulesHash);
    expect(store.listRuns().map((r) => r.rulesHash)).toEqual([run.rulesHash, changed.rulesHash]);
  });
});
