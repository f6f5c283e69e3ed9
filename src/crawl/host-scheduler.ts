/** Waits `ms`, or less when the signal aborts (then rejects with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const FORGET_ABOVE_HOSTS = 5_000;
/** Longer than the longest pause between two requests to a host (robots.txt Crawl-delay is capped at 5 s). */
const FORGET_AFTER_MS = 60_000;

/**
 * One request at a time per host, with a pause between the end of one request and the start of
 * the next. Shared by every shop of a run, so two shops on one platform host do not double the
 * load on it. A task that knows when its traffic to the host ended (a rendered page goes quiet,
 * then is read and annotated with no request in flight) says so with `trafficEnded`; the pause
 * counts from then, but the next task never starts before this one has finished.
 */
export class HostScheduler {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnded = new Map<string, number>();
  /** Hosts last used longer ago than any pause lasts are forgotten, so the map does not grow with a run. */
  private forget(now: number): void {
    if (this.lastEnded.size < FORGET_ABOVE_HOSTS) return;
    for (const [host, ended] of this.lastEnded)
      if (now - ended > FORGET_AFTER_MS) this.lastEnded.delete(host);
  }

  async run<T>(
    host: string,
    delayMs: number,
    task: () => Promise<T>,
    signal?: AbortSignal,
    /** When the task's last request ended (epoch ms), if earlier than the task's end; else null. */
    trafficEnded?: () => number | null,
  ): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(host, tail);
    let started = false;
    try {
      await waitOrAbort(previous, signal);
      const since = Date.now() - (this.lastEnded.get(host) ?? 0);
      if (since < delayMs) await sleep(delayMs - since, signal);
      started = true;
      return await task();
    } finally {
      if (started) {
        this.forget(Date.now());
        this.lastEnded.set(host, Math.min(Date.now(), trafficEnded?.() ?? Date.now()));
      }
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }
}

function waitOrAbort(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
    );
  });
}
