import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { type ServedSampleShops, serveSampleShops } from '../../src/demo/serve-sample-shops.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from './run-cli.js';

// Shop lists as people keep them (exported from Excel in the Netherlands or Germany, or the Excel
// file itself), audited by the built CLI against loopback sample shops.

let served: ServedSampleShops;
let dir: string;
const urlOf = (slug: string) => served.shops.find((s) => s.shop.slug === slug)!.url;
const SLUGS = ['exemplary', 'nothing', 'premium-only'];

beforeAll(async () => {
  served = await serveSampleShops();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-lists-'));
});
afterAll(async () => {
  await served?.close();
});

/** A list as Excel saves "CSV (semicolon)": byte-order mark, semicolons, CRLF. */
function excelCsv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((row) => row.join(';')).join('\r\n')}\r\n`, 'utf8');
}

async function audit(list: string, label: string) {
  const db = join(dir, `${label}.sqlite`);
  const result = await runCli([
    'audit',
    list,
    '--db',
    db,
    '--allow-private-hosts',
    '--mode',
    'static',
    '--label',
    label,
  ]);
  const store = openStore(db);
  try {
    const run = store.findRunByLabel(label)!;
    const shops = store.shops(run.id).map((shop) => ({
      url: shop.target.url,
      name: shop.target.name,
      country: shop.target.country,
      status: shop.status,
    }));
    return { result, shops: shops.sort((a, b) => a.url.localeCompare(b.url)) };
  } finally {
    store.close();
  }
}

/** Every line on stderr is a shop's progress: no row was skipped, no header or encoding warning. */
function expectOnlyProgress(stderr: string) {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines.filter((line) => !/^\[\d\/3\] http:\/\/127\.0\.0\.1:\d+\/ /.test(line))).toEqual([]);
  expect(lines).toHaveLength(3);
}

const expected = (names: string[], country: string) =>
  SLUGS.map((slug, i) => ({ url: urlOf(slug), name: names[i], country, status: 'ok' })).sort((a, b) =>
    a.url.localeCompare(b.url),
  );

describe('lists people have', () => {
  it('audits every shop of a Dutch Excel CSV export (BOM, semicolons, CRLF, Dutch headers)', async () => {
    const names = ['Voorbeeld B.V.', 'Niets & Zo', 'Duur; bellen'];
    const list = join(dir, 'winkels.csv');
    writeFileSync(
      list,
      excelCsv([
        ['Webadres', 'Naam', 'Land', 'Groep'],
        ...SLUGS.map((slug, i) => [urlOf(slug), i === 2 ? `"${names[i]}"` : names[i], 'NL', 'mode']),
      ]),
    );
    const { result, shops } = await audit(list, 'nl-csv');
    expectOnlyProgress(result.stderr);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Audited 3 shops/);
    expect(shops).toEqual(expected(names, 'NL'));
  }, 120_000);

  it('audits every shop of a German Excel CSV export (BOM, semicolons, CRLF, German headers)', async () => {
    const names = ['Musterhändler GmbH', 'Größenwahn KG', 'Teuer & Söhne'];
    const list = join(dir, 'händler.csv');
    writeFileSync(
      list,
      excelCsv([
        ['Webseite', 'Name', 'Land', 'Gruppe'],
        ...SLUGS.map((slug, i) => [urlOf(slug), names[i], 'de', 'A']),
      ]),
    );
    const { result, shops } = await audit(list, 'de-csv');
    expectOnlyProgress(result.stderr);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Audited 3 shops/);
    expect(shops).toEqual(expected(names, 'DE'));
  }, 120_000);

  it('audits every shop of an Excel (.xlsx) list with French headers under a title row', async () => {
    const names = ['Boutique Exemple', 'Rien du tout', 'Numéro surtaxé'];
    const list = join(dir, 'boutiques.xlsx');
    writeFileSync(
      list,
      await writeExcelFile([
        ['Boutiques 2026'],
        ['Site', 'Nom', 'Pays'],
        ...SLUGS.map((slug, i) => [urlOf(slug), names[i], 'FR']),
      ]).toBuffer(),
    );
    const { result, shops } = await audit(list, 'fr-xlsx');
    expectOnlyProgress(result.stderr);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Audited 3 shops/);
    expect(shops).toEqual(expected(names, 'FR'));
  }, 120_000);

  it('exits 1 on a header without a URL column, naming the columns it saw and the names accepted', async () => {
    const csv = join(dir, 'geen-url.csv');
    writeFileSync(
      csv,
      excelCsv([
        ['Winkel', 'Naam', 'Land'],
        [urlOf('exemplary'), 'A', 'NL'],
      ]),
    );
    const fromCsv = await runCli([
      'audit',
      csv,
      '--db',
      join(dir, 'bad-csv.sqlite'),
      '--allow-private-hosts',
    ]);
    expect(fromCsv.code).toBe(1);
    expect(fromCsv.stderr).toContain(`${csv}:1: the CSV header has no column for the shop's URL`);
    expect(fromCsv.stderr).toContain('it has the columns "Winkel", "Naam", "Land"');
    expect(fromCsv.stderr).toMatch(/Name the URL column "url", .*"webadres", "webseite", "site"/);

    const xlsx = join(dir, 'keine-url.xlsx');
    writeFileSync(
      xlsx,
      await writeExcelFile([
        ['Händler', 'Name'],
        [urlOf('exemplary'), 'A'],
      ]).toBuffer(),
    );
    const fromXlsx = await runCli([
      'audit',
      xlsx,
      '--db',
      join(dir, 'bad-xlsx.sqlite'),
      '--allow-private-hosts',
    ]);
    expect(fromXlsx.code).toBe(1);
    expect(fromXlsx.stderr).toContain('it has the columns "Händler", "Name"');
  }, 120_000);
});
