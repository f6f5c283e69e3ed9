import { setImmediate as nextTurn } from 'node:timers/promises';
import { duplicateProblem, type ListMessage } from '../input/index.js';
import type { InputProblem, ListEntry, ShopTarget } from '../input/types.js';
import type { Store } from '../store/types.js';

/** Shops are planned in transactions of this many (one transaction per shop costs ten times more). */
const BATCH = 500;
/** A batch waits at most this long for more rows, so a slowly written list starts auditing at once. */
const BATCH_WAIT_MS = 50;
const later = (ms: number) =>
  new Promise<null>((resolve) => {
    setTimeout(() => resolve(null), ms).unref();
  });

/** Pending shops are taken from the database this many at a time. */
const PAGE = 100;

export interface ListReport {
  problem(problem: InputProblem, fatal: boolean): void;
  warning(line: number, warning: ListMessage): void;
}

/**
 * Streams a shop list into a run's plan in the database while the run goes on: the list is never
 * held in memory, a duplicate is found by the plan itself, and a run stopped half-way knows the
 * shops planned so far (a resume reads the list on where it was not planned yet).
 */
export class ListPlanner {
  done = false;
  /** Shops in the run's plan, those planned before this reading included. */
  planned: number;
  /** The list could not be read past this problem. */
  stoppedAt: InputProblem | null = null;
  private waiters: Array<() => void> = [];
  private stopped = false;
  readonly finished: Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly runId: number,
    entries: AsyncIterable<ListEntry> | null,
    private readonly report: ListReport,
    private readonly signal?: AbortSignal,
  ) {
    this.planned = store.plannedCount(runId);
    this.finished = entries ? this.read(entries) : Promise.resolve(this.end(false));
  }

  /** Stops reading the list (the run ended or was stopped); what was planned stays planned. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves when more shops were planned or the list ended. */
  more(): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }

  private end(complete: boolean): void {
    if (complete) this.store.markListPlanned(this.runId);
    this.done = true;
    this.wake();
  }

  private flush(batch: ShopTarget[]): void {
    // After a stop the database may be closed; the rows not planned are read again on resume.
    if (this.stopped || batch.length === 0) return;
    const earlier = this.store.planBatch(this.runId, batch);
    batch.forEach((target, i) => {
      const line = earlier[i];
      if (line === null) this.planned += 1;
      // The same row planned by an earlier reading of this list (before a resume) is no duplicate.
      else if (line !== target.line) {
        this.report.problem(duplicateProblem(target.line ?? 0, target.url, line), false);
      }
    });
    this.wake();
  }

  private async read(entries: AsyncIterable<ListEntry>): Promise<void> {
    const iterator = entries[Symbol.asyncIterator]();
    let complete = false;
    try {
      complete = await this.planAll(iterator);
    } finally {
      if (!complete) void Promise.resolve(iterator.return?.()).catch(() => {});
      this.end(complete && !this.stopped && !this.signal?.aborted);
    }
  }

  /** Plans the list's shops batch by batch; false when the run stopped before the list's end. */
  private async planAll(iterator: AsyncIterator<ListEntry>): Promise<boolean> {
    const batch: ShopTarget[] = [];
    for (;;) {
      const next = await this.nextEntry(iterator, batch);
      if (next.done) break;
      if (this.stopped || this.signal?.aborted) return false;
      this.take(next.value, batch);
      if (batch.length >= BATCH) {
        this.flush(batch.splice(0));
        // Reading a list runs ahead of the run; a turn of the event loop keeps shops and signals moving.
        await nextTurn();
      }
    }
    this.flush(batch);
    return true;
  }

  /** The list's next entry; a list that pauses (a pipe, a slow disk) has what it gave so far planned at once. */
  private async nextEntry(
    iterator: AsyncIterator<ListEntry>,
    batch: ShopTarget[],
  ): Promise<IteratorResult<ListEntry>> {
    const pending = iterator.next();
    if (batch.length === 0) return pending;
    const next = await Promise.race([pending, later(BATCH_WAIT_MS)]);
    if (next !== null) return next;
    this.flush(batch.splice(0));
    return pending;
  }

  /** Reports a problem entry; adds a shop entry to the batch. */
  private take(entry: ListEntry, batch: ShopTarget[]): void {
    if (entry.kind === 'problem') {
      this.report.problem(entry.problem, entry.fatal === true);
      if (entry.fatal) this.stoppedAt = entry.problem;
      return;
    }
    if (entry.warning) this.report.warning(entry.target.line ?? 0, entry.warning);
    batch.push(entry.target);
  }

  /** The run's pending shops in plan order, as they are planned, until the list is planned whole. */
  async *pending(): AsyncGenerator<ShopTarget> {
    let after = 0;
    for (;;) {
      const page = this.store.pendingShopsAfter(this.runId, after, PAGE);
      for (const { position, target } of page) {
        after = position;
        yield target;
      }
      if (page.length > 0) continue;
      if (this.done) {
        if (this.store.pendingShopsAfter(this.runId, after, 1).length === 0) return;
        continue;
      }
      await this.more();
    }
  }
}
