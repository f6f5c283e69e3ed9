import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type FormatItem, MAX_ROW_CHARS } from './list-format.js';

function itemOf(text: string, line: number, overlong: boolean): FormatItem | null {
  if (overlong || text.length > MAX_ROW_CHARS)
    return { problem: { line, text: '', message: `the line is longer than ${MAX_ROW_CHARS} characters` } };
  const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
  const trimmed = clean.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  return { row: { line, text: clean, fields: { url: trimmed.split(/\s+#/)[0] } } };
}

/** A text list, line by line as it streams in: one URL per line, `#` starts a comment. */
export async function* txtRows(input: Readable): AsyncGenerator<FormatItem> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  let overlong = false;
  let first = true;
  for await (const chunk of input) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (first && text !== '') {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      line += 1;
      const item = itemOf(text.slice(start, end), line, overlong);
      overlong = false;
      if (item) yield item;
      start = end + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_ROW_CHARS) {
      // The rest of this line is dropped as it arrives; the line is reported once it ends.
      overlong = true;
      carry = '';
    }
  }
  const rest = carry + decoder.end();
  if (rest !== '' || overlong) {
    const item = itemOf(rest, line + 1, overlong);
    if (item) yield item;
  }
}
