import type { AuditRunSummary, ObserveOptions, RuleSetProvider } from '../audit/index.js';
import type { ShopTarget } from '../input/types.js';
import type { Override } from '../rules/index.js';
import type { ShopOutcome, Store } from '../store/types.js';
import type { QueueAddress } from './queue-address.js';
import { RunCoordinator } from './run-coordinator.js';
import { type RetryPolicy, runToken, shopJobId } from './shop-job.js';

export interface DistributedAuditOptions {
  address: QueueAddress;
  store: Store;
  runId: number;
  /** The shops still to store (a resume passes the pending ones). */
  targets: ShopTarget[];
  observe: ObserveOptions;
  ruleSets: RuleSetProvider;
  overrides?: Override[];
  /** The targets were stored before (--retry-failed): a finished job left over for one of them is stale and runs again. */
  rerun?: boolean;
  retry?: RetryPolicy;
  /** How often finished jobs are looked up in case an event was missed. */
  sweepIntervalMs?: number;
  /** How often outstanding jobs are enqueued again, in case Redis lost them (a no-op for jobs that exist). */
  reconcileIntervalMs?: number;
  signal?: AbortSignal;
  onShopStart?: (target: ShopTarget) => void;
  onShopDone?: (outcome: ShopOutcome) => void;
}

/**
 * The coordinator of a distributed run: enqueues one job per shop, and judges and stores each
 * shop's evidence as its job finishes. Workers only gather. A job's result stays in Redis until
 * it is stored here, so a coordinator that restarts (audit --resume … --queue …) picks up results
 * that finished while it was away.
 */
export async function runDistributedAudit(options: DistributedAuditOptions): Promise<AuditRunSummary> {
  const run = options.store.getRun(options.runId);
  if (!run) throw new Error(`Run ${options.runId} does not exist.`);
  const token = runToken(run);
  const targetByJob = new Map(options.targets.map((target) => [shopJobId(token, target.key), target]));
  if (targetByJob.size === 0) return { audited: 0, notRated: 0 };
  const coordinator = new RunCoordinator(options, token, targetByJob);
  try {
    return await coordinator.run();
  } finally {
    await coordinator.close();
  }
}
