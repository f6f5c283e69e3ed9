import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJunit } from 'junit2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifProblems } from '../report/sarif-schema.js';
import { type ServedOwnShops, serveOwnShops } from './own-shops.js';
import { cliTestTimeout, runCli } from './run-cli.js';

let shops: ServedOwnShops;
let dir: string;

beforeAll(async () => {
  shops = await serveOwnShops();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-check-'));
});
afterAll(async () => {
  await shops?.close();
});

// Each test runs the CLI at most twice; nothing here is about time, so each gets the hang guards of
// two runs (a check took 13-25 s on a loaded 2-core machine).

// The fixture shops are Dutch (NL market): these tests read the English lines, so they ask for them.
const LOCAL = ['--allow-private-hosts', '--mode', 'static', '--country', 'NL', '--lang', 'en'];

describe('check: output for action', { timeout: cliTestTimeout(2) }, () => {
  it('prints the two failures first, with page and element, and the passes as one count line', async () => {
    const result = await runCli(['check', shops.url('noaddress-noreply'), ...LOCAL]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const count = lines.indexOf('2 failures');
    expect(count).toBeGreaterThan(2);
    // law before good practice
    expect(lines[count + 1]).toMatch(/^ {2}✗ .*\[geographic-address-present · law · weight \d+\]$/);
    expect(lines[count + 2]).toMatch(/^ {6}→ Publish the street address/);
    const second = lines.findIndex((line) => line.includes('[email-not-noreply · good practice'));
    expect(second).toBe(count + 3);
    expect(lines[second + 1]).toBe(
      '      E-mail noreply@fietsenhuis-noord.nl on / (home page, 0 clicks) · footer, e-mail link',
    );
    expect(result.stdout).toContain(
      '      → noreply@fietsenhuis-noord.nl on /, /contact, /klantenservice (+3) is a no-reply address',
    );
    // Nothing of the passing rules but one count line.
    expect(result.stdout).not.toMatch(/✓ .*\[/);
    expect(result.stdout.match(/rules passed/g)).toHaveLength(1);
    expect(result.stdout).toMatch(
      /\n\d+ rules passed, \d+ not applicable, \d+ not assessable \(--verbose lists them\)\n/,
    );
  });

  it('shows a premium-only number with its evidence, before the good-practice failure', async () => {
    const result = await runCli(['check', shops.url('premium-noreply'), ...LOCAL]);
    const lines = result.stdout.split('\n');
    const first = lines.findIndex((line) => line.includes('[phone-not-premium-rate · law'));
    expect(first).toBeGreaterThan(0);
    expect(lines[first + 1]).toBe(
      '      Phone +319001234567 "0900 123 4567" on / (home page, 0 clicks) · footer, phone link',
    );
    expect(first).toBeLessThan(lines.findIndex((line) => line.includes('[email-not-noreply')));
  });

  it('counts clicks to findable details only, and says which detail is only in the terms, and where', async () => {
    const result = await runCli(['check', shops.url('terms-only'), ...LOCAL]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('✗ Phone and e-mail are not both easy to find');
    expect(lines[3]).toBe('  Findable phone: not findable · findable e-mail: not findable');
    expect(result.stdout).toContain(
      '      → +31503012345 appears only in the terms, privacy statement or withdrawal instructions (/voorwaarden, the terms and conditions page): repeat it on the contact or customer-service page and in the footer.',
    );
    expect(result.stdout).toContain(
      '      → hallo@fietsenhuis-noord.nl appears only in the terms, privacy statement or withdrawal instructions (/voorwaarden, the terms and conditions page): repeat it on the contact or customer-service page and in the footer.',
    );
  });

  it('an invalid number written as the phone makes phone-number-valid fail and names it', async () => {
    const result = await runCli(['check', shops.url('invalid-phone'), ...LOCAL]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ {2}✗ .*\[phone-number-valid · good practice · weight \d+\]/);
    expect(result.stdout).toContain(
      '      → +32 9 123 45 6 on /, /contact, /klantenservice (+3) is not a valid telephone number: check the digits and write it in full, with its area code (and country code), as it is dialled.',
    );
  });

  it('--quiet prints only the verdict and the failures; --verbose lists the passes', async () => {
    const quiet = await runCli(['check', shops.url('noaddress-noreply'), ...LOCAL, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('2 failures');
    expect(quiet.stdout).not.toContain('to check by hand');
    expect(quiet.stdout).not.toContain('Contact details found');
    const verbose = await runCli(['check', shops.url('noaddress-noreply'), ...LOCAL, '--verbose']);
    expect(verbose.stdout).toMatch(/✓ .*\[phone-present · law/);
    expect(verbose.stdout).toContain('Pages visited');
  });

  it('an unresolvable host exits 3 with one line naming the cause and the next step', async () => {
    const result = await runCli(['check', 'http://own-shop.invalid/', '--mode', 'static', '--lang', 'en']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'could not check http://own-shop.invalid/: the host name does not resolve (dns-error: getaddrinfo ENOTFOUND own-shop.invalid). Check the address for typos (and the DNS records of the domain).',
    ]);
  });

  it('an HTTP error and a robots.txt refusal each exit 3 with one line and the next step', async () => {
    const servers = [
      // robots.txt answers 404 (allowed); a 5xx robots.txt would itself mean "disallow all".
      createServer((req, res) =>
        res
          .writeHead(req.url === '/robots.txt' ? 404 : 500, { 'content-type': 'text/html' })
          .end('<h1>error</h1>'),
      ),
      createServer((req, res) =>
        req.url === '/robots.txt'
          ? res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n')
          : res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Shop</title><p>Hallo</p>'),
      ),
    ];
    try {
      const urls: string[] = [];
      for (const server of servers) {
        await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
        urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      }
      const failing = await runCli(['check', urls[0], ...LOCAL]);
      expect(failing.code).toBe(3);
      expect(failing.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(failing.stdout).toMatch(
        /^could not check .*: the site did not answer, or answered with an HTTP error \(unreachable: .*500.*\)\. Check that the site is up/,
      );
      const robots = await runCli(['check', urls[1], ...LOCAL]);
      expect(robots.code).toBe(3);
      expect(robots.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(robots.stdout).toMatch(
        /robots\.txt forbids crawling the home page \(robots-disallowed.*--ignore-robots/,
      );
    } finally {
      for (const server of servers) server.close();
    }
  });
});

describe('check: outputs for sharing and CI', { timeout: cliTestTimeout(2) }, () => {
  it('--output text,json,html,junit,sarif writes five files that their readers accept', async () => {
    const out = join(dir, 'five');
    const result = await runCli([
      'check',
      shops.url('noaddress-noreply'),
      ...LOCAL,
      '--output',
      'text,json,html,junit,sarif',
      '--output-path',
      out,
    ]);
    expect(result.code).toBe(0);
    const names = [
      'shopreach.txt',
      'shopreach.json',
      'shopreach.html',
      'shopreach.junit.xml',
      'shopreach.sarif',
    ];
    for (const name of names) expect(existsSync(join(out, name)), name).toBe(true);
    expect(readFileSync(join(out, 'shopreach.txt'), 'utf8')).toBe(result.stdout);
    expect(JSON.parse(readFileSync(join(out, 'shopreach.json'), 'utf8')).status).toBe('ok');

    const junit = (await parseJunit(readFileSync(join(out, 'shopreach.junit.xml'), 'utf8'))) as {
      testsuite: Array<{
        tests: number;
        failures: number;
        testcase: Array<{ name: string; failure?: unknown[] }>;
      }>;
    };
    const suite = junit.testsuite[0];
    const json = JSON.parse(readFileSync(join(out, 'shopreach.json'), 'utf8'));
    expect(suite.tests).toBe(json.findings.length);
    expect(suite.failures).toBe(2);
    const failed = suite.testcase.filter((c) => c.failure).map((c) => c.name.split(':')[0]);
    expect(failed.sort()).toEqual(['email-not-noreply', 'geographic-address-present']);

    const sarif = JSON.parse(readFileSync(join(out, 'shopreach.sarif'), 'utf8'));
    expect(sarifProblems(sarif)).toEqual([]);
    const results = sarif.runs[0].results as Array<{
      ruleId: string;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    }>;
    expect(results.map((r) => r.ruleId).sort()).toEqual(['email-not-noreply', 'geographic-address-present']);
    expect(results.find((r) => r.ruleId === 'geographic-address-present')?.level).toBe('error');
    for (const r of results)
      expect(
        r.locations[0].physicalLocation.artifactLocation.uri.startsWith(shops.url('noaddress-noreply')),
      ).toBe(true);

    const html = readFileSync(join(out, 'shopreach.html'), 'utf8');
    expect(html).toContain('noreply@fietsenhuis-noord.nl');
    expect(html).not.toMatch(/href="index\.html"|histogram|Score distribution/);
  });

  it('a site that could not be judged still gets its files, with the cause', async () => {
    const out = join(dir, 'unjudged');
    const result = await runCli([
      'check',
      'http://down.invalid/',
      '--mode',
      'static',
      '--output',
      'junit,sarif',
      '--output-path',
      out,
    ]);
    expect(result.code).toBe(3);
    const sarif = JSON.parse(readFileSync(join(out, 'shopreach.sarif'), 'utf8'));
    expect(sarifProblems(sarif)).toEqual([]);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(sarif.runs[0].results).toEqual([]);
    const junit = (await parseJunit(readFileSync(join(out, 'shopreach.junit.xml'), 'utf8'))) as {
      testsuite: Array<{ errors: number }>;
    };
    expect(junit.testsuite[0].errors).toBe(1);
  });

  it('--view without a program to open files says so and opens nothing', async () => {
    const empty = join(dir, 'no-opener');
    mkdirSync(empty, { recursive: true });
    const result = await runCli(
      ['check', shops.url('clean'), ...LOCAL, '--view', '--output-path', join(dir, 'view')],
      { env: { PATH: empty } },
    );
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'view', 'shopreach.html'))).toBe(true);
    expect(result.stderr).toMatch(/No program to open files was found .*; open .*shopreach\.html yourself\./);
  });
});

describe('check: configuration and thresholds', { timeout: cliTestTimeout(2) }, () => {
  function configDir(name: string, text: string, file = 'shopreach.config.yaml'): string {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, file), text);
    return folder;
  }

  it('exits 2 when failOn: [law] meets a shop that fails a law-level rule, and 0 when none fails', async () => {
    const folder = configDir(
      'law',
      [
        'urls:',
        `  - ${shops.url('no-address')}`,
        `  - url: ${shops.url('clean')}`,
        '    name: Fietsenhuis Noord',
        'defaults:',
        '  mode: static',
        '  country: NL',
        '  lang: en',
        '  failOn: [law]',
        '',
      ].join('\n'),
    );
    const both = await runCli(['check', '--allow-private-hosts'], { cwd: folder });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      `${shops.url('no-address')}: A rule fails (failOn: law): “No street address found (or only a PO box)”.`,
    );
    expect(both.stderr).not.toContain(`${shops.url('clean')}: `);
    expect(both.stdout).toContain('Fietsenhuis Noord (');
    const clean = await runCli(['check', shops.url('clean'), '--allow-private-hosts'], { cwd: folder });
    expect(clean.code).toBe(0);
  });

  it('exits 2 with failOn: [law] on a 0900-only shop (--config FILE, JSON)', async () => {
    const folder = configDir(
      'premium',
      JSON.stringify({ defaults: { mode: 'static', country: 'NL', lang: 'en', failOn: ['law'] } }, null, 2),
      'ci.json',
    );
    const result = await runCli(
      ['check', shops.url('premium-noreply'), '--allow-private-hosts', '--config', join(folder, 'ci.json')],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    // The rules are named by their titles: phone-not-premium-rate is the first.
    expect(result.stderr).toMatch(
      /rules fail \(failOn: law\): “Only a premium-rate or shared-cost telephone number is offered”[^\n]*\./,
    );
  });

  it('minScore and failOn from the command line; exit 3 wins over 2 when a site cannot be judged', async () => {
    const list = join(dir, 'sites.txt');
    writeFileSync(list, `${shops.url('premium-noreply')}\nhttp://gone.invalid/\n`);
    const out = join(dir, 'list');
    const result = await runCli(
      [
        'check',
        '--list',
        list,
        ...LOCAL,
        '--min-score',
        '99',
        '--output',
        'json,junit',
        '--output-path',
        out,
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/: Score \d+ is below the minimum 99\./);
    expect(result.stdout).toContain('could not check http://gone.invalid/');
    const junit = (await parseJunit(readFileSync(join(out, 'shopreach.junit.xml'), 'utf8'))) as {
      testsuite: unknown[];
    };
    expect(junit.testsuite).toHaveLength(2);
  });

  it('an invalid configuration is refused with file:line for each problem', async () => {
    const folder = configDir(
      'invalid',
      [
        'urls:',
        '  - https://shop.example',
        'defaults:',
        '  mode: fast',
        '  failOn: [law, Headline]',
        '  colour: red',
        '',
      ].join('\n'),
    );
    const file = join(folder, 'shopreach.config.yaml');
    const result = await runCli(['check'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:4: defaults.mode must be one of static, browser, auto`);
    expect(result.stderr).toContain(
      `${file}:5: defaults.failOn.1 must be law, interpretation, good-practice, headline or a rule id`,
    );
    expect(result.stderr).toContain(`${file}:6: unknown field "colour" in defaults`);
  });

  it('a failOn rule id that no rule set has is refused before anything is crawled', async () => {
    const folder = configDir(
      'unknown-rule',
      ['defaults:', '  failOn:', '    - law', '    - phone-is-pink', ''].join('\n'),
    );
    const result = await runCli(['check', 'http://never.invalid/'], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${join(folder, 'shopreach.config.yaml')}:4: failOn names "phone-is-pink", which is neither`,
    );
  });
});
