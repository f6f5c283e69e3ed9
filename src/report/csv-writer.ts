/**
 * The one way shopreach writes CSV (every export and worklist goes through `csvTable`), so that no
 * cell carrying outside text (a list, a page, an override file, a reviewer) can run as a formula.
 */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A spreadsheet runs a cell as a formula when it starts with = + - @ (OWASP's CSV injection rule),
 * also after spaces or a tab, carriage return or line break; such a cell gets a leading apostrophe.
 */
const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r\n]/;
/**
 * Numbers and lists of them (an E.164 phone number "+31201234567", "-1.5") are left as they are: a
 * spreadsheet can at most add them up, and the apostrophe would spoil them for every other reader.
 */
const PLAIN_NUMBERS = /^[+-]?\d+(?:\.\d+)?(?: [+-]?\d+(?:\.\d+)?)*$/;
/**
 * Quoted when it holds a quote, a line break, or a separator: the comma, and the semicolon that
 * spreadsheets in much of Europe split on, which would otherwise start a new cell mid-text.
 */
const NEEDS_QUOTES = /[",;\r\n\t]|^\s|\s$/;

/**
 * A spreadsheet that splits on semicolons (or tabs) does not see the comma file's quotes, which
 * start mid-field for it: text after a separator or line break inside a cell would begin a cell of
 * its own, so a formula character there gets an apostrophe too.
 */
const FORMULA_AFTER_SEPARATOR = /([;,\t\r\n][ ]*)(?=[=+\-@])/g;

/** One cell, neutralised and quoted (RFC 4180). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  if (PLAIN_NUMBERS.test(value)) return value;
  let text = FORMULA_START.test(value) ? `'${value}` : value;
  text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: a header row and the rows, CRLF line ends, every cell through `csvCell`. */
export function csvTable(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
