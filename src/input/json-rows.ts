import type { Readable } from 'node:stream';
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { BytePositions, type TextPosition } from './byte-position.js';
import { type FormatItem, MAX_ROW_CHARS } from './list-format.js';

const VALUE_START = new Set([
  TokenType.LEFT_BRACE,
  TokenType.LEFT_BRACKET,
  TokenType.STRING,
  TokenType.NUMBER,
  TokenType.TRUE,
  TokenType.FALSE,
  TokenType.NULL,
]);
const SHAPE = 'the JSON must be an array of shops, or an object with a "shops" array';

class JsonListError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  return `the value ${String(value)}`;
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
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complexity 30 predates the limit; split once the parallel work on this folder is merged (issue 18)
  onToken(token: TokenType, value: unknown, offset: number): string | null {
    let path: string | null = null;
    if (this.depth === 0 && VALUE_START.has(token)) {
      if (token === TokenType.LEFT_BRACKET) {
        this.listDepth = 1;
        this.foundList = true;
        path = '$.*';
      } else if (token === TokenType.LEFT_BRACE) {
        this.rootIsObject = true;
        this.expectKey = true;
        path = '$.shops.*';
      } else throw new JsonListError(SHAPE, offset);
    } else if (this.rootIsObject && this.depth === 1) {
      if (this.expectKey && token === TokenType.STRING) {
        this.key = String(value);
        this.expectKey = false;
      } else if (token === TokenType.COMMA) this.expectKey = true;
      else if (VALUE_START.has(token) && this.key === 'shops') {
        if (token !== TokenType.LEFT_BRACKET)
          throw new JsonListError(`${SHAPE} ("shops" is not an array)`, offset);
        this.listDepth = 2;
        this.foundList = true;
      }
    } else if (this.depth === this.listDepth && VALUE_START.has(token)) {
      this.entryStart = offset;
    }
    if (this.entryStart >= 0 && offset - this.entryStart > MAX_ROW_CHARS) {
      throw new JsonListError(`an entry is longer than ${MAX_ROW_CHARS} bytes`, this.entryStart);
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) this.depth += 1;
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      this.depth -= 1;
      if (this.depth === this.listDepth - 1) this.listDepth = -1;
    }
    return path;
  }
}

function entryItem(value: unknown, at: TextPosition): FormatItem {
  const text = JSON.stringify(value) ?? '';
  if (typeof value === 'string') return { row: { line: at.line, text, fields: { url: value } } };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { row: { line: at.line, text, fields: value as Record<string, unknown> } };
  }
  return {
    problem: {
      line: at.line,
      column: at.column,
      text,
      message: `each entry must be a URL or an object with a "url", not ${describe(value)}`,
    },
  };
}

function syntaxItem(message: string, at: TextPosition): FormatItem {
  return {
    problem: { line: at.line, column: at.column, text: '', message: `the JSON cannot be read: ${message}` },
    fatal: true,
  };
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
    const message = (error as Error).message.replace(/ at (chunk )?position.*$/s, '');
    failure = syntaxItem(message, positions.at(at));
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
    if (!failure && bytes > 0 && !shape.foundList) fail(new JsonListError(SHAPE, 0), 0);
    if (!failure && bytes === 0) fail(new JsonListError('the file is empty', 0), 0);
  }
  input.destroy();
  if (failure) yield failure;
}
