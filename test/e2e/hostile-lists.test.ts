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
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { FixtureSite } from '../crawl/fixture-server.js';
import { type CliProcess, spawnCli } from '../queue/cli-process.js';
import { pollUntil } from '../waiting.js';
import { cliTestTimeout, runCli } from './run-cli.js';

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

const audits: CliProcess[] = [];
function startAudit(args: string[]): CliProcess {
  const audit = spawnCli(['audit', ...args]);
  audits.push(audit);
  return audit;
}
// A test that fails while its audit runs leaves no process behind (kill is a no-op once it ended).
afterEach(() => {
  for (const audit of audits.splice(0)) audit.child.kill('SIGKILL');
});

/** The progress line the CLI prints once the nth shop of the run is stored ("[n/total] …"). */
const storedLine = (n: number) => new RegExp(`^\\[${n}/\\d+\\] `);

describe('a long list of shops that fail at once', () => {
  it('stops within 5 s of SIGTERM, keeping the finished shops and saying how to resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-long-list-'));
    const list = join(dir, 'shops.txt');
    writeFileSync(list, `${Array.from({ length: 30_000 }, (_, i) => refusedShop(i)).join('\n')}\n`);
    const db = join(dir, 'audit.sqlite');
    const audit = startAudit([list, '--db', db, '--mode', 'static', '--label', 'long']);
    await audit.waitFor(storedLine(100), 120_000);
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
  }, 240_000);
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
    await first.waitFor(storedLine(1), 120_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = plannedCount(db);
    expect(before.listPlanned).toBe(false);
    expect(before.planned).toBeLessThan(shops);
    const resumed = startAudit(['--resume', 'half', '--db', db]);
    // Only the database says when the whole list is planned: no line or event tells.
    await pollUntil('the resumed run planned its whole list', () => plannedCount(db).listPlanned, {
      timeoutMs: 150_000,
      everyMs: 100,
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${resumed.stderr().slice(-2000)}`);
    });
    resumed.child.kill('SIGTERM');
    expect(await resumed.exited).toBe(1);
    expect(resumed.stderr()).toContain('and the rest of its list');
    expect(resumed.stderr()).not.toContain('duplicate');
    expect(plannedCount(db).planned).toBe(shops);
  }, 360_000);
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
    // The first shop stored while the writer still holds the list open: the audit did not wait for its end.
    try {
      await audit.waitFor(storedLine(1), 120_000);
      expect(storedCount(db)).toBeGreaterThanOrEqual(1);
      writeSync(fd, `${refusedShop(2)}\n`);
    } finally {
      closeSync(fd);
    }
    expect(await audit.exited).toBe(0);
    expect(storedCount(db)).toBe(3);
  }, 180_000);
});

// It runs the CLI five times: their hang guards, not a clock, bound the test.
describe('a user name and password in a listed URL', { timeout: cliTestTimeout(5) }, () => {
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
  });
});
