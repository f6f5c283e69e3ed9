import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedSampleShops, serveSampleShops } from '../../src/demo/serve-sample-shops.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from './run-cli.js';

let served: ServedSampleShops;
const urlOf = (slug: string) => served.shops.find((s) => s.shop.slug === slug)!.url;

beforeAll(async () => {
  served = await serveSampleShops();
});
afterAll(async () => {
  await served?.close();
});

describe('shopreach check', () => {
  it('prints the result shape as JSON for a loopback shop', async () => {
    const result = await runCli([
      'check',
      urlOf('exemplary'),
      '--allow-private-hosts',
      '--country',
      'NL',
      '--json',
      '--mode',
      'static',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.status).toBe('ok');
    expect(json.score).toBeGreaterThan(0);
    expect(json.contacts.phones.map((p: { e164: string }) => p.e164)).toContain('+31207945632');
    const phone = json.contacts.phones.find((p: { e164: string }) => p.e164 === '+31207945632');
    expect(phone.sightings.length).toBeGreaterThan(0);
    expect(json.contacts.emails.map((e: { address: string }) => e.address)).toContain(
      'service@voorbeeldwinkel.nl',
    );
    const rules = Object.fromEntries(
      json.findings.map((f: { rule: string; outcome: string }) => [f.rule, f.outcome]),
    );
    expect(rules['consumer-contact-findable']).toBe('pass');
    expect(rules['phone-present']).toBe('pass');
  });

  it('prints a readable verdict with advice in the terminal', async () => {
    const result = await runCli([
      'check',
      urlOf('premium-only'),
      '--allow-private-hosts',
      '--country',
      'NL',
      '--mode',
      'static',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/consumer-contact-findable|contact/i);
    expect(result.stdout).toMatch(/0900|\+319001234567/);
  });

  it('exits 2 when the score is below --min-score', async () => {
    const result = await runCli([
      'check',
      urlOf('nothing'),
      '--allow-private-hosts',
      '--mode',
      'static',
      '--min-score',
      '50',
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/below the minimum 50/);
  });

  it('refuses a loopback host without --allow-private-hosts', async () => {
    const result = await runCli(['check', urlOf('exemplary'), '--json', '--mode', 'static', '--lang', 'en']);
    // A site that could not be judged exits 3, the JSON still on stdout and the cause on stderr.
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/private, loopback or link-local address .*--allow-private-hosts/);
    const json = JSON.parse(result.stdout);
    expect(json.status).toBe('private-host');
    expect(json.score).toBeNull();
    expect(json.contacts.phones).toEqual([]);
  });

  it('exits 1 with one sentence for an invalid URL', async () => {
    const result = await runCli(['check', 'ftp://example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/only http and https/);
  });
});

describe('shopreach audit', () => {
  it('names the bad line, audits the other shops, and rates an unreachable shop as not rated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-audit-'));
    const list = join(dir, 'shops.txt');
    writeFileSync(
      list,
      ['# test list', urlOf('exemplary'), 'http://exa mple.nl', urlOf('nothing'), urlOf('unreachable')].join(
        '\n',
      ),
    );
    const db = join(dir, 'audit.sqlite');
    const result = await runCli([
      'audit',
      list,
      '--db',
      db,
      '--allow-private-hosts',
      '--mode',
      'static',
      '--country',
      'NL',
      '--label',
      'e2e',
      // A Dutch market speaks Dutch by default; these lines are checked in English.
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${list}:3: skipped`);
    expect(result.stdout).toMatch(/Audited 3 shops \(1 not rated\)/);
    const store = openStore(db);
    try {
      const run = store.findRunByLabel('e2e')!;
      const shops = store.shops(run.id);
      expect(shops).toHaveLength(3);
      const unreachable = shops.find((s) => s.target.url === urlOf('unreachable'))!;
      expect(unreachable.status).toBe('unreachable');
      expect(unreachable.score.score).toBeNull();
      expect(shops.find((s) => s.target.url === urlOf('nothing'))!.score.score).not.toBeNull();
    } finally {
      store.close();
    }
  });

  it('exits 1 with one clear sentence when the list file is missing', async () => {
    const result = await runCli(['audit', '/nonexistent/shops.csv', '--db', join(tmpdir(), 'unused.sqlite')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('shopreach: The shop list /nonexistent/shops.csv does not exist.');
  });
});

describe('shopreach rules', () => {
  it('lint passes on the shipped packs and names file and line of a broken rule', async () => {
    const clean = await runCli(['rules', 'lint']);
    expect(clean.code).toBe(0);

    const { cpSync, readFileSync } = await import('node:fs');
    const { RULES_DIR } = await import('../../src/common/paths.js');
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-rules-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    const file = join(dir, 'eu', 'phone-present.yaml');
    const text = readFileSync(file, 'utf8');
    const weightLine = text.split('\n').findIndex((line) => line.startsWith('weight:')) + 1;
    writeFileSync(file, text.replace(/^weight: .*$/m, 'weight: 99'));
    const broken = await runCli(['rules', 'lint', '--rules', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stdout + broken.stderr).toContain(`${file}:${weightLine}`);
  });

  it('explain prints a rule with its sources', async () => {
    const result = await runCli(['rules', 'explain', 'phone-not-premium-rate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/C-568\/15|CRD-21|2011\/83/);
  });
});
