import type { Job } from 'bullmq';
import type { ObserveOptions } from '../audit/index.js';
import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import { failedShopEvidence } from './failed-evidence.js';
import type { ShopJobData } from './shop-job.js';

export type FinishedState = 'completed' | 'failed';

export function isFinishedState(state: string): state is FinishedState {
  return state === 'completed' || state === 'failed';
}

function isEvidence(value: unknown): value is ShopEvidence {
  const v = value as ShopEvidence | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.schemaVersion !== 'undefined' &&
    typeof v.crawl?.status === 'string'
  );
}

/** The evidence a finished job stands for: its result, or a failed crawl saying why there is none. */
export function evidenceOfFinishedJob(
  job: Job<ShopJobData, ShopEvidence>,
  state: FinishedState,
  target: ShopTarget,
  observe: ObserveOptions,
): ShopEvidence {
  if (state === 'completed' && isEvidence(job.returnvalue)) return job.returnvalue;
  const reason =
    state === 'failed' ? job.failedReason || 'unknown failure' : 'the worker returned no evidence';
  return failedShopEvidence(target, observe, reason);
}

export async function inBatches<T>(
  items: T[],
  size: number,
  work: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}
