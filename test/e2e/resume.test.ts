import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { spawnCli } from '../queue/cli-process.js';
import { slowAnswer } from '../waiting.js';
import { runCli } from './run-cli.js';

const SHOPS = 16;
const servers: Server[] = [];
const urls: string[] = [];

/** A small shop that answers slowly, so the audit is still running when it is killed. */
function slowShop(index: number): Server {
  return createServer((request, response) => {
    void slowAnswer(150).then(() => {
      if (request.url === '/robots.txt') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="nl"><title>Shop ${index}</title><body><main><p>Winkel ${index}</p></main><footer>Bel 020 794 56${String(index).padStart(2, '0')} of mail info@winkel${index}.nl</footer></body></html>`,
      );
    });
  });
}

beforeAll(async () => {
  for (let i = 0; i < SHOPS; i += 1) {
    const server = slowShop(i);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

function storedCount(db: string): number {
  try {
    const store = openStore(db);
    try {
      const run = store.findRunByLabel('resume-test');
      return run ? store.shops(run.id).length : 0;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

/**
 * Starts an audit of the slow shops into a fresh database and waits until `stored` shops are in it,
 * so the test can interrupt it mid-run. The CLI prints a progress line "[n/total] …" once a shop's
 * transaction has committed: the nth line says n shops are stored.
 * Timeouts are hang guards sized for a loaded 2-core machine (the first test took 95-117 s there).
 */
async function auditUntilStored(stored: number) {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-interrupt-'));
  const list = join(dir, 'shops.txt');
  writeFileSync(list, `${urls.join('\n')}\n`);
  const db = join(dir, 'audit.sqlite');
  const args = ['audit', list, '--db', db, '--label', 'resume-test', '--mode', 'static'];
  const audit = spawnCli([...args, '--allow-private-hosts', '--concurrency', '2', '--max-pages', '3']);
  await audit.waitFor(new RegExp(`^\\[${stored}/\\d+\\] `), 90_000);
  return { db, audit };
}

it('finishes a run killed with SIGKILL mid-run, storing every shop exactly once', async () => {
  const { db, audit } = await auditUntilStored(3);
  audit.child.kill('SIGKILL');
  expect(await audit.exited).toBe('SIGKILL');
  const before = storedCount(db);
  expect(before).toBeGreaterThanOrEqual(3);
  expect(before).toBeLessThan(SHOPS);

  const resumed = await runCli(['audit', '--resume', 'resume-test', '--db', db]);
  expect(resumed.code).toBe(0);
  expect(resumed.stderr).toContain(`${SHOPS - before} of ${SHOPS} shops left`);

  const store = openStore(db);
  try {
    const run = store.findRunByLabel('resume-test')!;
    const shops = store.shops(run.id);
    expect(shops).toHaveLength(SHOPS);
    expect(new Set(shops.map((s) => s.key)).size).toBe(SHOPS);
    expect(shops.every((s) => s.status === 'ok')).toBe(true);
    expect(store.pendingShops(run.id)).toEqual([]);
    expect(store.getRun(run.id)!.finishedAt).toBeTruthy();
  } finally {
    store.close();
  }
}, 240_000);

it('stops cleanly on Ctrl-C: exit code 1, the finished shops kept, and the command to resume', async () => {
  const { db, audit } = await auditUntilStored(2);
  audit.child.kill('SIGINT');
  expect(await audit.exited).toBe(1);
  expect(audit.stderr()).toContain('shopreach audit --resume');
  const stored = storedCount(db);
  expect(stored).toBeGreaterThanOrEqual(2);
  expect(stored).toBeLessThan(SHOPS);
}, 120_000);
