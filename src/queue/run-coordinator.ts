import { Job, Queue, QueueEvents } from 'bullmq';
import { type AuditRunSummary, countStored, createJudgeAndStore } from '../audit/index.js';
import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import type { DistributedAuditOptions } from './distributed-audit.js';
import { evidenceOfFinishedJob, inBatches, isFinishedState } from './finished-job.js';
import { DEFAULT_RETRY_POLICY, SHOP_JOB_NAME, type ShopJobData, shopJobOptions } from './shop-job.js';

const BATCH = 500;
const COLLECT_PARALLEL = 32;

/**
 * One distributed run's coordinator state: the run's outstanding jobs, the queue they live in,
 * and the callbacks that settle the run. Listeners, timers and the collect step all work on it.
 */
export class RunCoordinator {
  readonly summary: AuditRunSummary = { audited: 0, notRated: 0 };
  private readonly outstanding: Set<string>;
  private readonly queue: Queue<ShopJobData, ShopEvidence>;
  private readonly events: QueueEvents;
  private readonly judgeAndStore: ReturnType<typeof createJudgeAndStore>;
  private readonly collecting = new Set<string>();
  private readonly recheck = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private fatal: ((error: unknown) => void) | null = null;
  private finished: (() => void) | null = null;

  constructor(
    private readonly options: DistributedAuditOptions,
    private readonly token: string,
    private readonly targetByJob: Map<string, ShopTarget>,
  ) {
    this.outstanding = new Set(targetByJob.keys());
    const { connection, queueName } = options.address;
    this.queue = new Queue<ShopJobData, ShopEvidence>(queueName, { connection });
    this.events = new QueueEvents(queueName, { connection });
    this.judgeAndStore = createJudgeAndStore(options);
  }

  /** Enqueues the outstanding jobs and resolves once each is stored, or the run is aborted. */
  async run(): Promise<AuditRunSummary> {
    await Promise.all([this.queue.waitUntilReady(), this.events.waitUntilReady()]);
    // Listen before enqueueing and sweeping, so no completion falls between the two.
    this.listen();
    if (this.options.rerun) await this.removeStaleResults();
    await this.enqueue();
    await this.untilSettled();
    return this.summary;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([this.events.close(), this.queue.close()]);
  }

  private targetOf(jobId: string): ShopTarget {
    const target = this.targetByJob.get(jobId);
    if (!target) throw new Error(`job ${jobId} is not one of this run's shops`);
    return target;
  }

  private listen(): void {
    this.events.on('active', ({ jobId }) => {
      const target = this.outstanding.has(jobId) ? this.targetByJob.get(jobId) : undefined;
      if (target) this.options.onShopStart?.(target);
    });
    this.events.on('completed', ({ jobId }) => void this.collect(jobId));
    this.events.on('failed', ({ jobId }) => void this.collect(jobId));
  }

  /** A rerun's shops were stored before: a finished job left over for one of them is stale. */
  private removeStaleResults(): Promise<void> {
    return inBatches([...this.outstanding], COLLECT_PARALLEL, (batch) =>
      Promise.all(batch.map((jobId) => this.removeIfFinished(jobId))),
    );
  }

  private async removeIfFinished(jobId: string): Promise<void> {
    const job = await Job.fromId(this.queue, jobId);
    if (job && isFinishedState(await job.getState())) await job.remove().catch(() => {});
  }

  /** Adds every outstanding job; a job that exists already is left as it is. */
  private enqueue(): Promise<void> {
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    return inBatches([...this.outstanding], BATCH, (batch) =>
      this.queue.addBulk(
        batch.map((jobId) => ({
          name: SHOP_JOB_NAME,
          data: { run: this.token, target: this.targetOf(jobId), observe: this.options.observe },
          opts: shopJobOptions(jobId, policy),
        })),
      ),
    );
  }

  private untilSettled(): Promise<void> {
    const { signal, sweepIntervalMs, reconcileIntervalMs } = this.options;
    return new Promise<void>((resolve, reject) => {
      this.fatal = reject;
      this.finished = resolve;
      signal?.addEventListener('abort', () => resolve(), { once: true });
      const safely = (work: () => Promise<unknown>) => () => void work().catch(reject);
      this.timers.push(setInterval(safely(this.sweep), sweepIntervalMs ?? 10_000));
      this.timers.push(setInterval(safely(this.enqueue.bind(this)), reconcileIntervalMs ?? 60_000));
      // A signal that fired while the jobs were being enqueued fires no event any more.
      if (this.outstanding.size === 0 || signal?.aborted) resolve();
      void this.sweep().catch(reject);
    });
  }

  /** Looks up the finished jobs in case an event was missed. */
  private readonly sweep = async (): Promise<void> => {
    const finishedIds = await this.queue.getRanges(['completed', 'failed'], 0, -1);
    const ours = finishedIds.filter((id) => this.outstanding.has(id));
    await inBatches(ours, COLLECT_PARALLEL, (batch) => Promise.all(batch.map((id) => this.collect(id))));
  };

  /** Stores the job's result when it has one; anything else (waiting, active, gone) is left for later. */
  private async collect(jobId: string): Promise<void> {
    if (!this.outstanding.has(jobId)) return;
    if (this.collecting.has(jobId)) return void this.recheck.add(jobId);
    this.collecting.add(jobId);
    try {
      await this.storeIfFinished(jobId);
    } catch (error) {
      this.fatal?.(error);
    } finally {
      this.collecting.delete(jobId);
      if (this.recheck.delete(jobId)) void this.collect(jobId);
      if (this.outstanding.size === 0) this.finished?.();
    }
  }

  private async storeIfFinished(jobId: string): Promise<void> {
    const job = await Job.fromId<ShopJobData, ShopEvidence>(this.queue, jobId);
    if (!job || !this.outstanding.has(jobId)) return;
    const state = await job.getState();
    if (!isFinishedState(state)) return;
    const target = this.targetOf(jobId);
    const evidence = evidenceOfFinishedJob(job, state, target, this.options.observe);
    if (this.options.signal?.aborted) return;
    const outcome = this.judgeAndStore(target, evidence, this.options.signal);
    if (!outcome) return;
    this.outstanding.delete(jobId);
    countStored(this.summary, outcome);
    this.options.onShopDone?.(outcome);
    await job.remove().catch(() => {});
  }
}
