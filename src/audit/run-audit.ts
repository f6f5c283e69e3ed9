import { setImmediate as nextTurn } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { CrawlEnvironment } from '../crawl/index.js';
import type { ShopTarget } from '../input/types.js';
import type { Override } from '../rules/index.js';
import type { ShopOutcome, Store } from '../store/types.js';
import { type AuditRunSummary, countStored, createJudgeAndStore } from './judge-and-store.js';
import { type ObserveOptions, observeShop } from './observe-shop.js';
import type { RuleSetProvider } from './rule-set-provider.js';

export type { AuditRunSummary } from './judge-and-store.js';

export interface AuditRunOptions {
  store: Store;
  runId: number;
  /** The shops to audit; an async source (a list being read) is drawn from as room frees up. */
  targets: Iterable<ShopTarget> | AsyncIterable<ShopTarget>;
  concurrency: number;
  observe: ObserveOptions;
  ruleSets: RuleSetProvider;
  overrides?: Override[];
  env: CrawlEnvironment;
  signal?: AbortSignal;
  onShopStart?: (target: ShopTarget) => void;
  onShopDone?: (outcome: ShopOutcome) => void;
}

/**
 * Audits the targets with bounded concurrency and stores each shop in its own transaction the moment
 * it is done, so a crash loses at most the shops in flight. Targets are drawn only as the queue has
 * room, so a list of a million shops is never held in memory, and a stop (the signal) is heard at
 * once even when every shop fails without touching the network.
 */
export async function runAudit(options: AuditRunOptions): Promise<AuditRunSummary> {
  const concurrency = Math.max(1, options.concurrency);
  const queue = new PQueue({ concurrency });
  const summary: AuditRunSummary = { audited: 0, notRated: 0 };
  let fatal: unknown = null;
  const judgeAndStore = createJudgeAndStore(options);
  const stopped = () => fatal !== null || options.signal?.aborted === true;
  const onAbort = () => queue.clear();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const auditOne = async (target: ShopTarget) => {
    // A turn of the event loop per shop: signals (Ctrl-C) are delivered between shops that fail at once.
    await nextTurn();
    if (stopped()) return;
    options.onShopStart?.(target);
    try {
      const evidence = await observeShop(target, options.observe, options.env, options.signal);
      const outcome = judgeAndStore(target, evidence, options.signal);
      if (!outcome) return;
      countStored(summary, outcome);
      options.onShopDone?.(outcome);
    } catch (error) {
      // Only tool errors reach here (no browser, a broken rule set, a database error): stop the run.
      fatal ??= error;
      queue.clear();
    }
  };

  try {
    for await (const target of untilAborted(options.targets, options.signal)) {
      if (stopped()) break;
      void queue.add(() => auditOne(target));
      // Keep a few shops waiting beyond those running, no more.
      if (queue.size >= concurrency) await queue.onSizeLessThan(concurrency);
      if (stopped()) break;
    }
    await queue.onIdle();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (fatal) throw fatal;
  return summary;
}

/** The targets until the signal aborts, without waiting for a source that is itself waiting (a list being read). */
async function* untilAborted<T>(
  source: Iterable<T> | AsyncIterable<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (source as Iterable<T>)[Symbol.iterator]();
  const aborted = new Promise<null>((resolve) => {
    if (signal?.aborted) resolve(null);
    signal?.addEventListener('abort', () => resolve(null), { once: true });
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next === null || next.done) return;
      yield next.value;
    }
  } finally {
    void Promise.resolve(iterator.return?.()).catch(() => {});
  }
}
