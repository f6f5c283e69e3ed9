import type { Readable } from 'node:stream';
import { type FormatItem, MAX_ROW_CHARS } from './list-format.js';
import { listText } from './list-text.js';

function itemOf(text: string, line: number, overlong: boolean): FormatItem | null {
  if (overlong || text.length > MAX_ROW_CHARS)
    return { problem: { line, text: '', message: `the line is longer than ${MAX_ROW_CHARS} characters` } };
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  return { row: { line, text, fields: { url: trimmed.split(/\s+#/)[0] } } };
}

/**
 * A text list, line by line as it streams in: one URL per line, `#` starts a comment. Lines may end
 * in LF, CRLF or CR; the encoding is read from the first bytes (list-text.ts).
 */
export async function* txtRows(input: Readable): AsyncGenerator<FormatItem> {
  let carry = '';
  let line = 0;
  let overlong = false;
  for await (const chunk of listText(input)) {
    const text = carry + chunk;
    let start = 0;
    const breaks = /[\r\n]/g;
    for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
      const at = found.index;
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (text[at] === '\r' && at === text.length - 1) break;
      line += 1;
      const item = itemOf(text.slice(start, at), line, overlong);
      overlong = false;
      if (item) yield item;
      start = at + (text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1);
      breaks.lastIndex = start;
    }
    carry = text.slice(start);
    if (carry.length > MAX_ROW_CHARS) {
      // The rest of this line is dropped as it arrives; the line is reported once it ends.
      overlong = true;
      carry = '';
    }
  }
  const rest = carry.replace(/\r$/, '');
  if (carry !== '' || overlong) {
    if (carry.endsWith('\r')) {
      line += 1;
      const item = itemOf(rest, line, overlong);
      if (item) yield item;
    } else {
      const item = itemOf(rest, line + 1, overlong);
      if (item) yield item;
    }
  }
}
