import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { makeOutcome, makeRun } from '../report/fixtures.js';
import { CLI } from './run-cli.js';

// The commands that only read (runs, report, export) must serve a database the user may only read:
// a shared archive, read-only media. As root, file modes do not stop writes, so the CLI is run as
// the unprivileged user "nobody" there.

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) chmodSync(dir, 0o755);
});

function runAsReader(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: tmpdir(),
      env: { ...process.env, CI: '1', HOME: tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A database with one finished run, closed cleanly (its WAL files merged and removed). */
function readOnlyDatabase(folderWritable: boolean): { dir: string; db: string; digest: () => string } {
  const parent = mkdtempSync(join(tmpdir(), 'shopreach-readonly-db-'));
  chmodSync(parent, 0o755);
  const dir = join(parent, 'archive');
  mkdirSync(dir);
  const db = join(dir, 'archive.sqlite');
  const store = openStore(db);
  const runId = store.createRun(makeRun('archived-2026'));
  store.saveShop(runId, makeOutcome({ key: 'https://kept.example', name: 'Kept Shop', group: 'books' }));
  store.finishRun(runId, '2026-03-02T10:00:00.000Z');
  store.close();
  chmodSync(db, 0o444);
  chmodSync(dir, folderWritable ? 0o777 : 0o555);
  dirs.push(dir);
  return { dir, db, digest: () => createHash('sha256').update(readFileSync(db)).digest('hex') };
}

describe.each([
  ['a read-only file in a read-only folder', false],
  ['a read-only file in a folder others may write', true],
])('runs, report and export read %s', (_name, folderWritable) => {
  it('lists, exports and reports the run without writing to the database', async () => {
    const { dir, db, digest } = readOnlyDatabase(folderWritable);
    const before = digest();
    const runs = await runAsReader(['runs', '--db', db]);
    expect(runs.stderr).toBe('');
    expect(runs.code).toBe(0);
    expect(runs.stdout).toContain('archived-2026');
    const csv = await runAsReader(['export', '--db', db, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toContain('Kept Shop');
    const out = mkdtempSync(join(tmpdir(), 'shopreach-readonly-report-'));
    chmodSync(out, 0o777);
    const report = await runAsReader(['report', '--db', db, '--out', out]);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Kept Shop');
    expect(digest()).toBe(before);
    if (!folderWritable) expect(readdirSync(dir)).toEqual(['archive.sqlite']);
    expect(existsSync(`${db}-wal`) && readFileSync(`${db}-wal`).length > 0).toBe(false);
  }, 60_000);
});
