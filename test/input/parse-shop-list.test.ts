import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  type ListEntry,
  openShopList,
  parseShopList,
  ShopListError,
  seenInMemory,
  shopListEntries,
} from '../../src/input/index.js';

describe('txt lists', () => {
  it('reads one URL per line, skips comments and blank lines, and names the line of a bad URL', async () => {
    const list = [
      '# shops',
      'https://www.example.nl/',
      '',
      'ftp://files.example.com',
      'shop.example.de  # a comment',
      'not a url',
    ].join('\n');
    const { targets, problems } = await parseShopList(list, 'txt');
    expect(targets.map((t) => [t.url, t.line])).toEqual([
      ['https://www.example.nl/', 2],
      ['https://shop.example.de/', 5],
    ]);
    expect(problems.map((p) => p.line)).toEqual([4, 6]);
    expect(problems[0].message).toMatch(/only http and https/);
  });

  it('reports a duplicate shop with the line it repeats', async () => {
    const { targets, problems } = await parseShopList(
      'https://a.example.nl\r\nhttps://a.example.nl/\r\n',
      'txt',
    );
    expect(targets).toHaveLength(1);
    expect(problems).toEqual([
      {
        line: 2,
        text: 'https://a.example.nl/',
        key: 'list.duplicate',
        values: { line: 1 },
        message: 'duplicate of line 1',
      },
    ]);
  });

  it('refuses a line longer than 64 KB without holding it, and reads on after it', async () => {
    const list = `https://a.example.nl\n${'x'.repeat(200_000)}\nhttps://b.example.nl\n`;
    const { targets, problems } = await parseShopList(list, 'txt');
    expect(targets.map((t) => t.line)).toEqual([1, 3]);
    expect(problems).toEqual([
      {
        line: 2,
        text: '',
        key: 'list.lineTooLong',
        values: { max: 65536 },
        message: 'the line is longer than 65,536 characters',
      },
    ]);
  });
});

describe('csv lists', () => {
  it('reads url, name, country and group, and keeps good rows when one is bad', async () => {
    const csv =
      'URL,name,country,group\nhttps://a.example.nl,Shop A,nl,fashion\nhttps://b.example.de,Shop B,Germany,\nhttps://c.example.co.uk,"Shop, C",UK,books\n';
    const { targets, problems } = await parseShopList(csv, 'csv');
    expect(targets).toEqual([
      {
        key: 'https://a.example.nl',
        url: 'https://a.example.nl/',
        name: 'Shop A',
        country: 'NL',
        group: 'fashion',
        line: 2,
      },
      {
        key: 'https://c.example.co.uk',
        url: 'https://c.example.co.uk/',
        name: 'Shop, C',
        country: 'GB',
        group: 'books',
        line: 4,
      },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(3);
    expect(problems[0].message).toMatch(/two-letter ISO 3166/);
  });

  it('rejects a CSV without a url column, naming the columns it has', async () => {
    const { targets, problems } = await parseShopList('shop,naam\nhttps://a.example.nl,A\n', 'csv');
    expect(targets).toEqual([]);
    expect(problems[0].message).toMatch(/no column for the shop's URL: it has the columns "shop", "naam"/);
  });

  it('keeps the rows before a broken record and names the broken line', async () => {
    const csv = 'url,name\nhttps://a.example.nl,A\nhttps://b.example.nl,B\n"https://c.example.nl,C\n';
    const { targets, problems } = await parseShopList(csv, 'csv');
    expect(targets.map((t) => t.line)).toEqual([2, 3]);
    expect(problems).toEqual([
      {
        line: 4,
        text: '',
        key: 'list.csvUnreadableField',
        values: { field: 1, detail: expect.stringMatching(/Quote Not Closed/) },
        message: expect.stringMatching(/^the CSV cannot be read \(field 1\): Quote Not Closed/),
      },
    ]);
  });
});

describe('json lists', () => {
  it('accepts strings and objects, each with the line it starts on', async () => {
    const json = JSON.stringify(
      { shops: ['https://a.example.nl', { url: 'b.example.fr', country: 'FR' }, { name: 'no url' }] },
      null,
      2,
    );
    const { targets, problems } = await parseShopList(json, 'json');
    expect(targets.map((t) => [t.url, t.line])).toEqual([
      ['https://a.example.nl/', 3],
      ['https://b.example.fr/', 4],
    ]);
    expect(targets[1].country).toBe('FR');
    expect(problems).toEqual([
      { line: 8, text: '{"name":"no url"}', key: 'list.noUrl', values: {}, message: 'no url' },
    ]);
  });

  it('refuses a value of the wrong type in a row, with its line, and keeps the other rows', async () => {
    const json = [
      '[',
      '  {"url": 5},',
      '  {"url": "https://a.example.nl", "name": {"first": "A"}},',
      '  {"url": "https://b.example.nl", "group": ["x"]},',
      '  42,',
      '  {"url": "https://c.example.nl", "name": null}',
      ']',
    ].join('\n');
    const { targets, problems } = await parseShopList(json, 'json');
    expect(targets.map((t) => t.url)).toEqual(['https://c.example.nl/']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, '"url" must be text, not the number 5'],
      [3, '"name" must be text, not an object'],
      [4, '"group" must be text, not a list'],
      [5, 'each entry must be a URL or an object with a "url", not the number 42'],
    ]);
  });

  it('names the line and column of a syntax error, and keeps the entries before it', async () => {
    const json =
      '[\n  "https://a.example.nl",\n  "https://b.example.nl",\n  {"url": "https://c.example.nl",, }\n]';
    const { targets, problems } = await parseShopList(json, 'json');
    expect(targets.map((t) => t.url)).toEqual(['https://a.example.nl/', 'https://b.example.nl/']);
    expect(problems).toEqual([
      {
        line: 4,
        column: 34,
        text: '',
        key: 'list.jsonUnreadable',
        values: { detail: expect.any(String) },
        message: expect.stringMatching(/^the JSON cannot be read: /),
      },
    ]);
  });

  it('says where an unfinished JSON list ends', async () => {
    const { problems } = await parseShopList('[\n  {', 'json');
    expect(problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/JSON cannot be read/) });
  });

  it('says what shape a list must have', async () => {
    const { problems } = await parseShopList('{"shops": "https://a.example.nl"}', 'json');
    expect(problems[0].message).toMatch(/an array of shops, or an object with a "shops" array/);
  });
});

