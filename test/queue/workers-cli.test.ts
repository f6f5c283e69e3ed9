import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { StoredShop } from '../../src/store/types.js';
import { type CliProcess, finish, spawnCli } from './cli-process.js';
import { type FixtureShops, startFixtureShops } from './fixture-shops.js';
import { digestsByKey } from './outcome-digest.js';
import { queueUrl, startTestRedis, type TestRedis } from './test-redis.js';

const SHOPS = 12;
const CRAWL = ['--mode', 'static', '--allow-private-hosts', '--max-pages', '5'];

let redis: TestRedis;
let shops: FixtureShops;
const dir = mkdtempSync(join(tmpdir(), 'shopreach-workers-'));
const running: CliProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  // Slow answers: a shop takes a second or two, so a worker can be killed in the middle of one.
  shops = await startFixtureShops(SHOPS, 250);
});
afterAll(async () => {
  for (const proc of running)
    if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
  await shops?.close();
  await redis?.stop();
});

function storedShops(db: string, label: string): StoredShop[] {
  const store = openStore(db);
  try {
    const run = store.findRunByLabel(label);
    if (!run) throw new Error(`no run ${label} in ${db}`);
    expect(store.pendingShops(run.id)).toEqual([]);
    expect(store.getRun(run.id)?.finishedAt).toBeTruthy();
    return store.shops(run.id);
  } finally {
    store.close();
  }
}

function start(args: string[]): CliProcess {
  const proc = spawnCli(args);
  running.push(proc);
  return proc;
}

/** URLs a worker started and had not finished, from its log lines. */
function inFlight(log: string): string[] {
  const started = [...log.matchAll(/^start (\S+)/gm)].map((m) => m[1]);
  const done = new Set([...log.matchAll(/^done (\S+)/gm)].map((m) => m[1]));
  return started.filter((url) => !done.has(url));
}

it('a coordinator and two workers store every shop once, as a single machine would, when a worker dies mid-job', async () => {
  const list = join(dir, 'shops.txt');
  writeFileSync(list, `${shops.urls.join('\n')}\n`);

  const single = start([
    'audit',
    list,
    '--db',
    join(dir, 'single.sqlite'),
    '--label',
    'single',
    '--concurrency',
    '4',
    ...CRAWL,
  ]);
  expect(await finish(single, 90_000)).toBe(0);
  const expected = digestsByKey(storedShops(join(dir, 'single.sqlite'), 'single'));
  expect(Object.keys(expected)).toHaveLength(SHOPS);

  const queue = queueUrl(redis.url, 'workers');
  const doomed = start(['worker', '--queue', queue, '--concurrency', '2', '--lock-duration', '2']);
  const db = join(dir, 'distributed.sqlite');
  const coordinator = start([
    'audit',
    list,
    '--db',
    db,
    '--label',
    'distributed',
    '--queue',
    queue,
    ...CRAWL,
  ]);
  await doomed.waitFor(/^start /, 30_000);
  // Start the survivor only now, so the doomed worker surely holds jobs when it dies.
  const survivor = start(['worker', '--queue', queue, '--concurrency', '2', '--lock-duration', '2']);
  await survivor.waitFor(/^Worker taking shop jobs/, 30_000);
  const lost = inFlight(doomed.stderr());
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBe('SIGKILL');
  expect(lost.length).toBeGreaterThan(0);

  expect(await finish(coordinator, 120_000)).toBe(0);
  expect(coordinator.stdout()).toContain(`Audited ${SHOPS} shops`);

  // The shops the dead worker held were gathered again by the survivor.
  for (const url of lost)
    expect(survivor.stderr()).toMatch(
      new RegExp(`^done ${url.replace(/[.?*+^$[\]\\(){}|-]/g, '\\$&')} `, 'm'),
    );
  // Each shop was judged and stored once: one progress line per shop.
  for (const url of shops.urls) {
    const lines = coordinator
      .stderr()
      .split('\n')
      .filter((line) => line.includes(` ${url} `) || line.includes(` ${url.replace(/\/$/, '')} `));
    expect(lines, url).toHaveLength(1);
  }
  const stored = storedShops(db, 'distributed');
  expect(stored).toHaveLength(SHOPS);
  expect(new Set(stored.map((s) => s.key)).size).toBe(SHOPS);
  expect(digestsByKey(stored)).toEqual(expected);

  survivor.child.kill('SIGTERM');
  expect(await finish(survivor, 20_000)).toBe(0);
}, 240_000);
