import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ObserveOptions, RuleSetProvider, runAudit } from '../../src/audit/index.js';
import { createCrawlEnvironment, DEFAULT_CRAWL_OPTIONS } from '../../src/crawl/index.js';
import { normaliseShopUrl } from '../../src/input/index.js';
import type { ShopTarget } from '../../src/input/types.js';
import { parseQueueAddress, runDistributedAudit, startShopWorker } from '../../src/queue/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { SHIPPED_READABLE } from '../shipped-readable.js';
import { type FixtureShops, startFixtureShops } from './fixture-shops.js';
import { digestsByKey } from './outcome-digest.js';
import { queueUrl, startTestRedis, type TestRedis } from './test-redis.js';

const OBSERVE: ObserveOptions = {
  mode: 'static',
  crawl: { ...DEFAULT_CRAWL_OPTIONS, allowPrivateHosts: true, hostDelayMs: 0, maxPages: 5 },
  readable: SHIPPED_READABLE,
};

let redis: TestRedis;
let shops: FixtureShops;
const dir = mkdtempSync(join(tmpdir(), 'shopreach-queue-'));

beforeAll(async () => {
  redis = await startTestRedis();
  shops = await startFixtureShops(8, 20);
});
afterAll(async () => {
  await shops?.close();
  await redis?.stop();
});

function toTarget(url: string): ShopTarget {
  const normalised = normaliseShopUrl(url);
  if (!normalised.ok) throw new Error(normalised.message);
  return { key: normalised.key, url: normalised.url };
}

function newRun(file: string, label: string) {
  const store = openStore(join(dir, file));
  const ruleSets = new RuleSetProvider();
  const runId = store.createRun({
    label,
    kind: 'audit',
    ruleSet: ruleSets.get('eu'),
    options: {},
    toolVersion: 'test',
    startedAt: new Date().toISOString(),
  });
  const targets = shops.urls.map(toTarget);
  store.planShops(runId, targets);
  return { store, ruleSets, runId, targets };
}

function storedDigests(store: Store, runId: number) {
  return digestsByKey(store.shops(runId));
}

describe('distributed audit (in process, real Redis)', () => {
  it('stores the same outcomes as a single-machine run', async () => {
    const single = newRun('single.sqlite', 'single');
    const env = createCrawlEnvironment();
    await runAudit({ ...single, concurrency: 4, observe: OBSERVE, env });
    await env.close();

    const address = parseQueueAddress(queueUrl(redis.url, 'same'));
    const worker = startShopWorker({ address, concurrency: 4 });
    const distributed = newRun('distributed.sqlite', 'distributed');
    try {
      const summary = await runDistributedAudit({ ...distributed, address, observe: OBSERVE });
      expect(summary.audited).toBe(8);
      expect(summary.notRated).toBe(2);
    } finally {
      await worker.close();
    }
    const expected = storedDigests(single.store, single.runId);
    expect(Object.keys(expected)).toHaveLength(8);
    expect(storedDigests(distributed.store, distributed.runId)).toEqual(expected);
    expect(distributed.store.pendingShops(distributed.runId)).toEqual([]);
    // The results are taken out of Redis once stored.
    const queue = new Queue(address.queueName, { connection: address.connection });
    expect(await queue.getJobCounts('completed', 'failed', 'wait', 'active')).toEqual({
      completed: 0,
      failed: 0,
      wait: 0,
      active: 0,
    });
    await queue.close();
    single.store.close();
    distributed.store.close();
  });

  it('returns at once when stopped before its jobs were enqueued', async () => {
    const address = parseQueueAddress(queueUrl(redis.url, 'stopped-early'));
    const run = newRun('stopped-early.sqlite', 'stopped-early');
    const result = await runDistributedAudit({
      ...run,
      address,
      observe: OBSERVE,
      signal: AbortSignal.abort(),
    });
    expect(result.audited).toBe(0);
    run.store.close();
  }, 30_000);

  it('collects results that finished while the coordinator was away, without crawling again', async () => {
    const address = parseQueueAddress(queueUrl(redis.url, 'restart'));
    const run = newRun('restart.sqlite', 'restart');
    // A coordinator that enqueues and is stopped, once its eight jobs wait, before any worker runs.
    const stop = new AbortController();
    const queued = new QueueEvents(address.queueName, { connection: address.connection });
    await queued.waitUntilReady();
    let waiting = 0;
    queued.on('waiting', () => {
      waiting += 1;
      if (waiting === 8) stop.abort();
    });
    const first = await runDistributedAudit({ ...run, address, observe: OBSERVE, signal: stop.signal });
    await queued.close();
    expect(waiting).toBe(8);
    expect(first.audited).toBe(0);

    let started = 0;
    const worker = startShopWorker({ address, concurrency: 4, onJobStart: () => (started += 1) });
    // The worker says when each job has been moved to completed, its result kept in the queue.
    const allCompleted = new Promise<void>((resolve) => {
      let completed = 0;
      worker.worker.on('completed', () => {
        completed += 1;
        if (completed === 8) resolve();
      });
    });
    const queue = new Queue(address.queueName, { connection: address.connection });
    await allCompleted;
    expect((await queue.getJobCounts('completed')).completed).toBe(8);
    await worker.close();
    expect(started).toBe(8);
    const afterWorkers = [...shops.hits];

    const resumed = await runDistributedAudit({
      ...run,
      targets: run.store.pendingShops(run.runId),
      address,
      observe: OBSERVE,
    });
    expect(resumed.audited).toBe(8);
    expect(run.store.shops(run.runId)).toHaveLength(8);
    // One job per shop ran (started is 8), and collecting the results fetched nothing more.
    expect(shops.hits).toEqual(afterWorkers);
    expect((await queue.getJobCounts('completed')).completed).toBe(0);
    await queue.close();
    run.store.close();
  });

  it('stores a shop whose job fails for good as an error with the reason', async () => {
    const address = parseQueueAddress(queueUrl(redis.url, 'failing'));
    const run = newRun('failing.sqlite', 'failing');
    const attempts: string[] = [];
    const worker = new Worker(
      address.queueName,
      async (job) => {
        attempts.push(String(job.id));
        throw new Error('the worker ran out of memory');
      },
      { connection: address.connection, concurrency: 8 },
    );
    try {
      const summary = await runDistributedAudit({
        ...run,
        targets: run.targets.slice(0, 2),
        address,
        observe: OBSERVE,
        retry: { attempts: 2, backoffMs: 50 },
      });
      expect(summary).toEqual({ audited: 2, notRated: 2 });
    } finally {
      await worker.close();
    }
    expect(attempts).toHaveLength(4);
    const stored = run.store.shops(run.runId);
    expect(stored.map((s) => s.status)).toEqual(['error', 'error']);
    for (const shop of stored) {
      expect(shop.score.score).toBeNull();
      expect(shop.evidence.crawl.errors[0].message).toContain('the worker ran out of memory');
      expect(shop.evidence.crawl.errors[0].code).toBe('JOB_FAILED');
    }
    run.store.close();
  });
});
