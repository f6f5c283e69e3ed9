import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { FixtureSite } from '../crawl/fixture-server.js';
import { CLI, runCli } from './run-cli.js';

// Hostile and unlucky lists, run through the built CLI: huge lists of shops that fail at once,
// a list still being written, passwords in URLs.

/** A loopback address per shop: each is refused as a private host at once, with no traffic. */
const refusedShop = (i: number) => `http://127.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/shop${i}`;

function storedCount(db: string): number {
  try {
    // Read-only: polling must never create or migrate the database the audit is creating.
    const store = openStore(db, { readOnly: true });
    try {
      const run = store.latestRun();
      return run ? run.shopsDone : 0;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

function startAudit(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'audit', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', () => {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return test();
}

describe('a long list of shops that fail at once', () => {
  it('stops within 5 s of SIGTERM, keeping the finished shops and saying how to resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-long-list-'));
    const list = join(dir, 'shops.txt');
    writeFileSync(list, `${Array.from({ length: 30_000 }, (_, i) => refusedShop(i)).join('\n')}\n`);
    const db = join(dir, 'audit.sqlite');
    const audit = startAudit([list, '--db', db, '--mode', 'static', '--label', 'long']);
    expect(await until(() => storedCount(db) >= 100, 60_000)).toBe(true);
    const signalled = Date.now();
    audit.child.kill('SIGTERM');
    const code = await audit.exited;
    const stopMs = Date.now() - signalled;
    console.log(`SIGTERM to exit with a 30,000-shop list: ${stopMs} ms`);
    expect(code).toBe(1);
    expect(stopMs).toBeLessThan(5_000);
    expect(audit.stderr()).toContain('shopreach audit --resume');
    const stored = storedCount(db);
    expect(stored).toBeGreaterThanOrEqual(100);
    expect(stored).toBeLessThan(30_000);
  }, 120_000);
});

function plannedCount(db: string): { planned: number; listPlanned: boolean } {
  try {
    const store = openStore(db, { readOnly: true });
    try {
      const run = store.latestRun();
      return {
        planned: run ? store.plannedCount(run.id) : 0,
        listPlanned: run?.options.listPlanned === true,
      };
    } finally {
      store.close();
    }
  } catch {
    return { planned: 0, listPlanned: false };
  }
}

describe('a run killed while its list was being read', () => {
  it('reads the list on where it was not planned yet, each shop planned once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-half-read-'));
    const list = join(dir, 'shops.txt');
    const shops = 150_000;
    writeFileSync(list, `${Array.from({ length: shops }, (_, i) => refusedShop(i)).join('\n')}\n`);
    const db = join(dir, 'audit.sqlite');
    const first = startAudit([list, '--db', db, '--mode', 'static', '--label', 'half']);
    expect(await until(() => storedCount(db) >= 1, 60_000)).toBe(true);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = plannedCount(db);
    expect(before.listPlanned).toBe(false);
    expect(before.planned).toBeLessThan(shops);
    const resumed = startAudit(['--resume', 'half', '--db', db]);
    const read = await until(() => plannedCount(db).listPlanned, 90_000);
    if (!read) console.log(resumed.stderr().slice(-2000));
    expect(read).toBe(true);
    resumed.child.kill('SIGTERM');
    expect(await resumed.exited).toBe(1);
    expect(resumed.stderr()).toContain('and the rest of its list');
    expect(resumed.stderr()).not.toContain('duplicate');
    expect(plannedCount(db).planned).toBe(shops);
  }, 180_000);
});

describe('a list still being written', () => {
  it('audits the first shops before the list has ended, and the rest once it does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-fifo-'));
    const list = join(dir, 'shops.txt');
    // A named pipe: reading the whole file first would wait for a writer that waits for the audit.
    const mkfifo = spawn('mkfifo', [list]);
    await new Promise((resolve) => mkfifo.on('exit', resolve));
    const db = join(dir, 'audit.sqlite');
    const audit = startAudit([list, '--db', db, '--mode', 'static', '--label', 'fifo']);
    const fd = openSync(list, 'w');
    writeSync(fd, `${refusedShop(0)}\n${refusedShop(1)}\n`);
    const firstStored = await until(() => storedCount(db) >= 1, 30_000);
    writeSync(fd, `${refusedShop(2)}\n`);
    closeSync(fd);
    expect(firstStored).toBe(true);
    expect(await audit.exited).toBe(0);
    expect(storedCount(db)).toBe(3);
  }, 60_000);
});

describe('a user name and password in a listed URL', () => {
  let site: FixtureSite;
  const authorizations: string[] = [];
  beforeAll(async () => {
    site = await new FixtureSite({
      '*': (req, res) => {
        if (req.headers.authorization) authorizations.push(req.headers.authorization);
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<html><body><p>Bel 020 794 5632 of mail info@winkel.example</p></body></html>');
      },
    }).start();
  });
  afterAll(async () => {
    await site.stop();
  });

  it('is never sent, stored or printed: the shop is audited without it, with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-credentials-'));
    const list = join(dir, 'shops.csv');
    const withPassword = site.url('/').replace('http://', 'http://alice:s3cret-pw@');
    writeFileSync(list, `url,name\n${withPassword},Winkel\n`);
    const db = join(dir, 'audit.sqlite');
    const audit = await runCli([
      'audit',
      list,
      '--db',
      db,
      '--mode',
      'static',
      '--allow-private-hosts',
      '--max-pages',
      '2',
      '--label',
      'credentials',
    ]);
    expect(audit.code).toBe(0);
    expect(audit.stderr).toMatch(/shops\.csv:2: the user name and password in the URL were removed/);
    const csv = await runCli(['export', '--db', db, '--format', 'csv']);
    const json = await runCli(['export', '--db', db, '--format', 'json']);
    const out = join(dir, 'report');
    const report = await runCli(['report', '--db', db, '--out', out]);
    const check = await runCli([
      'check',
      withPassword,
      '--allow-private-hosts',
      '--mode',
      'static',
      '--json',
    ]);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/user name and password in the URL were removed/);
    const reportText = readdirSync(out, { recursive: true })
      .filter((f) => String(f).endsWith('.html'))
      .map((f) => readFileSync(join(out, String(f)), 'utf8'))
      .join('\n');
    const stored = readdirSync(dir)
      .filter((f) => f.startsWith('audit.sqlite') && statSync(join(dir, f)).isFile())
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('\n');
    expect(authorizations).toEqual([]);
    expect(site.count('/')).toBeGreaterThan(0);
    for (const text of [
      audit.stdout,
      audit.stderr,
      csv.stdout,
      json.stdout,
      report.stdout,
      reportText,
      stored,
    ]) {
      expect(text).not.toContain('s3cret-pw');
      expect(text).not.toContain('alice');
    }
    for (const text of [check.stdout, check.stderr]) expect(text).not.toContain('s3cret-pw');
  }, 120_000);
});
