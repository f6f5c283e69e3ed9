import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/input/csv-rows.js';
import { parseShopList, shopListEntries } from '../../src/input/index.js';
import { headerKey, mapHeader } from '../../src/input/list-columns.js';

const shops = (parsed: Awaited<ReturnType<typeof parseShopList>>) =>
  parsed.targets.map((t) => [t.line, t.url, t.name ?? null, t.country ?? null, t.group ?? null]);

async function fromBytes(bytes: Buffer, format: 'csv' | 'txt') {
  const entries = [];
  // One byte a chunk: the BOM, a CRLF and a multi-byte character are cut between chunks.
  const chunks = [...bytes].map((byte) => Buffer.from([byte]));
  for await (const entry of shopListEntries(Readable.from(chunks), format, null)) entries.push(entry);
  return entries;
}

describe('lists as Excel saves them', () => {
  it('reads a semicolon list with a BOM, CRLF and Dutch headers (URL;Naam;Land;Groep)', async () => {
    const csv =
      '\uFEFFURL;Naam;Land;Groep\r\nhttps://a.example.nl;Winkel A;NL;mode\r\nb.example.be;"B; en zonen";be;\r\n';
    const parsed = await parseShopList(csv, 'csv');
    expect(parsed.problems).toEqual([]);
    expect(shops(parsed)).toEqual([
      [2, 'https://a.example.nl/', 'Winkel A', 'NL', 'mode'],
      [3, 'https://b.example.be/', 'B; en zonen', 'BE', null],
    ]);
  });

  it('reads German headers (Webseite;Name;Land), CR line ends and a row after a broken one', async () => {
    const csv =
      'Webseite;Name;Land\rhttps://a.example.de;Müller GmbH;DE\rnot a url;X;DE\rhttps://b.example.at;B;AT\r';
    const parsed = await parseShopList(csv, 'csv');
    expect(shops(parsed)).toEqual([
      [2, 'https://a.example.de/', 'Müller GmbH', 'DE', null],
      [4, 'https://b.example.at/', 'B', 'AT', null],
    ]);
    expect(parsed.problems).toEqual([
      {
        line: 3,
        text: 'not a url;X;DE',
        key: 'list.invalidUrl',
        values: { url: 'not a url' },
        message: expect.any(String),
      },
    ]);
  });

  it('reads French headers with accents and any case, tab separated (Adresse web, Nom, Pays, Catégorie)', async () => {
    const csv = 'ADRESSE WEB\tNom\tpays\tCATEGORIE\nboutique.example.fr\tLa Boutique\tFR\tmaison\n';
    expect(shops(await parseShopList(csv, 'csv'))).toEqual([
      [2, 'https://boutique.example.fr/', 'La Boutique', 'FR', 'maison'],
    ]);
  });

  it('reads a Windows-1252 file (Excel "CSV" on Windows) and a UTF-16 one (Excel "Unicode text")', async () => {
    const latin = Buffer.from('URL;Naam;Land\r\nhttps://a.example.de;Bäckerei Müller;DE\r\n', 'latin1');
    const entries = await fromBytes(latin, 'csv');
    expect(entries).toEqual([
      { kind: 'shop', target: expect.objectContaining({ name: 'Bäckerei Müller', line: 2 }) },
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Website\tNaam\r\nhttps://c.example.nl\tCafé Çà\r\n', 'utf16le'),
    ]);
    expect(await fromBytes(utf16, 'csv')).toEqual([
      { kind: 'shop', target: expect.objectContaining({ url: 'https://c.example.nl/', name: 'Café Çà' }) },
    ]);
  });

  it('stays UTF-8 once a UTF-8 character was read: a later stray byte is U+FFFD, not a new encoding', async () => {
    const bytes = Buffer.concat([
      Buffer.from('url;naam\nhttps://a.example.nl;Één\nhttps://b.example.nl;B', 'utf8'),
      Buffer.from([0xe4]),
      Buffer.from('r\n', 'utf8'),
    ]);
    const names = (await fromBytes(bytes, 'csv')).map((e) => (e.kind === 'shop' ? e.target.name : null));
    expect(names).toEqual(['Één', 'B\uFFFDr']);
  });

  it('keeps a BOM, CRLF and UTF-8 character cut between chunks whole', async () => {
    const bytes = Buffer.from('\uFEFFurl;naam\r\nhttps://a.example.nl;Überall\r\n', 'utf8');
    expect(await fromBytes(bytes, 'csv')).toEqual([
      { kind: 'shop', target: expect.objectContaining({ name: 'Überall', line: 2 }) },
    ]);
    const txt = Buffer.from(
      '\uFEFFhttps://a.example.nl\r\nhttps://b.example.nl\rhttps://c.example.nl\n',
      'utf8',
    );
    const lines = (await fromBytes(txt, 'txt')).map((e) => (e.kind === 'shop' ? e.target.line : -1));
    expect(lines).toEqual([1, 2, 3]);
  });

  it('finds the header after comment lines, and refuses a header without a URL column by naming it', async () => {
    const csv = '# shops 2026\n\nShop;Naam;Land\nhttps://a.example.nl;A;NL\n';
    const parsed = await parseShopList(csv, 'csv');
    expect(parsed.targets).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].line).toBe(3);
    expect(parsed.problems[0].message).toContain('it has the columns "Shop", "Naam", "Land"');
    expect(parsed.problems[0].message).toContain('"url", "website", "webadres", "webseite", "site"');
  });
});

describe('header names', () => {
  it('compare without case, accents and separators', () => {
    expect(
      ['Shop-URL', 'shop_url', ' Shop  URL ', 'Ländercode', 'Catégorie', 'Straße'].map(headerKey),
    ).toEqual(['shop url', 'shop url', 'shop url', 'landercode', 'categorie', 'strasse']);
  });

  it('give each field one column: the name listed first wins, other columns are ignored', () => {
    expect(mapHeader(['Webshop', 'URL', 'Naam', 'Opmerking'])).toEqual({ url: 1, name: 2 });
    expect(mapHeader(['Nr', 'Shop-URL', 'Groupe', 'Pays'])).toEqual({ url: 1, group: 2, country: 3 });
    expect(mapHeader(['Shop', 'Bemerkung'])).toEqual({});
  });

  it('the delimiter is the one the header uses most outside quotes', () => {
    expect(detectDelimiter('URL;Naam;Land')).toBe(';');
    expect(detectDelimiter('url,name')).toBe(',');
    expect(detectDelimiter('"Web, site";Naam')).toBe(';');
    expect(detectDelimiter('url\tname\tcountry')).toBe('\t');
    expect(detectDelimiter('url')).toBe(',');
  });
});
