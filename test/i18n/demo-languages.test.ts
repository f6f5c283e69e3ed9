import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/index.js';
import { writeReport } from '../../src/report/index.js';
import type { RuleSet } from '../../src/rules/types.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../e2e/run-cli.js';
import { englishCataloguePhrases, englishRulePhrases, phrasesIn, readableText } from './english-text.js';

const LANGS: Lang[] = ['nl', 'de', 'fr'];
const dir = mkdtempSync(join(tmpdir(), 'shopreach-languages-'));
const db = join(dir, 'demo.sqlite');
const pages = new Map<Lang, Array<{ file: string; text: string }>>();
let ruleSets: RuleSet[] = [];

beforeAll(async () => {
  // Two demo runs, so that the report has a comparison page as well as its ranking, shop pages,
  // methodology and review worklist.
  for (const label of ['demo-a', 'demo-b']) {
    const result = await runCli(
      ['demo', '--mode', 'static', '--db', db, '--label', label, '--out', join(dir, label)],
      {
        timeoutMs: 180_000,
      },
    );
    expect(result.code, result.stderr).toBe(0);
  }
  const store = openStore(db, { readOnly: true });
  try {
    const [later, earlier] = store.listRuns();
    ruleSets = store.ruleSets(later.id);
    for (const lang of ['en', ...LANGS] as Lang[]) {
      const { files } = writeReport(store, later.id, {
        outDir: join(dir, `report-${lang}`),
        lang,
        compareRunId: earlier.id,
      });
      pages.set(
        lang,
        files
          .filter((f) => f.endsWith('.html'))
          .map((file) => ({ file, text: readableText(readFileSync(file, 'utf8')) })),
      );
    }
  } finally {
    store.close();
  }
}, 400_000);

describe('the demo report in every language', () => {
  it('has every kind of page, and the English one reads as English (the check can see English)', () => {
    const english = pages.get('en') ?? [];
    const names = english.map((p) => p.file.slice(dir.length));
    for (const page of ['index.html', 'methodology.html', 'review.html', 'comparison.html'])
      expect(
        names.some((name) => name.endsWith(`/${page}`)),
        page,
      ).toBe(true);
    expect(names.filter((name) => name.includes('/shops/')).length).toBeGreaterThan(5);
    const all = english.map((p) => p.text).join(' ');
    expect(phrasesIn(all, englishCataloguePhrases('de')).length).toBeGreaterThan(100);
  });

  it.each(LANGS)('in %s shows no English sentence of the message catalogue', (lang) => {
    const phrases = englishCataloguePhrases(lang);
    const found = (pages.get(lang) ?? []).flatMap((page) =>
      phrasesIn(page.text, phrases).map((phrase) => `${page.file.slice(dir.length)}: "${phrase}"`),
    );
    expect(found).toEqual([]);
  });
});

// Rule texts live in the rule files, one field per language; `rules lint` refuses a shipped rule
// that lacks one, so a report in any shipped language shows none of their English sentences.
describe('the demo report in every language, rule texts', () => {
  it.each(LANGS)('in %s shows no English sentence of the rule files', (lang) => {
    const phrases = englishRulePhrases(ruleSets, lang);
    expect(phrases.length).toBeGreaterThan(100);
    const found = (pages.get(lang) ?? []).flatMap((page) =>
      phrasesIn(page.text, phrases).map((phrase) => `${page.file.slice(dir.length)}: "${phrase}"`),
    );
    expect([...new Set(found.map((f) => f.replace(/^.*?: /, '')))]).toEqual([]);
  });
});