describe('credentials in a URL', () => {
  it('removes a user name and password, warns without repeating them, and keeps the shop', async () => {
    const { targets, problems, warnings } = await parseShopList(
      'https://alice:s3cret@a.example.nl/\nhttps://bob:hunter2@@\n',
      'txt',
    );
    expect(targets).toEqual([{ key: 'https://a.example.nl', url: 'https://a.example.nl/', line: 1 }]);
    expect(warnings).toEqual([
      {
        line: 1,
        text: 'https://a.example.nl/',
        key: 'list.credentialsRemoved',
        values: {},
        message: expect.stringMatching(/user name and password/),
      },
    ]);
    expect(JSON.stringify({ targets, problems, warnings })).not.toMatch(/s3cret|hunter2|alice|bob/);
  });
});

/** A source that gives its first chunk, then waits until told before it gives the rest. */
function heldBackSource(first: string, rest: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let restGiven = false;
  const stream = Readable.from(
    (async function* () {
      yield Buffer.from(first);
      await released;
      restGiven = true;
      yield Buffer.from(rest);
    })(),
  );
  return { stream, release, restGiven: () => restGiven };
}

describe('streaming', () => {
  for (const [format, first, rest] of [
    // csv-parse looks one character past a record before it gives it: the first chunk ends in the next row.
    ['txt', 'https://a.example.nl\nhttps://c.exa', 'mple.nl\nhttps://b.example.nl\n'],
    ['csv', 'url,name\nhttps://a.example.nl,A\nhttps://c.exa', 'mple.nl,C\nhttps://b.example.nl,B\n'],
    ['json', '[\n"https://a.example.nl",\n"https://c.exa', 'mple.nl",\n"https://b.example.nl"\n]'],
  ] as const) {
    it(`gives the first shop of a ${format} list before the rest has arrived`, async () => {
      const source = heldBackSource(first, rest);
      const entries = shopListEntries(source.stream, format, seenInMemory());
      const firstEntry = await entries.next();
      expect(firstEntry.value).toMatchObject({ kind: 'shop', target: { url: 'https://a.example.nl/' } });
      expect(source.restGiven()).toBe(false);
      source.release();
      const others: ListEntry[] = [];
      for await (const entry of entries) others.push(entry);
      expect(others).toMatchObject([
        { kind: 'shop', target: { url: 'https://c.example.nl/' } },
        { kind: 'shop', target: { url: 'https://b.example.nl/' } },
      ]);
    });
  }
});

describe('reading files', () => {
  it('gives one clear sentence for a missing file', () => {
    expect(() => openShopList('/nonexistent/shops.csv')).toThrow(ShopListError);
    expect(() => openShopList('/nonexistent/shops.csv')).toThrow(
      'The shop list /nonexistent/shops.csv does not exist.',
    );
  });

  it('picks the format from the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-input-'));
    const file = join(dir, 'shops.csv');
    writeFileSync(file, 'url\nhttps://a.example.nl\n');
    const entries: ListEntry[] = [];
    for await (const entry of openShopList(file)) entries.push(entry);
    expect(entries).toMatchObject([{ kind: 'shop', target: { key: 'https://a.example.nl' } }]);
  });
});
