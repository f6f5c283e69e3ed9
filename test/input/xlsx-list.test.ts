import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { type ListEntry, openShopList, shopListEntries } from '../../src/input/index.js';
import { rowCounter, XLSX_LIMITS } from '../../src/input/xlsx-rows.js';

const LIMITS = { ...XLSX_LIMITS };
afterEach(() => {
  Object.assign(XLSX_LIMITS, LIMITS);
});

async function entriesOf(bytes: Uint8Array): Promise<ListEntry[]> {
  const entries: ListEntry[] = [];
  for await (const entry of shopListEntries(Readable.from([Buffer.from(bytes)]), 'xlsx', null))
    entries.push(entry);
  return entries;
}

describe('Excel (.xlsx) lists', () => {
  it('reads the first sheet with Dutch headers, each shop with its row number', async () => {
    const file = await writeExcelFile([
      ['Overzicht webwinkels 2026'],
      [],
      ['Webadres', 'Naam', 'Land', 'Groep', 'Opmerking'],
      ['https://a.example.nl', 'Winkel A', 'NL', 'mode', 'ok'],
      [],
      ['b.example.de', 4711, 'de', 2026, null],
      [12345, 'Nummer', 'NL', null, null],
    ]).toBuffer();
    // A title row above the table is passed over: the first row naming a URL column is the header.
    expect(await entriesOf(file)).toEqual([
      {
        kind: 'shop',
        target: {
          key: 'https://a.example.nl',
          url: 'https://a.example.nl/',
          line: 4,
          name: 'Winkel A',
          country: 'NL',
          group: 'mode',
        },
      },
      {
        kind: 'shop',
        target: {
          key: 'https://b.example.de',
          url: 'https://b.example.de/',
          line: 6,
          name: '4711',
          country: 'DE',
          group: '2026',
        },
      },
      {
        kind: 'problem',
        problem: {
          line: 7,
          text: '12345;Nummer;NL;;',
          key: 'list.fieldNotText',
          values: { field: 'url', kind: 'number', value: '12345' },
          message: '"url" must be text, not the number 12345',
        },
      },
    ]);
  });

  it('names the columns of a header without a URL column, and the row it is on', async () => {
    const file = await writeExcelFile([
      ['Shop', 'Naam', 'Land'],
      ['https://a.example.nl', 'A', 'NL'],
    ]).toBuffer();
    const [entry] = await entriesOf(file);
    expect(entry).toMatchObject({ kind: 'problem', fatal: true, problem: { line: 1 } });
    expect(entry.kind === 'problem' && entry.problem.message).toContain(
      'the header row of the Excel file (row 1) has no column for the shop\'s URL: it has the columns "Shop", "Naam", "Land"',
    );
  });

  it('refuses a zip bomb by its real unpacked size, before the sheet is read', async () => {
    XLSX_LIMITS.unpackedBytes = 1024 * 1024;
    const sheet = `<worksheet>${' '.repeat(8 * 1024 * 1024)}</worksheet>`;
    const bomb = zipSync(
      {
        '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
        'xl/worksheets/sheet1.xml': new TextEncoder().encode(sheet),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(64 * 1024);
    const [entry] = await entriesOf(bomb);
    expect(entry).toMatchObject({ kind: 'problem', fatal: true });
    expect(entry.kind === 'problem' && entry.problem.message).toMatch(
      /unpacks to more than 1 MB.*save the list as CSV/,
    );
  });

  it('counts the rows of a sheet as it is unpacked, and refuses one past the limit', async () => {
    XLSX_LIMITS.rows = 1000;
    // Rows long enough that the sheet's XML is inflated in several chunks: a count that missed or
    // doubled a tag split between chunks would refuse the first sheet or read the second.
    const sheet = (rows: number) =>
      writeExcelFile([
        ['URL', 'Name'],
        ...Array.from({ length: rows - 1 }, (_, i) => [
          `https://shop${i}.example.de/`,
          `Shop ${'x'.repeat(i % 90)}`,
        ]),
      ]).toBuffer();
    const atLimit = await entriesOf(await sheet(1000));
    expect(atLimit).toHaveLength(999);
    expect(atLimit.every((entry) => entry.kind === 'shop')).toBe(true);
    const past = await entriesOf(await sheet(1001));
    expect(past).toHaveLength(1);
    expect(past[0].kind === 'problem' && past[0].problem.message).toBe(
      'the Excel file cannot be read: a sheet has more than 1,000 rows; save the list as CSV (UTF-8) from Excel instead',
    );
  });

  it('counts each row tag once wherever the chunks of the sheet split it', () => {
    const xml = new TextEncoder().encode(
      '<worksheet><sheetData><row r="1"><c/></row><x:row r="2"/><rows/><rowBreaks/><row>' +
        '<c><v>&lt;row </v></c></row></sheetData></worksheet>',
    );
    for (let cut = 0; cut <= xml.length; cut++) {
      const count = rowCounter();
      count(xml.subarray(0, cut));
      expect(count(xml.subarray(cut)), `split at ${cut}`).toBe(3);
    }
  });

  it('refuses a file that is too large, or no zip at all, in one sentence', async () => {
    XLSX_LIMITS.fileBytes = 1000;
    const [big] = await entriesOf(Buffer.alloc(5000, 1));
    expect(big.kind === 'problem' && big.problem.message).toMatch(/larger than .* MB/);
    Object.assign(XLSX_LIMITS, LIMITS);
    const [old] = await entriesOf(Buffer.from('\xd0\xcf\x11\xe0 an old .xls file', 'latin1'));
    expect(old.kind === 'problem' && old.problem.message).toMatch(/not a zip file.*\.xls/);
  });

  it('is chosen by the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-xlsx-'));
    const file = join(dir, 'Shops.XLSX');
    writeFileSync(file, await writeExcelFile([['URL'], ['https://a.example.fr']]).toBuffer());
    const entries: ListEntry[] = [];
    for await (const entry of openShopList(file)) entries.push(entry);
    expect(entries).toEqual([
      { kind: 'shop', target: expect.objectContaining({ url: 'https://a.example.fr/', line: 2 }) },
    ]);
  });
});
