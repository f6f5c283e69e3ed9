import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ExtractJob, type ExtractJobResult, runExtractJob } from './extract-job.js';
import type { WorkerReply, WorkerRequest } from './extract-worker.js';

/**
 * Extraction on worker threads, so that parsing and scanning pages uses every core while the main
 * thread keeps fetching. When no thread can load the worker module (the code runs from TypeScript
 * sources without a loader, or threads are switched off), the same jobs run in the calling thread.
 */
export interface ExtractPool {
  /** Worker threads doing the work; 0 when jobs run in the calling thread. */
  readonly threads: number;
  /**
   * `rank`: jobs waiting for a thread go in rank order, lowest first (then in arrival order).
   * Readings pass the shop's start order, so the shops begun first finish first.
   * The job's `undecoded` body is handed over: once a thread has it, the caller's view of it is
   * empty. If that thread dies before answering, the job fails (the page cannot be read again).
   */
  run(job: ExtractJob, rank?: number): Promise<ExtractJobResult>;
  /**
   * Resolves once few enough jobs wait for a thread. A crawl that waits for it before fetching
   * more keeps the backlog, and the HTML it holds, small; it costs no throughput, since fetching
   * faster than the threads extract only fills memory.
   */
  roomForMore(rank?: number): Promise<void>;
  close(): Promise<void>;
}

/** A page whose body was handed to a thread that died before reading it: it cannot be read again. */
export class PageLostWithThreadError extends Error {
  readonly code = 'EXTRACT_THREAD_DIED';
  constructor(readonly url: string) {
    super(`the extraction thread stopped while reading ${url}, and the page's body went with it`);
    this.name = 'PageLostWithThreadError';
  }
}

export interface ExtractPoolOptions {
  /** Worker threads; default: SHOPREACH_EXTRACT_THREADS, else the number of cores. 0 = none. */
  size?: number;
  /** The worker module; default: `extract-worker.js` (or `.ts` under a TypeScript loader) beside this file. */
  entry?: URL | null;
  /** How long a thread may take to load its modules before it is given up, ms. */
  readyTimeoutMs?: number;
}

/** Jobs sent to one thread before it answers: one queued behind the running one hides the round trip. */
const MAX_IN_FLIGHT = 2;
/** Jobs waiting per thread beyond which crawls hold off fetching (`roomForMore`). */
const MAX_WAITING_PER_THREAD = 4;
const READY_TIMEOUT_MS = 30_000;
/**
 * A thread's young generation, sized for memory rather than V8's default. A job allocates about
 * 1.3 MB; with the default 16 MB semi-spaces each thread commits 32 MB of young generation, with
 * 8 MB it commits 16 and runs as fast. Smaller is worse: each scavenge then promotes the page
 * being read (one large string) to the old generation, which only a full collection frees. The
 * old generation keeps V8's limit (a 5 MB page of dense markup needs some 700 MB); how far it may
 * grow between full collections is what the CLI's `--heap-growing-percent` bounds.
 */
const THREAD_HEAP = { maxYoungGenerationSizeMb: 24 };

export function inThreadPool(): ExtractPool {
  return {
    threads: 0,
    run: async (job) => runExtractJob(job),
    roomForMore: async () => {},
    close: async () => {},
  };
}

export function defaultPoolSize(): number {
  const configured = process.env.SHOPREACH_EXTRACT_THREADS;
  if (configured !== undefined && configured.trim() !== '' && Number.isInteger(Number(configured)))
    return Math.max(0, Number(configured));
  return availableParallelism();
}

/** The worker module beside this one, when it exists in the same form (built .js, or .ts sources). */
export function defaultWorkerEntry(): URL | null {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const entry = new URL(`./extract-worker${ext}`, import.meta.url);
  return existsSync(fileURLToPath(entry)) ? entry : null;
}

/** Starts the threads and waits until they have loaded; falls back to in-thread extraction. */
export async function startExtractPool(options: ExtractPoolOptions = {}): Promise<ExtractPool> {
  const size = options.size ?? defaultPoolSize();
  const entry = options.entry === undefined ? defaultWorkerEntry() : options.entry;
  if (size <= 0 || !entry) return inThreadPool();
  const timeout = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const started = await Promise.all(Array.from({ length: size }, () => startWorker(entry, timeout)));
  const workers = started.filter((w): w is Worker => w !== null);
  return workers.length > 0 ? new ThreadPool(workers) : inThreadPool();
}

let shared: Promise<ExtractPool> | null = null;

/** One pool per process, started on first use; its idle threads do not keep the process alive. */
export function sharedExtractPool(): Promise<ExtractPool> {
  shared ??= startExtractPool();
  return shared;
}

/**
 * A thread running `entry`. TypeScript sources (tests, `tsx bench/…`) need tsx's loader, which
 * does not register itself in worker threads on Node 20: the thread registers it first.
 */
function newWorker(entry: URL): Worker | null {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits: THREAD_HEAP });
  const loader = tsxLoaderUrl();
  if (!loader) return null;
  const boot = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits: THREAD_HEAP });
}

/** tsx's ESM register API (a dev dependency), or null when it is not installed. */
function tsxLoaderUrl(): string | null {
  try {
    // The package's "require" build of this API cannot load its own ESM half; use the ESM build.
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    const esm = join(dirname(cjs), 'index.mjs');
    return existsSync(esm) ? pathToFileURL(esm).href : null;
  } catch {
    return null;
  }
}

