import { describe, expect, it } from 'vitest';
import { LiteralSearch } from '../../src/extract/literal-search.js';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the search must agree with: every start of every pattern, by a case-insensitive regex per pattern. */
function expected(patterns: string[], text: string): string[] {
  const found: { at: number; pattern: number }[] = [];
  patterns.forEach((p, pattern) => {
    const re = new RegExp(`(?=${escapeRegex(p)})`, 'gi');
    for (const m of text.matchAll(re)) found.push({ at: m.index ?? 0, pattern });
  });
  found.sort((a, b) => a.at - b.at || a.pattern - b.pattern);
  return found.map((m) => `${m.at}:${m.pattern}`);
}

const actual = (search: LiteralSearch, text: string) =>
  search.matches(text).map((m) => `${m.at}:${m.pattern}`);

describe('LiteralSearch', () => {
  const patterns = [
    '$zopim',
    'zEmbed',
    'window.zESettings',
    'window.__lc',
    '__lc.license',
    'Tawk_API',
    "olark('api",
  ];
  const search = new LiteralSearch(patterns);

  it('finds patterns at the start, the end and in between, whatever their ASCII case', () => {
    const text = "$ZOPIM.livechat; var x = 1; WINDOW.zesettings = {}; olark('API')tawk_api";
    expect(actual(search, text)).toEqual(expected(patterns, text));
    expect(actual(search, text)).toEqual(['0:0', '28:2', '52:6', '64:5']);
  });

  it('finds overlapping matches and several patterns starting at one place, in list order', () => {
    const overlapping = new LiteralSearch(['abcabc', 'abcab', 'bcabca']);
    expect(actual(overlapping, 'xabcabcabc')).toEqual(['1:0', '1:1', '2:2', '4:0', '4:1']);
  });

  it('agrees with a regex on long texts with planted patterns', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = "abcdefghijklmnopqrstuvwxyz_.$(' ZEWLT{}é€";
    for (let round = 0; round < 50; round++) {
      let text = '';
      while (text.length < 3_000) {
        text +=
          random() < 0.01
            ? patterns[Math.floor(random() * patterns.length)]
            : alphabet[Math.floor(random() * alphabet.length)];
      }
      expect(actual(search, text)).toEqual(expected(patterns, text));
    }
  });

  it('folds only ASCII letters, like a regex with the i flag', () => {
    // U+212A KELVIN SIGN and U+017F LONG S are not "k" and "s" to a non-unicode /i regex.
    const search = new LiteralSearch(['kustomer.start(', 'smartsupp']);
    expect(actual(search, '\u212Austomer.start( \u017Fmartsupp KUSTOMER.START(')).toEqual(['26:0']);
    expect('\u212Austomer.start('.match(/kustomer\.start\(/i)).toBeNull();
  });

  it('finds nothing in texts shorter than the shortest pattern or without patterns', () => {
    expect(search.matches('')).toEqual([]);
    expect(search.matches('$zop')).toEqual([]);
    expect(search.matches('é'.repeat(500))).toEqual([]);
  });

  it('refuses patterns it cannot search for', () => {
    expect(() => new LiteralSearch([])).toThrow(/at least one/);
    expect(() => new LiteralSearch(['a'])).toThrow(/shorter/);
    expect(() => new LiteralSearch(['café'])).toThrow(/not ASCII/);
  });
});
