import { CRAWL_STATUSES } from '../crawl/types.js';
import { type Lang, type MessageKey, translator } from '../i18n/index.js';
import { OUTCOMES } from '../rules/types.js';
import { LAW_FAILURE_CAP } from '../score/index.js';
import { CSV_FIXED_COLUMNS } from './csv.js';
import { type Html, html } from './escape.js';
import { scrollTable } from './html/layout.js';

type FixedColumn = (typeof CSV_FIXED_COLUMNS)[number];

/** Each fixed column's explanation in the catalogue: the one text behind CSV.md and the report. */
const COLUMN_KEYS: Record<FixedColumn, MessageKey> = {
  key: 'csv.column.key',
  url: 'csv.column.url',
  name: 'csv.column.name',
  country: 'csv.column.country',
  group: 'csv.column.group',
  status: 'csv.column.status',
  score: 'csv.column.score',
  grade: 'csv.column.grade',
  verdict: 'csv.column.verdict',
  phone_clicks: 'csv.column.phone_clicks',
  email_clicks: 'csv.column.email_clicks',
  phones: 'csv.column.phones',
  emails: 'csv.column.emails',
  faxes: 'csv.column.faxes',
  overrides: 'csv.column.overrides',
};

/** The CSV's columns and what each means, in a language; the rule columns last, as one row. */
export function csvColumns(lang: Lang): Array<{ column: string; meaning: string; code: boolean }> {
  const t = translator(lang);
  const values = {
    statuses: CRAWL_STATUSES.join(', '),
    outcomes: OUTCOMES.join(', '),
    cap: LAW_FAILURE_CAP,
  };
  return [
    ...CSV_FIXED_COLUMNS.map((column) => ({ column, meaning: t(COLUMN_KEYS[column], values), code: true })),
    { column: t('csv.column.rules'), meaning: t('csv.column.ruleMeaning', values), code: false },
  ];
}

/** The column explanations as an HTML table, for the report's data section. */
export function csvColumnTable(lang: Lang): Html {
  const t = translator(lang);
  const rows = csvColumns(lang).map(
    (c) =>
      html`<tr><th scope="row">${c.code ? html`<code>${c.column}</code>` : c.column}</th><td>${c.meaning}</td></tr>`,
  );
  return scrollTable(
    t('report.csvColumnsTitle'),
    html`<table><thead><tr><th scope="col">${t('report.column')}</th><th scope="col">${t('report.meaning')}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  );
}

/** The column explanations as the Markdown table of src/report/CSV.md (English). */
export function csvColumnsMarkdown(): string {
  const rows = csvColumns('en').map((c) => `| ${c.code ? `\`${c.column}\`` : c.column} | ${c.meaning} |`);
  return ['| column | meaning |', '| --- | --- |', ...rows].join('\n');
}

const START = '<!-- columns: written by npm run docs:csv from src/i18n/locales/en.json -->';
const END = '<!-- end of columns -->';

/** CSV.md with its column table replaced by the one from the catalogue. */
export function csvDocument(markdown: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`CSV.md lacks the markers ${START} … ${END}`);
  return `${markdown.slice(0, start + START.length)}\n${csvColumnsMarkdown()}\n${markdown.slice(end)}`;
}