function startWorker(entry: URL, timeoutMs: number): Promise<Worker | null> {
  return new Promise((resolve) => {
    let worker: Worker | null;
    try {
      worker = newWorker(entry);
    } catch {
      worker = null;
    }
    if (!worker) {
      resolve(null);
      return;
    }
    const live = worker;
    const cleanUp = () => {
      clearTimeout(timer);
      live.off('error', giveUp);
      live.off('exit', giveUp);
      live.off('message', onMessage);
    };
    // Only this function's listeners are removed: Worker keeps internal ones of its own.
    function giveUp() {
      cleanUp();
      void live.terminate();
      resolve(null);
    }
    function onMessage(reply: WorkerReply) {
      if (!('ready' in reply)) return giveUp();
      cleanUp();
      resolve(live);
    }
    const timer = setTimeout(giveUp, timeoutMs);
    live.on('error', giveUp);
    live.on('exit', giveUp);
    live.on('message', onMessage);
  });
}

interface Pending {
  job: ExtractJob;
  rank: number;
  resolve: (result: ExtractJobResult) => void;
  reject: (error: Error) => void;
  /** The job's body was transferred to a thread: only that thread can read the page. */
  bodyHandedOver?: boolean;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

class ThreadPool implements ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly waitingForRoom: Array<{ rank: number; enter: () => void }> = [];
  private nextId = 1;
  private closed = false;

  constructor(workers: Worker[]) {
    for (const worker of workers) this.adopt(worker);
  }

  get threads(): number {
    return this.slots.length;
  }

  run(job: ExtractJob, rank = Number.POSITIVE_INFINITY): Promise<ExtractJobResult> {
    if (this.closed || this.slots.length === 0) return Promise.resolve().then(() => runExtractJob(job));
    return new Promise((resolve, reject) => {
      const pending = { job, rank, resolve, reject };
      // The queue stays short (crawls hold off past `roomForMore`): a linear insert is enough.
      const before = this.queue.findIndex((waiting) => waiting.rank > rank);
      if (before === -1) this.queue.push(pending);
      else this.queue.splice(before, 0, pending);
      this.dispatch();
    });
  }

  /** With a `rank`, only jobs ranked at or before it count: a younger shop's backlog never holds up an older shop. */
  roomForMore(rank = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.hasRoom(rank)) return Promise.resolve();
    return new Promise((enter) => this.waitingForRoom.push({ rank, enter }));
  }

  private hasRoom(rank: number): boolean {
    if (this.closed) return true;
    const limit = Math.max(1, this.slots.length) * MAX_WAITING_PER_THREAD;
    let ahead = 0;
    for (const waiting of this.queue) {
      if (waiting.rank > rank) break;
      if (++ahead >= limit) return false;
    }
    return true;
  }

  private letWaitersIn(): void {
    for (let i = 0; i < this.waitingForRoom.length; ) {
      const waiter = this.waitingForRoom[i];
      if (this.hasRoom(waiter.rank)) {
        this.waitingForRoom.splice(i, 1);
        waiter.enter();
      } else i++;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.letWaitersIn();
    const slots = this.slots.splice(0);
    for (const slot of slots) this.settleInThread(slot);
    this.drainInThread();
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private adopt(worker: Worker): void {
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on('message', (reply: WorkerReply) => this.answer(slot, reply));
    // A thread that dies (out of memory, a crash) takes no job with it: its jobs run here instead.
    worker.on('error', () => this.retire(slot));
    worker.on('exit', () => this.retire(slot));
    // Adding a 'message' listener refs the thread's port again: an idle thread must not keep the
    // process alive (the CLI ends when its work is done), so unref after the listeners are on.
    worker.unref();
    this.slots.push(slot);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | null = null;
      for (const slot of this.slots)
        if (slot.inFlight.size < MAX_IN_FLIGHT && (!best || slot.inFlight.size < best.inFlight.size))
          best = slot;
      if (!best) return;
      const pending = this.queue.shift() as Pending;
      const id = this.nextId++;
      best.inFlight.set(id, pending);
      // A thread with work keeps the process alive until it answers.
      if (best.inFlight.size === 1) best.worker.ref();
      const body = movableBody(pending.job);
      best.worker.postMessage({ id, job: pending.job } satisfies WorkerRequest, body ? [body] : undefined);
      if (body) pending.bodyHandedOver = true;
    }
    this.letWaitersIn();
  }

  private answer(slot: Slot, reply: WorkerReply): void {
    if ('ready' in reply) return;
    const pending = slot.inFlight.get(reply.id);
    if (!pending) return;
    slot.inFlight.delete(reply.id);
    if (slot.inFlight.size === 0) slot.worker.unref();
    if ('result' in reply) pending.resolve(reply.result);
    else pending.reject(new Error(reply.error));
    this.dispatch();
  }

  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    this.settleInThread(slot);
    if (this.slots.length === 0) this.drainInThread();
    else this.dispatch();
  }

  private settleInThread(slot: Slot): void {
    for (const pending of slot.inFlight.values()) settle(pending);
    slot.inFlight.clear();
  }

  private drainInThread(): void {
    for (const pending of this.queue.splice(0)) settle(pending);
    this.letWaitersIn();
  }
}

/**
 * The buffer behind a job's undecoded body when the body is all of it: sent to the thread by
 * transfer instead of copy, so the page's bytes are neither copied nor left behind as garbage on
 * the crawl's thread. A body that shares its buffer (small ones, cut from Node's pool) is copied.
 */
function movableBody(job: ExtractJob): ArrayBuffer | null {
  const bytes = job.undecoded;
  if (!bytes || bytes.byteLength === 0 || bytes.byteOffset !== 0) return null;
  const buffer = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength !== bytes.byteLength) return null;
  return buffer;
}

function settle(pending: Pending): void {
  try {
    // Reading it as an empty page instead would be a false finding.
    if (pending.bodyHandedOver)
      throw new PageLostWithThreadError(pending.job.page.finalUrl || pending.job.page.url);
    pending.resolve(runExtractJob(pending.job));
  } catch (error) {
    pending.reject(error as Error);
  }
}
