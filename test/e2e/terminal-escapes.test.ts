import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleShops } from '../../src/demo/sample-shops.js';
import { type ServedSampleShops, serveSampleShops } from '../../src/demo/serve-sample-shops.js';
import { runCli } from './run-cli.js';

// A name that would retitle the window, clear the screen and reverse the rest of the line.
const HOSTILE = 'Evil \u001b]0;owned\u0007\u001b[2J\u202eShop\u0085';

function expectClean(text: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(text).not.toContain('owned');
  expect(text).not.toContain('[2J');
}

let served: ServedSampleShops;
let dir: string;
const exemplary = () => served.shops.find((s) => s.shop.slug === 'exemplary')!.url;

beforeAll(async () => {
  served = await serveSampleShops(sampleShops().filter((s) => s.slug === 'exemplary'));
  dir = mkdtempSync(join(tmpdir(), 'shopreach-escapes-'));
});
afterAll(async () => {
  await served?.close();
});

describe('terminal lines built from shop data carry no control characters', () => {
  it('check prints a hostile shop name as plain text', async () => {
    const result = await runCli([
      'check',
      exemplary(),
      '--name',
      HOSTILE,
      '--allow-private-hosts',
      '--mode',
      'static',
      '--verbose',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Evil');
    expectClean(result.stdout);
    expectClean(result.stderr);
  });

  it('audit prints hostile names in its per-shop lines, and runs a hostile label', async () => {
    const list = join(dir, 'shops.csv');
    writeFileSync(list, `url,name\n${exemplary()},"${HOSTILE}"\n`);
    const db = join(dir, 'audit.sqlite');
    const audit = await runCli([
      'audit',
      list,
      '--db',
      db,
      '--label',
      `run ${HOSTILE}`,
      '--allow-private-hosts',
      '--mode',
      'static',
    ]);
    expect(audit.code).toBe(0);
    expect(audit.stderr).toContain('[1/1]');
    expect(audit.stderr).toContain('Evil');
    expectClean(audit.stderr);
    expectClean(audit.stdout);
    const runs = await runCli(['runs', '--db', db]);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toContain('Evil');
    expectClean(runs.stdout.replace(/\t/g, ' ').replace(/\n/g, ' '));
  });

  it('an error that echoes the URL given prints it without its escapes', async () => {
    const result = await runCli(['check', `ftp://shop.example/${HOSTILE}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/only http and https/);
    expectClean(result.stderr.replace(/\n$/, ''));
  });
});
