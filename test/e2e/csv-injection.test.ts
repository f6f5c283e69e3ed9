import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FixtureSite } from '../crawl/fixture-server.js';
import { runCli } from './run-cli.js';

// Every cell of the CSV export that carries outside text (the list's name and group, an
// override's reason, a page's addresses) must not run as a formula in a spreadsheet, whether
// the spreadsheet splits on commas or, as in much of Europe, on semicolons.

const FORMULA = /^\s*[=+\-@]|^[\t\r\n]/;
const NUMBERS = /^[+-]?\d+(?:\.\d+)?(?: [+-]?\d+(?:\.\d+)?)*$/;

let site: FixtureSite;
beforeAll(async () => {
  site = await new FixtureSite({
    '/': '<html lang="nl"><body><footer><p>Bel 020 794 5632</p><p>Mail: +formula@winkel.example of -hyphen@winkel.example</p></footer></body></html>',
  }).start();
});
afterAll(async () => {
  await site.stop();
});

function cellsAsSplitBy(csv: string, delimiter: string): string[] {
  return (parse(csv, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][]).flat();
}

it('neutralises every text cell of the CSV export, split on commas or on semicolons', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-csv-injection-'));
  const list = join(dir, 'shops.csv');
  writeFileSync(
    list,
    [
      'url,name,country,group',
      `${site.url('/')},"=HYPERLINK(""http://evil.example"",""x"")",NL,"books;=cmd|' /C calc'!A0"`,
      '',
    ].join('\n'),
  );
  const overrides = join(dir, 'overrides.yaml');
  writeFileSync(
    overrides,
    [
      `- shop: ${site.url('/').replace(/\/$/, '')}`,
      '  rule: email-present',
      '  outcome: pass',
      `  reason: "-2+3+cmd|' /C calc'!A0"`,
      '',
    ].join('\n'),
  );
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
    '1',
    '--overrides',
    overrides,
  ]);
  expect(audit.code, audit.stderr).toBe(0);
  const exported = await runCli(['export', '--db', db, '--format', 'csv']);
  expect(exported.code).toBe(0);
  const rows = parse(exported.stdout, { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(1);
  // The text survives, only defused.
  expect(rows[0].name).toBe(`'=HYPERLINK("http://evil.example","x")`);
  expect(rows[0].overrides).toContain("-2+3+cmd|' /C calc'!A0");
  for (const delimiter of [',', ';']) {
    const dangerous = cellsAsSplitBy(exported.stdout, delimiter).filter(
      (cell) => FORMULA.test(cell) && !NUMBERS.test(cell),
    );
    expect(dangerous, `split on "${delimiter}"`).toEqual([]);
  }
}, 120_000);
