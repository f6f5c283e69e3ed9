import { afterAll, afterEach, beforeAll } from 'vitest';
import { type CrawlEnvironment, createCrawlEnvironment } from '../../src/crawl/index.js';
import { FixtureSite, type Handler } from './fixture-server.js';

export interface CrawlTestBed {
  /** The file's crawl environment (one browser for the whole file, launched on first use). */
  env(): CrawlEnvironment;
  /** Starts a loopback fixture site, stopped after the test. */
  serve(routes: Record<string, Handler | string>, host?: string): Promise<FixtureSite>;
}

/** Registers the hooks of a crawl test file: one environment per file, fixture sites per test. */
export function useCrawlTestBed(): CrawlTestBed {
  let env: CrawlEnvironment | null = null;
  const sites: FixtureSite[] = [];
  beforeAll(() => {
    env = createCrawlEnvironment();
  });
  afterAll(async () => {
    await env?.close();
  });
  afterEach(async () => {
    await Promise.all(sites.splice(0).map((s) => s.stop()));
  });
  return {
    env() {
      if (!env) throw new Error('the crawl environment exists only inside tests');
      return env;
    },
    async serve(routes, host = '127.0.0.1') {
      const site = await new FixtureSite(routes, host, host).start();
      sites.push(site);
      return site;
    },
  };
}
