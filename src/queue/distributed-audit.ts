import { Job, Queue, QueueEvents } from 'bullmq';
import {
  type AuditRunSummary,
  countStored,
  createJudgeAndStore,
  type ObserveOptions,
  type RuleSetProvider,
} from '../audit/index.js';
import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import type { Override } from '../rules/index.js';
import type { ShopOutcome, Store } from '../store/types.js';
import { failedShopEvidence } from './failed-evidence.js';
import type { QueueAddress } from './queue-address.js';
import {
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  runToken,
  SHOP_JOB_NAME,
  type ShopJobData,
  shopJobId,
  shopJobOptions,
} from './shop-job.js';

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

const BATCH = 500;
const COLLECT_PARALLEL = 32;

function isEvidence(value: unknown): value is ShopEvidence {
  const v = value as ShopEvidence | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.schemaVersion !== 'undefined' &&
    typeof v.crawl?.status === 'string'
  );
}

async function inBatches<T>(items: T[], size: number, work: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

/**
 * The coordinator of a distributed run: enqueues one job per shop, and judges and stores each
 * shop's evidence as its job finishes. Workers only gather. A job's result stays in Redis until
 * it is stored here, so a coordinator that restarts (audit --resume … --queue …) picks up results
 * that finished while it was away.
 */
// Over 80 lines: the coordinator's listeners, timers and collect step share the run's outstanding jobs and its settle callbacks in one closure; to be split with its complexity (issue 18).
export async function runDistributedAudit(options: DistributedAuditOptions): Promise<AuditRunSummary> {
  const run = options.store.getRun(options.runId);
  if (!run) throw new Error(`Run ${options.runId} does not exist.`);
  const token = runToken(run);
  const targetByJob = new Map(options.targets.map((target) => [shopJobId(token, target.key), target]));
  const targetOf = (jobId: string) => {
    const target = targetByJob.get(jobId);
    if (!target) throw new Error(`job ${jobId} is not one of this run's shops`);
    return target;
  };
  const outstanding = new Set(targetByJob.keys());
  const summary: AuditRunSummary = { audited: 0, notRated: 0 };
  if (outstanding.size === 0) return summary;

  const { connection, queueName } = options.address;
  const queue = new Queue<ShopJobData, ShopEvidence>(queueName, { connection });
  const events = new QueueEvents(queueName, { connection });
  const judgeAndStore = createJudgeAndStore(options);
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const timers: NodeJS.Timeout[] = [];
  let fatal: ((error: unknown) => void) | null = null;
  let finished: (() => void) | null = null;

  const enqueue = (jobIds: string[]) =>
    inBatches(jobIds, BATCH, (batch) =>
      queue.addBulk(
        batch.map((jobId) => ({
          name: SHOP_JOB_NAME,
          data: { run: token, target: targetOf(jobId), observe: options.observe },
          opts: shopJobOptions(jobId, policy),
        })),
      ),
    );

  const collecting = new Set<string>();
  const recheck = new Set<string>();
  /** Stores the job's result when it has one; anything else (waiting, active, gone) is left for later. */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complexity 28 predates the limit; split once the parallel work on this folder is merged (issue 18)
  const collect = async (jobId: string): Promise<void> => {
    if (!outstanding.has(jobId)) return;
    if (collecting.has(jobId)) return void recheck.add(jobId);
    collecting.add(jobId);
    try {
      const job = await Job.fromId<ShopJobData, ShopEvidence>(queue, jobId);
      if (!job || !outstanding.has(jobId)) return;
      const state = await job.getState();
      if (state !== 'completed' && state !== 'failed') return;
      const target = targetOf(jobId);
      const evidence =
        state === 'completed' && isEvidence(job.returnvalue)
          ? job.returnvalue
          : failedShopEvidence(
              target,
              options.observe,
              state === 'failed' ? job.failedReason || 'unknown failure' : 'the worker returned no evidence',
            );
      if (options.signal?.aborted) return;
      const outcome = judgeAndStore(target, evidence, options.signal);
      if (!outcome) return;
      outstanding.delete(jobId);
      countStored(summary, outcome);
      options.onShopDone?.(outcome);
      await job.remove().catch(() => {});
    } catch (error) {
      fatal?.(error);
    } finally {
      collecting.delete(jobId);
      if (recheck.delete(jobId)) void collect(jobId);
      if (outstanding.size === 0) finished?.();
    }
  };

  const sweep = async () => {
    const finishedIds = await queue.getRanges(['completed', 'failed'], 0, -1);
    const ours = finishedIds.filter((id) => outstanding.has(id));
    await inBatches(ours, COLLECT_PARALLEL, (batch) => Promise.all(batch.map(collect)));
  };

  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    // Listen before enqueueing and sweeping, so no completion falls between the two.
    events.on('active', ({ jobId }) => {
      const target = outstanding.has(jobId) ? targetByJob.get(jobId) : undefined;
      if (target) options.onShopStart?.(target);
    });
    events.on('completed', ({ jobId }) => void collect(jobId));
    events.on('failed', ({ jobId }) => void collect(jobId));

    if (options.rerun) {
      await inBatches([...outstanding], COLLECT_PARALLEL, (batch) =>
        Promise.all(
          batch.map(async (jobId) => {
            const job = await Job.fromId(queue, jobId);
            const state = job ? await job.getState() : null;
            if (job && (state === 'completed' || state === 'failed')) await job.remove().catch(() => {});
          }),
        ),
      );
    }
    await enqueue([...outstanding]);

    await new Promise<void>((resolve, reject) => {
      fatal = reject;
      finished = resolve;
      const onAbort = () => resolve();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const safely = (work: () => Promise<unknown>) => () => void work().catch(reject);
      timers.push(setInterval(safely(sweep), options.sweepIntervalMs ?? 10_000));
      timers.push(
        setInterval(
          safely(() => enqueue([...outstanding])),
          options.reconcileIntervalMs ?? 60_000,
        ),
      );
      // A signal that fired while the jobs were being enqueued fires no event any more.
      if (outstanding.size === 0 || options.signal?.aborted) resolve();
      void sweep().catch(reject);
    });
    return summary;
  } finally {
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([events.close(), queue.close()]);
  }
}
