import type { Browser } from 'playwright';
import { launchBrowser } from './browser/browser-launch.js';
import { settlesWithin } from './deadline.js';
import { closeIdleConnections } from './fetch/connection-pool.js';
import type { StaticFetchContext } from './fetch/static-fetch.js';
import { HostScheduler } from './host-scheduler.js';
import { fetchRobots, type RobotsRules } from './robots/robots.js';

const BROWSER_CLOSE_WAIT_MS = 5_000;
/** A long-lived Chromium grows (caches, leaked renderer memory); a fresh one per this many shops keeps it flat. */
export const RECYCLE_BROWSER_AFTER_SHOPS = 100;
/** A retired browser is closed once it has no context left and this much time passed (a shop that was just handed it gets to open its context). */
const RETIRED_GRACE_MS = 10_000;
/**
 * robots.txt answers kept per run; the oldest is dropped beyond this (it is fetched again if its
 * origin comes back), so a list of a million shops does not keep a million answers.
 */
const ROBOTS_CACHE_LIMIT = 2_000;

/**
 * What the shops of one run share: the per-host scheduler (politeness across shops), the
 * robots.txt cache, and one lazily launched browser (each shop gets its own context).
 */
export interface CrawlEnvironment {
  readonly scheduler: HostScheduler;
  /** The run's browser, launched on first use and again after it died. */
  browser(): Promise<Browser>;
  /** Marks the browser as unusable (wedged): it is closed and relaunched on next use. The caller records why. */
  discardBrowser(reason: string): void;
  /** robots.txt of an origin, fetched once per run. */
  robots(origin: string, ctx: Omit<StaticFetchContext, 'accept'>): Promise<RobotsRules>;
  /** Browsers found dead since the last call (relaunched), for the shop that noticed. */
  takeBrowserIncidents(): string[];
  /** How many browsers this environment has launched (recycling and crashes add to it). */
  browserLaunches(): number;
  close(): Promise<void>;
  browserVersion(): string | null;
}

// Over 80 lines: the environment's methods share its browser, caches and counters in one closure.
export function createCrawlEnvironment(
  settings: { recycleBrowserAfterShops?: number } = {},
): CrawlEnvironment {
  const recycleAfter = settings.recycleBrowserAfterShops ?? RECYCLE_BROWSER_AFTER_SHOPS;
  const scheduler = new HostScheduler();
  const robotsCache = new Map<string, Promise<RobotsRules>>();
  let current: Promise<Browser> | null = null;
  let served = 0;
  let launches = 0;
  let retired: Array<{ browser: Browser; at: number }> = [];
  let version: string | null = null;
  let incidents: string[] = [];

  const closeQuietly = (pending: Promise<Browser>) => {
    void pending.then((b) => settlesWithin(b.close(), BROWSER_CLOSE_WAIT_MS)).catch(() => {});
  };
  const closeIdleRetired = (now: number) => {
    retired = retired.filter(({ browser, at }) => {
      const idle =
        !browser.isConnected() || (browser.contexts().length === 0 && now - at >= RETIRED_GRACE_MS);
      if (idle) closeQuietly(Promise.resolve(browser));
      return !idle;
    });
  };

  return {
    scheduler,
    async browser() {
      closeIdleRetired(Date.now());
      if (current && served >= recycleAfter) {
        const old = await current.catch(() => null);
        if (old) retired.push({ browser: old, at: Date.now() });
        current = null;
      }
      if (current) {
        const existing = await current.catch(() => null);
        if (existing?.isConnected()) {
          served += 1;
          return existing;
        }
        if (existing) incidents.push('the browser disconnected; relaunched');
        current = null;
      }
      const launching = launchBrowser().then(({ browser }) => {
        version = browser.version();
        return browser;
      });
      current = launching;
      served = 1;
      launches += 1;
      launching.catch(() => {
        if (current === launching) current = null;
      });
      return launching;
    },
    discardBrowser(_reason: string) {
      if (current) closeQuietly(current);
      current = null;
    },
    robots(origin, ctx) {
      const key = `${ctx.options.allowPrivateHosts ? 'private' : 'public'} ${origin}`;
      let cached = robotsCache.get(key);
      if (!cached) {
        cached = fetchRobots(origin, ctx);
        if (robotsCache.size >= ROBOTS_CACHE_LIMIT)
          robotsCache.delete(robotsCache.keys().next().value as string);
        robotsCache.set(key, cached);
        // A robots.txt that could not be read because this shop's watchdog fired is asked again later.
        cached.then((rules) => {
          if (rules.failure?.code === 'ABORTED') robotsCache.delete(key);
        });
      }
      return cached;
    },
    takeBrowserIncidents() {
      const taken = incidents;
      incidents = [];
      return taken;
    },
    browserLaunches: () => launches,
    async close() {
      closeIdleConnections();
      const pending = current;
      current = null;
      await Promise.all(retired.map(({ browser }) => settlesWithin(browser.close(), BROWSER_CLOSE_WAIT_MS)));
      retired = [];
      if (pending) {
        const browser = await pending.catch(() => null);
        if (browser) await settlesWithin(browser.close(), BROWSER_CLOSE_WAIT_MS);
      }
    },
    browserVersion: () => version,
  };
}
