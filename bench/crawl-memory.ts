/**
 * Peak memory of a browser-mode crawl of 200 small fixture shops on loopback: the RSS of this
 * node process plus the PSS of every browser process under it, sampled from /proc.
 * Run: npx tsx bench/crawl-memory.ts [shops] [concurrency]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import PQueue from 'p-queue';
import { crawlShop, createCrawlEnvironment, DEFAULT_CRAWL_OPTIONS } from '../src/crawl/index.js';

const SHOPS = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 4);

function shopPages(n: number): Record<string, string> {
  const wrap = (body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>Shop ${n}</title></head><body>${body}</body></html>`;
  return {
    '/': wrap(`<header><a href="/klantenservice">Klantenservice</a> <a href="/over-ons">Over ons</a></header>
      <main>${'<p>Product tekst.</p>'.repeat(50)}</main><footer><a href="/voorwaarden">Algemene voorwaarden</a></footer>`),
    '/klantenservice': wrap(
      `<p>Bel 020 ${String(100 + (n % 900))} 4567 of mail <a href="mailto:info@shop${n}.example">info@shop${n}.example</a></p>`,
    ),
    '/over-ons': wrap('<p>Wij zijn een winkel.</p>'),
    '/voorwaarden': wrap('<p>Voorwaarden.</p>'),
  };
}

function startShop(n: number): Promise<Server> {
  const pages = shopPages(n);
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (body) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop() as number;
    for (const [pid, ppid] of parents)
      if (ppid === parent) {
        found.push(pid);
        frontier.push(pid);
      }
  }
  return found;
}

function pssKiB(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const servers = await Promise.all(Array.from({ length: SHOPS }, (_, i) => startShop(i)));
  const env = createCrawlEnvironment();
  let peak = { total: 0, node: 0, browser: 0 };
  const sample = () => {
    const node = process.memoryUsage().rss / 1024 / 1024;
    const browser = descendants(process.pid).reduce((sum, pid) => sum + pssKiB(pid), 0) / 1024;
    if (node + browser > peak.total) peak = { total: node + browser, node, browser };
  };
  const sampler = setInterval(sample, 250);
  const options = {
    ...DEFAULT_CRAWL_OPTIONS,
    mode: 'browser' as const,
    allowPrivateHosts: true,
    hostDelayMs: 0,
  };
  const statuses = new Map<string, number>();
  let pages = 0;
  const started = performance.now();
  const queue = new PQueue({ concurrency: CONCURRENCY });
  for (const server of servers) {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    void queue.add(async () => {
      const result = await crawlShop({ key: url, url }, options, env);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      pages += result.pages.length;
    });
  }
  await queue.onIdle();
  sample();
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  await env.close();
  for (const server of servers) server.close();
  console.log(
    `${SHOPS} shops, concurrency ${CONCURRENCY}, ${pages} pages in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(
    `peak memory ${peak.total.toFixed(0)} MiB (node RSS ${peak.node.toFixed(0)} MiB + browser PSS ${peak.browser.toFixed(0)} MiB)`,
  );
}

await main();
