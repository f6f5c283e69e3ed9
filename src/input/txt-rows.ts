import type { Readable } from 'node:stream';
import { type FormatItem, MAX_ROW_CHARS } from './list-format.js';
import { listMessage, problemAt } from './list-message.js';
import { listText } from './list-text.js';

function itemOf(text: string, line: number, overlong: boolean): FormatItem | null {
  if (overlong || text.length > MAX_ROW_CHARS)
    return { problem: problemAt(line, '', listMessage('list.lineTooLong', { max: MAX_ROW_CHARS })) };
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  return { row: { line, text, fields: { url: trimmed.split(/\s+#/)[0] } } };
}

/** The lines of a text that end in it (LF, CRLF or CR), and the start of the next one. */
export function completeLines(text: string): { lines: string[]; rest: string } {
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
    if (found[0] === '\r' && found.index === text.length - 1) break;
    lines.push(text.slice(start, found.index));
    start = found.index + found[0].length;
  }
  return { lines, rest: text.slice(start) };
}

/** Numbers the lines of a text as its chunks arrive; a line longer than MAX_ROW_CHARS is never held. */
class NumberedLines {
  private carry = '';
  private line = 0;
  private overlong = false;

  *push(chunk: string): Generator<FormatItem> {
    const { lines, rest } = completeLines(this.carry + chunk);
    for (const text of lines) yield* this.item(text);
    this.carry = rest;
    if (this.carry.length > MAX_ROW_CHARS) {
      // The rest of this line is dropped as it arrives; the line is reported once it ends.
      this.overlong = true;
      this.carry = '';
    }
  }

  /** The last line, which has no line break after it. */
  *end(): Generator<FormatItem> {
    if (this.carry !== '' || this.overlong) yield* this.item(this.carry.replace(/\r$/, ''));
  }

  private *item(text: string): Generator<FormatItem> {
    this.line += 1;
    const item = itemOf(text, this.line, this.overlong);
    this.overlong = false;
    if (item) yield item;
  }
}

/**
 * A text list, line by line as it streams in: one URL per line, `#` starts a comment. Lines may end
 * in LF, CRLF or CR; the encoding is read from the first bytes (list-text.ts).
 */
export async function* txtRows(input: Readable): AsyncGenerator<FormatItem> {
  const lines = new NumberedLines();
  for await (const chunk of listText(input)) yield* lines.push(chunk);
  yield* lines.end();
}
