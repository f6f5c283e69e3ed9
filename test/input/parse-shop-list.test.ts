import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShopList, readShopList, ShopListError } from '../../src/input/index.js';

describe('txt lists', () => {
  it('reads one URL per line, skips comments and blank lines, and names the line of a bad URL', () => {
    const list = [
      '# shops',
      'https://www.example.nl/',
      '',
      'ftp://files.example.com',
      'shop.example.de  # a comment',
      'not a url',
    ].join('\n');
    const { targets, problems } = parseShopList(list, 'txt');
    expect(targets.map((t) => [t.url, t.line])).toEqual([
      ['https://www.example.nl/', 2],
      ['https://shop.example.de/', 5],
    ]);
    expect(problems.map((p) => p.line)).toEqual([4, 6]);
    expect(problems[0].message).toMatch(/only http and https/);
  });

  it('reports a duplicate shop with the line it repeats', () => {
    const { targets, problems } = parseShopList('https://a.example.nl\nhttps://a.example.nl/\n', 'txt');
    expect(targets).toHaveLength(1);
    expect(problems).toEqual([{ line: 2, text: 'https://a.example.nl/', message: 'duplicate of line 1' }]);
  });
});

describe('csv lists', () => {
  it('reads url, name, country and group, and keeps good rows when one is bad', () => {
    const csv =
      'URL,name,country,group\nhttps://a.example.nl,Shop A,nl,fashion\nhttps://b.example.de,Shop B,Germany,\nhttps://c.example.co.uk,"Shop, C",UK,books\n';
    const { targets, problems } = parseShopList(csv, 'csv');
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

  it('rejects a CSV without a url column', () => {
    const { targets, problems } = parseShopList('site,name\nhttps://a.example.nl,A\n', 'csv');
    expect(targets).toEqual([]);
    expect(problems[0].message).toMatch(/no "url" column/);
  });
});

describe('json lists', () => {
  it('accepts strings and objects, and numbers the entries', () => {
    const json = JSON.stringify({
      shops: ['https://a.example.nl', { url: 'b.example.fr', country: 'FR' }, { name: 'no url' }],
    });
    const { targets, problems } = parseShopList(json, 'json');
    expect(targets.map((t) => t.url)).toEqual(['https://a.example.nl/', 'https://b.example.fr/']);
    expect(targets[1].country).toBe('FR');
    expect(problems).toEqual([{ line: 3, text: '{"name":"no url"}', message: 'no url' }]);
  });

  it('says so when the JSON is broken', () => {
    expect(parseShopList('[{', 'json').problems[0].message).toMatch(/JSON cannot be read/);
  });
});

describe('reading files', () => {
  it('gives one clear sentence for a missing file', () => {
    expect(() => readShopList('/nonexistent/shops.csv')).toThrow(ShopListError);
    expect(() => readShopList('/nonexistent/shops.csv')).toThrow(
      'The shop list /nonexistent/shops.csv does not exist.',
    );
  });

  it('picks the format from the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-input-'));
    const file = join(dir, 'shops.csv');
    writeFileSync(file, 'url\nhttps://a.example.nl\n');
    expect(readShopList(file).targets[0].key).toBe('https://a.example.nl');
  });
});
