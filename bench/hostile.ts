/**
 * Hostile input, measured through the built CLI as a user runs it (not a speed benchmark, and not
 * part of `npm test`): time and peak memory of
 *   1. a 2.6 MB page with 200,000 phone-like numbers, in static and in browser mode: the audit, what it
 *      stored, the report;
 *   2. a 4.9 MB page of 245,000 numbers each in its own element, browser mode;
 *   3. a list of 1,000,000 shops, generated into a named pipe (never stored), read while the run
 *      goes on; memory is sampled after the first 10,000 shops, then SIGTERM and the time to stop.
 * Memory is the proportional set size of the CLI and every process under it (the browser's too).
 * Run: npm run bench:hostile (builds first).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const MiB = 1024 * 1024;

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === found[i]) found.push(pid);
  }
  return found;
}

function pssMiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The memory of a process tree, sampled every 250 ms; `peak` since the last `reset`. */
function sampleMemory(child: ChildProcess) {
  let peak = 0;
  const sample = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const total = descendants(child.pid).reduce((sum, pid) => sum + pssMiB(pid), 0);
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, 250);
  return {
    peak: () => peak,
    reset: () => {
      peak = 0;
    },
    stop: () => clearInterval(timer),
  };
}

function runCli(
  args: string[],
): Promise<{ code: number | null; seconds: number; peakMiB: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: '1' },
  });
  const memory = sampleMemory(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      memory.stop();
      resolve({ code, seconds: (performance.now() - started) / 1000, peakMiB: memory.peak(), stderr });
    }),
  );
}

function serve(body: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const number = (i: number) => `020 ${String(100 + (i % 900))} ${String(i % 10_000).padStart(4, '0')}`;

/** Bytes of a database with its log and its evidence files. */
function storedBytes(db: string): number {
  const size = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    return stat.isDirectory()
      ? readdirSync(path).reduce((sum, f) => sum + size(join(path, f)), 0)
      : stat.size;
  };
  return [db, `${db}-wal`, `${db}.artifacts`].reduce((sum, path) => sum + size(path), 0);
}

function shopSummary(db: string): string {
  const sqlite = new Database(db, { readonly: true });
  try {
    const row = sqlite.prepare('SELECT status, evidence_json FROM shops').get() as
      | { status: string; evidence_json: string }
      | undefined;
    if (!row) return 'no shop stored';
    const evidence = JSON.parse(row.evidence_json) as {
      sightings: unknown[];
      limits?: Array<{ limit: string; found: number; kept: number }>;
    };
    const limits = (evidence.limits ?? []).map((l) => `${l.limit} ${l.kept}/${l.found}`).join(', ');
    return `status ${row.status}, ${evidence.sightings.length} sightings kept; limits: ${limits || 'none'}`;
  } finally {
    sqlite.close();
  }
}

async function onePage(name: string, body: string, mode: 'static' | 'browser', dir: string): Promise<void> {
  const server = await serve(body);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const list = join(dir, `${name}.txt`);
  writeFileSync(list, `${url}\n`);
  const db = join(dir, `${name}.sqlite`);
  const audit = await runCli([
    'audit',
    list,
    '--db',
    db,
    '--mode',
    mode,
    '--allow-private-hosts',
    '--label',
    name,
  ]);
  server.close();
  const report = await runCli(['report', '--db', db, '--out', join(dir, `${name}-report`)]);
  console.log(
    `${name} (${(Buffer.byteLength(body) / MiB).toFixed(1)} MiB, ${mode}): audit ${audit.seconds.toFixed(1)} s, peak ${audit.peakMiB.toFixed(0)} MiB, exit ${audit.code}; ` +
      `stored ${(storedBytes(db) / MiB).toFixed(2)} MiB; report ${report.seconds.toFixed(1)} s, peak ${report.peakMiB.toFixed(0)} MiB, exit ${report.code}`,
  );
  console.log(`  ${shopSummary(db)}`);
  if (audit.code !== 0) console.log(audit.stderr.slice(-1000));
}

/** Shops whose addresses are loopback: each is refused as a private host at once, with no traffic. */
const refusedShop = (i: number) => `http://127.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/shop${i}\n`;

async function millionLines(dir: string): Promise<void> {
  const list = join(dir, 'million.txt');
  spawnSync('mkfifo', [list]);
  const db = join(dir, 'million.sqlite');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, 'audit', list, '--db', db, '--mode', 'static', '--label', 'million'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '1' },
    },
  );
  let done = 0;
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const match of chunk.toString().matchAll(/^\[(\d+)\//gm)) done = Math.max(done, Number(match[1]));
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // The list is written into the pipe as the audit reads it; it never exists as a file.
  const pipe = createWriteStream(list);
  pipe.on('error', () => {});
  void (async () => {
    for (let i = 0; i < 1_000_000; i++) {
      if (!pipe.write(refusedShop(i)))
        await new Promise<void>((resolve) => pipe.once('drain', () => resolve()));
    }
    pipe.end();
  })();
  const memory = sampleMemory(child);
  while (done < 10_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
  const firstPeak = memory.peak();
  const firstSeconds = (performance.now() - started) / 1000;
  memory.reset();
  const target = 40_000;
  while (done < target && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
  const laterPeak = memory.peak();
  const laterSeconds = (performance.now() - started) / 1000;
  const signalled = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  const stopSeconds = (performance.now() - signalled) / 1000;
  memory.stop();
  pipe.destroy();
  const sqlite = new Database(db, { readonly: true });
  const planned = (sqlite.prepare('SELECT COUNT(*) AS n FROM planned_shops').get() as { n: number }).n;
  const stored = (sqlite.prepare('SELECT COUNT(*) AS n FROM shops').get() as { n: number }).n;
  sqlite.close();
  console.log(
    `1,000,000-line list (a pipe, static, every shop refused at once): first 10,000 shops in ${firstSeconds.toFixed(1)} s, peak ${firstPeak.toFixed(0)} MiB; ` +
      `then to ${target.toLocaleString('en')} shops (${laterSeconds.toFixed(1)} s in all), peak ${laterPeak.toFixed(0)} MiB`,
  );
  console.log(
    `  SIGTERM to exit: ${stopSeconds.toFixed(2)} s (exit ${code}); ${planned.toLocaleString('en')} shops planned, ${stored.toLocaleString('en')} stored`,
  );
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run bench:hostile builds it.`);
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-hostile-bench-'));
  try {
    const numbers = Array.from({ length: 200_000 }, (_, i) => number(i)).join(' ');
    const numbersPage = `<!doctype html><html lang="nl"><head><title>Numbers</title></head><body><p>${numbers}</p><footer>info@winkel.example</footer></body></html>`;
    await onePage('numbers-2.6MB', numbersPage, 'static', dir);
    await onePage('numbers-2.6MB-rendered', numbersPage, 'browser', dir);
    const elements = Array.from({ length: 245_000 }, (_, i) => `<b>${number(i)}</b> `).join('');
    await onePage(
      'elements-4.9MB',
      `<!doctype html><html lang="nl"><head><title>Numbers</title></head><body><main>${elements}</main><footer>info@winkel.example</footer></body></html>`,
      'browser',
      dir,
    );
    await millionLines(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
