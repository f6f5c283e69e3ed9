import type { Readable } from 'node:stream';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Decodes UTF-8 with U+FFFD for bytes that are none (a whole text each call: it keeps no state). */
const lenient = new TextDecoder('utf-8');

/** How many bytes at the end of `bytes` start a UTF-8 character that the next chunk completes. */
function cutCharacter(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return size > back ? back : 0;
  }
  return 0;
}

const isAscii = (text: string) => !/[^\p{ASCII}]/u.test(text);

/** The decoder a byte-order mark names and the mark's length; no decoder for UTF-8 or no mark. */
function byMark(bytes: Buffer): { decoder: TextDecoder | null; skip: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { decoder: new TextDecoder('utf-16le'), skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { decoder: new TextDecoder('utf-16be'), skip: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { decoder: null, skip: 3 };
  return { decoder: null, skip: 0 };
}

/** Too few bytes yet to tell whether they start with a byte-order mark. */
const markUndecided = (bytes: Buffer) =>
  bytes.length < 3 && (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe);

/** Decodes a list's chunks in order, choosing the encoding as the bytes show it (see listText). */
class ListDecoder {
  private mode: 'start' | 'utf8' | 'utf8-lenient' | 'fixed' = 'start';
  private fixed: TextDecoder | null = null;
  /** Bytes held for the next chunk: a possible byte-order mark, or a cut UTF-8 character. */
  private carry: Buffer = Buffer.alloc(0);
  private asciiSoFar = true;

  /** The text of the next chunk; '' while the bytes so far decide nothing. */
  decode(chunk: Buffer): string {
    let bytes = chunk;
    if (this.mode === 'start') {
      bytes = Buffer.concat([this.carry, bytes]);
      this.carry = Buffer.alloc(0);
      if (markUndecided(bytes)) {
        this.carry = bytes;
        return '';
      }
      bytes = this.begin(bytes);
    }
    if (this.mode === 'fixed' && this.fixed) return this.fixed.decode(bytes, { stream: true });
    return this.decodeUtf8(bytes);
  }

  /** What is left once the last chunk was decoded. */
  end(): string {
    return this.mode === 'fixed' && this.fixed ? this.fixed.decode() : lenient.decode(this.carry);
  }

  /** Reads the byte-order mark, if any, and returns the bytes after it. */
  private begin(bytes: Buffer): Buffer {
    const { decoder, skip } = byMark(bytes);
    this.fixed = decoder;
    this.mode = decoder ? 'fixed' : 'utf8';
    return bytes.subarray(skip);
  }

  private decodeUtf8(bytes: Buffer): string {
    const all = Buffer.concat([this.carry, bytes]);
    const cut = cutCharacter(all);
    const whole = all.subarray(0, all.length - cut);
    this.carry = Buffer.from(all.subarray(all.length - cut));
    const text = this.utf8OrFallback(all, whole);
    if (this.asciiSoFar && !isAscii(text)) this.asciiSoFar = false;
    return text;
  }

  /** UTF-8 while it is; bytes that are none switch to Windows-1252 if no character so far tells otherwise. */
  private utf8OrFallback(all: Buffer, whole: Buffer): string {
    if (this.mode !== 'utf8') return lenient.decode(whole);
    try {
      return utf8.decode(whole);
    } catch {
      if (this.asciiSoFar) {
        this.mode = 'fixed';
        this.fixed = new TextDecoder('windows-1252');
        this.carry = Buffer.alloc(0);
        return this.fixed.decode(all, { stream: true });
      }
      this.mode = 'utf8-lenient';
      return lenient.decode(whole);
    }
  }
}

/**
 * The text of a list file, chunk by chunk as it streams, whatever Excel or an editor saved it as:
 * UTF-8 with or without a byte-order mark; UTF-16 (Excel's "Unicode text") by its mark; and
 * Windows-1252 (Excel's "CSV" on Dutch, German and French Windows) when bytes that are no UTF-8
 * come before any character outside ASCII (ASCII reads the same in both, so nothing read so far
 * changes). In a file that has shown UTF-8 characters, later bytes that are no UTF-8 read as U+FFFD.
 */
export async function* listText(input: Readable): AsyncGenerator<string> {
  const decoder = new ListDecoder();
  for await (const chunk of input) {
    const text = decoder.decode(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
