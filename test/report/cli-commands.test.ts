import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArgumentsCamelCase } from 'yargs';
import { type ExportArgs, exportCommand } from '../../src/cli/commands/export.js';
import { type ReportArgs, reportCommand } from '../../src/cli/commands/report.js';
import { openStore } from '../../src/store/index.js';
import { makeRun, sampleShops } from './fixtures.js';

let dir: string;
let db: string;
let printed: string;
let cwd: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-cli-'));
  db = join(dir, 'shopreach.sqlite');
  const store = openStore(db);
  const first = store.createRun(makeRun('Twinkle 100 / 2025'));
  store.saveShop(first, sampleShops()[0]);
  const second = store.createRun(makeRun('twinkle-2026'));
  for (const s of sampleShops()) store.saveShop(second, s);
  store.close();
  printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  cwd = process.cwd();
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(cwd);
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const reportArgs = (a: Partial<ReportArgs>) =>
  ({ _: [], $0: 'shopreach', db, lang: 'en', ...a }) as ArgumentsCamelCase<ReportArgs>;
const exportArgs = (a: Partial<ExportArgs>) =>
  ({ _: [], $0: 'shopreach', db, format: 'csv', ...a }) as ArgumentsCamelCase<ExportArgs>;

describe('shopreach report', () => {
  it('reports the latest run into reports/<label>/ and prints the index path', async () => {
    await reportCommand.handler(reportArgs({}));
    expect(printed).toBe(`${join('reports', 'twinkle-2026', 'index.html')}\n`);
    expect(existsSync(join(dir, 'reports', 'twinkle-2026', 'methodology.html'))).toBe(true);
  });

  it('takes a run by label, a comparison run, an output folder and a language', async () => {
    const out = join(dir, 'out');
    await reportCommand.handler(reportArgs({ run: '2', compare: 'Twinkle 100 / 2025', out, lang: 'nl' }));
    expect(printed).toBe(`${join(out, 'index.html')}\n`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html lang="nl">');
    expect(readFileSync(join(out, 'comparison.html'), 'utf8')).toContain('Twinkle 100 / 2025');
    await reportCommand.handler(reportArgs({ run: 'Twinkle 100 / 2025' }));
    expect(printed).toMatch(/reports[/\\]twinkle-100-2025-[0-9a-f]{8}[/\\]index\.html/);
  });

  it('fails with one clear sentence for an unknown run or a missing database', async () => {
    await expect(async () => reportCommand.handler(reportArgs({ run: 'nope' }))).rejects.toThrow(
      /no run "nope"/,
    );
    await expect(async () => reportCommand.handler(reportArgs({ compare: '77' }))).rejects.toThrow(
      /no run "77"/,
    );
    await expect(async () =>
      reportCommand.handler(reportArgs({ db: join(dir, 'missing.sqlite') })),
    ).rejects.toThrow(/There is no database at .*missing\.sqlite/);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
  });
});

describe('shopreach export', () => {
  it('prints CSV to stdout and writes JSON to a file', async () => {
    await exportCommand.handler(exportArgs({ run: '2' }));
    const lines = printed.trimEnd().split('\r\n');
    expect(lines[0].startsWith('key,url,name,country,group,status,score,grade,verdict,')).toBe(true);
    expect(lines).toHaveLength(5);
    const out = join(dir, 'run.json');
    await exportCommand.handler(exportArgs({ run: 'twinkle-2026', format: 'json', out }));
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.map((r: { target: { key: string } }) => r.target.key)).toEqual(
      sampleShops().map((s) => s.target.key),
    );
  });

  it('fails for an unknown run', async () => {
    await expect(async () => exportCommand.handler(exportArgs({ run: '9' }))).rejects.toThrow(/no run "9"/);
  });
});
