import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/index.js';
import { CSV_FIXED_COLUMNS } from '../../src/report/csv.js';
import { csvColumns, csvDocument } from '../../src/report/csv-columns.js';

const CSV_MD = new URL('../../src/report/CSV.md', import.meta.url);

describe('the CSV column explanations', () => {
  it('in src/report/CSV.md are the catalogue’s (run npm run docs:csv after changing them)', () => {
    const markdown = readFileSync(CSV_MD, 'utf8');
    expect(csvDocument(markdown)).toBe(markdown);
    for (const column of CSV_FIXED_COLUMNS) expect(markdown).toContain(`| \`${column}\` |`);
  });

  it('explain every fixed column in every language, naming the values the data uses', () => {
    for (const lang of LANGUAGES) {
      const columns = csvColumns(lang);
      expect(columns.map((c) => c.column).slice(0, CSV_FIXED_COLUMNS.length)).toEqual([...CSV_FIXED_COLUMNS]);
      const status = columns.find((c) => c.column === 'status')?.meaning ?? '';
      expect(status).toContain('robots-disallowed');
      expect(columns.find((c) => c.column === 'score')?.meaning).toContain('74');
    }
    expect(csvColumns('de').find((c) => c.column === 'grade')?.meaning).toBe('A–F; leer ohne Bewertung');
  });
});
