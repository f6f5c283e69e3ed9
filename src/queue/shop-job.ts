import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { ObserveOptions } from '../audit/index.js';
import type { ShopTarget } from '../input/types.js';
import type { RunRecord } from '../store/types.js';

export const SHOP_JOB_NAME = 'observe-shop';

/** What a worker needs to gather one shop's evidence; the result is the ShopEvidence. */
export interface ShopJobData {
  /** Identifies the run across databases: see runToken(). */
  run: string;
  target: ShopTarget;
  observe: ObserveOptions;
}

/**
 * A run id is only unique within one SQLite file, and several coordinators may share a Redis
 * server; the token mixes in the label and start time, which a resume reads back unchanged.
 */
export function runToken(run: Pick<RunRecord, 'id' | 'label' | 'startedAt'>): string {
  const digest = createHash('sha256')
    .update(`${run.id}\n${run.label}\n${run.startedAt}`)
    .digest('hex')
    .slice(0, 12);
  return `run${run.id}-${digest}`;
}

/** One job id per run and shop, so enqueueing a shop twice is a no-op while its job exists. */
export function shopJobId(token: string, key: string): string {
  return `${token}-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

export interface RetryPolicy {
  /** Tries per shop before it is stored as an error. */
  attempts: number;
  /** First backoff in ms; doubles on each retry. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, backoffMs: 5_000 };

export function shopJobOptions(jobId: string, policy: RetryPolicy): JobsOptions {
  return {
    jobId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs },
    // The coordinator removes a job once its result is stored; until then the result must survive
    // a coordinator restart. The age limit only cleans up after runs that were abandoned.
    removeOnComplete: { age: 30 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}
