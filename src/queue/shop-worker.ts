import { type Job, Worker } from 'bullmq';
import { observeShop } from '../audit/index.js';
import { type CrawlEnvironment, createCrawlEnvironment } from '../crawl/index.js';
import type { ShopEvidence } from '../evidence/types.js';
import { DEFAULT_LOCK_DURATION_MS } from './defaults.js';
import type { QueueAddress } from './queue-address.js';
import type { ShopJobData } from './shop-job.js';

export { DEFAULT_LOCK_DURATION_MS };
/** A shop whose worker died this many times is failed (stored as `error`): it may be what kills them. */
export const MAX_STALLED_COUNT = 2;

export interface ShopWorkerOptions {
  address: QueueAddress;
  concurrency: number;
  lockDurationMs?: number;
  /** Defaults to a fresh environment owned (and closed) by the worker. */
  env?: CrawlEnvironment;
  onJobStart?: (job: Job<ShopJobData>) => void;
  onJobDone?: (job: Job<ShopJobData>, evidence: ShopEvidence) => void;
  onJobError?: (job: Job<ShopJobData> | undefined, error: Error) => void;
}

export interface ShopWorker {
  readonly worker: Worker<ShopJobData, ShopEvidence>;
  /** Stops taking jobs, waits for the jobs in flight, then closes the browser. */
  close(): Promise<void>;
}

/** Takes shop jobs from the queue and answers each with the shop's evidence; judging is the coordinator's. */
export function startShopWorker(options: ShopWorkerOptions): ShopWorker {
  const env = options.env ?? createCrawlEnvironment();
  const lockDuration = options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS;
  const worker = new Worker<ShopJobData, ShopEvidence>(
    options.address.queueName,
    async (job) => {
      options.onJobStart?.(job);
      const evidence = await observeShop(job.data.target, job.data.observe, env);
      options.onJobDone?.(job, evidence);
      return evidence;
    },
    {
      connection: options.address.connection,
      concurrency: Math.max(1, options.concurrency),
      lockDuration,
      stalledInterval: Math.max(1_000, Math.floor(lockDuration / 2)),
      maxStalledCount: MAX_STALLED_COUNT,
      autorun: true,
    },
  );
  worker.on('failed', (job, error) => options.onJobError?.(job, error));
  worker.on('error', (error) => options.onJobError?.(undefined, error));
  return {
    worker,
    async close() {
      await worker.close();
      if (!options.env) await env.close();
    },
  };
}
