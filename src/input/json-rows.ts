import type { Readable } from 'node:stream';
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { BytePositions, type TextPosition } from './byte-position.js';
import { type FormatItem, MAX_ROW_CHARS } from './list-format.js';
import { type ListMessage, listMessage, problemAt } from './list-message.js';
import { kindOf } from './row-schema.js';

const VALUE_START = new Set([
  TokenType.LEFT_BRACE,
  TokenType.LEFT_BRACKET,
  TokenType.STRING,
  TokenType.NUMBER,
  TokenType.TRUE,
  TokenType.FALSE,
  TokenType.NULL,
]);
/** A problem with the list's structure, at a byte offset. */
class JsonListError extends Error {
  constructor(
    readonly says: ListMessage,
    readonly offset: number,
  ) {
    super(says.message);
  }
}

/**
 * Follows the structure of the list as its tokens stream by: where the list of shops sits (the root
 * array, or the root object's "shops"), and where each of its entries starts, for its line.
 */
class ListShape {
  private depth = 0;
  /** The depth of the shop entries once inside the list; -1 before and after it. */
  private listDepth = -1;
  private rootIsObject = false;
  private expectKey = false;
  private key: string | null = null;
  foundList = false;
  entryStart = -1;

  /** Returns the jsonpath of the entries once the root token has shown it. */
  onToken(token: TokenType, value: unknown, offset: number): string | null {
    const path = this.follow(token, value, offset);
    this.limitEntry(offset);
    this.trackDepth(token);
    return path;
  }

  private follow(token: TokenType, value: unknown, offset: number): string | null {
    if (this.depth === 0 && VALUE_START.has(token)) return this.onRoot(token, offset);
    if (this.rootIsObject && this.depth === 1) this.onRootMember(token, value, offset);
    else if (this.depth === this.listDepth && VALUE_START.has(token)) this.entryStart = offset;
    return null;
  }

  private onRoot(token: TokenType, offset: number): string {
    if (token === TokenType.LEFT_BRACKET) {
      this.listDepth = 1;
      this.foundList = true;
      return '$.*';
    }
    if (token === TokenType.LEFT_BRACE) {
      this.rootIsObject = true;
      this.expectKey = true;
      return '$.shops.*';
    }
    throw new JsonListError(listMessage('list.jsonShape'), offset);
  }

  /** A token directly inside a root object: a key, a comma, or the value of "shops". */
  private onRootMember(token: TokenType, value: unknown, offset: number): void {
    if (this.expectKey && token === TokenType.STRING) {
      this.key = String(value);
      this.expectKey = false;
    } else if (token === TokenType.COMMA) this.expectKey = true;
    else if (VALUE_START.has(token) && this.key === 'shops') {
      if (token !== TokenType.LEFT_BRACKET)
        throw new JsonListError(listMessage('list.jsonShopsNotArray'), offset);
      this.listDepth = 2;
      this.foundList = true;
    }
  }

  private limitEntry(offset: number): void {
    if (this.entryStart >= 0 && offset - this.entryStart > MAX_ROW_CHARS)
      throw new JsonListError(listMessage('list.jsonEntryTooLong', { max: MAX_ROW_CHARS }), this.entryStart);
  }

  private trackDepth(token: TokenType): void {
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) this.depth += 1;
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      this.depth -= 1;
      if (this.depth === this.listDepth - 1) this.listDepth = -1;
    }
  }
}

function entryItem(value: unknown, at: TextPosition): FormatItem {
  const text = JSON.stringify(value) ?? '';
  if (typeof value === 'string') return { row: { line: at.line, text, fields: { url: value } } };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { row: { line: at.line, text, fields: value as Record<string, unknown> } };
  }
  return { problem: problemAt(at.line, text, listMessage('list.jsonEntryKind', kindOf(value)), at.column) };
}

/** Why the list cannot be read on: its shape, or what the JSON parser says. */
function unreadable(error: unknown): ListMessage {
  if (error instanceof JsonListError) return error.says;
  const detail = (error as Error).message.replace(/ at (chunk )?position.*$/s, '');
  return listMessage('list.jsonUnreadable', { detail });
}

function unreadableItem(says: ListMessage, at: TextPosition): FormatItem {
  return { problem: problemAt(at.line, '', says, at.column), fatal: true };
}

/**
 * A JSON list, entry by entry as it streams in (an array of URLs or objects, or `{ "shops": [...] }`),
 * never held whole. Each entry carries the line it starts on; a syntax error names its line and column.
 */
export async function* jsonRows(input: Readable): AsyncGenerator<FormatItem> {
  const positions = new BytePositions();
  const shape = new ListShape();
  const tokenizer = new Tokenizer();
  let parser: TokenParser | null = null;
  let ready: FormatItem[] = [];
  let entryAt: TextPosition = { line: 1, column: 1 };
  let lastOffset = 0;
  let bytes = 0;
  let failure: FormatItem | null = null;

  const fail = (error: unknown, offset: number) => {
    if (failure) return;
    const at = error instanceof JsonListError ? error.offset : offset;
    failure = unreadableItem(unreadable(error), positions.at(at));
  };
  tokenizer.onToken = ({ token, value, offset }) => {
    if (failure) return;
    lastOffset = offset;
    try {
      const path = shape.onToken(token, value, offset);
      if (path) {
        parser = new TokenParser({ paths: [path], keepStack: false });
        parser.onValue = ({ value: entry }) => ready.push(entryItem(entry, entryAt));
        parser.onError = (error) => fail(error, lastOffset);
      }
      if (shape.entryStart === offset) entryAt = positions.at(offset);
      parser?.write({ token, value });
    } catch (error) {
      fail(error, offset);
    }
  };
  tokenizer.onError = (error) => {
    const absolute = /absolute position "(\d+)"/.exec(error.message)?.[1];
    fail(error, absolute === undefined ? bytes : Number(absolute));
  };

  for await (const chunk of input) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    positions.push(data);
    if (!failure) tokenizer.write(data);
    bytes += data.length;
    yield* ready;
    ready = [];
    if (failure) break;
  }
  if (!failure) {
    if (!tokenizer.isEnded) tokenizer.end();
    if (!failure && parser && !(parser as TokenParser).isEnded) (parser as TokenParser).end();
    yield* ready;
    if (!failure && bytes > 0 && !shape.foundList)
      fail(new JsonListError(listMessage('list.jsonShape'), 0), 0);
    if (!failure && bytes === 0) fail(new JsonListError(listMessage('list.jsonEmpty'), 0), 0);
  }
  input.destroy();
  if (failure) yield failure;
}
