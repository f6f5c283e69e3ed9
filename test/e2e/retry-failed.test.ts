import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from './run-cli.js';

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const PAGE =
  '<!doctype html><html lang="nl"><title>Winkel</title><body><footer>Bel 020 794 5632 of mail info@winkel.nl</footer></body></html>';

it('re-audits only the shops that failed, in the same run', async () => {
  let healthy = false;
  let goodRequests = 0;
  const flaky = await serve((request, response) => {
    if (request.url === '/robots.txt') return void response.writeHead(404).end();
    if (!healthy)
      return void response.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  const good = await serve((request, response) => {
    goodRequests += 1;
    if (request.url === '/robots.txt') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-retry-'));
  const list = join(dir, 'shops.txt');
  writeFileSync(list, `${flaky}\n${good}\n`);
  const db = join(dir, 'retry.sqlite');
  const common = ['--db', db, '--allow-private-hosts', '--mode', 'static', '--country', 'NL'];

  expect((await runCli(['audit', list, '--label', 'retry', ...common])).code).toBe(0);
  const statusOf = () => {
    const store = openStore(db);
    try {
      const run = store.findRunByLabel('retry')!;
      return Object.fromEntries(store.shops(run.id).map((s) => [s.target.url, [s.status, s.score.score]]));
    } finally {
      store.close();
    }
  };
  const first = statusOf();
  expect(first[flaky]).toEqual(['blocked', null]);
  expect(first[good][0]).toBe('ok');

  healthy = true;
  const requestsBefore = goodRequests;
  const retry = await runCli(['audit', '--retry-failed', 'retry', '--db', db]);
  expect(retry.code).toBe(0);
  expect(retry.stderr).toContain('Retrying 1 failed shop of run');
  const second = statusOf();
  expect(second[flaky][0]).toBe('ok');
  expect(second[flaky][1]).toBeGreaterThan(0);
  expect(second[good]).toEqual(first[good]);
  expect(goodRequests).toBe(requestsBefore);
  expect(Object.keys(second)).toHaveLength(2);
});
