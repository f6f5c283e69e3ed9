import type { Readable } from 'node:stream';

const utf8 = new TextDecoder('utf-8', { fatal: true });

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

/**
 * The text of a list file, chunk by chunk as it streams, whatever Excel or an editor saved it as:
 * UTF-8 with or without a byte-order mark; UTF-16 (Excel's "Unicode text") by its mark; and
 * Windows-1252 (Excel's "CSV" on Dutch, German and French Windows) when bytes that are no UTF-8
 * come before any character outside ASCII (ASCII reads the same in both, so nothing read so far
 * changes). In a file that has shown UTF-8 characters, later bytes that are no UTF-8 read as U+FFFD.
 */
export async function* listText(input: Readable): AsyncGenerator<string> {
  let mode: 'start' | 'utf8' | 'utf8-lenient' | 'fixed' = 'start';
  let fixed: TextDecoder | null = null;
  let carry: Buffer = Buffer.alloc(0);
  let asciiSoFar = true;
  for await (const chunk of input) {
    let bytes: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (mode === 'start') {
      bytes = Buffer.concat([carry, bytes]);
      carry = Buffer.alloc(0);
      if (bytes.length < 3 && (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe)) {
        carry = bytes;
        continue;
      }
      if (bytes[0] === 0xff && bytes[1] === 0xfe) fixed = new TextDecoder('utf-16le');
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) fixed = new TextDecoder('utf-16be');
      if (fixed) {
        mode = 'fixed';
        bytes = bytes.subarray(2);
      } else {
        mode = 'utf8';
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
    }
    if (mode === 'fixed' && fixed) {
      const text = fixed.decode(bytes, { stream: true });
      if (text !== '') yield text;
      continue;
    }
    const all = Buffer.concat([carry, bytes]);
    const cut = cutCharacter(all);
    const whole = all.subarray(0, all.length - cut);
    carry = Buffer.from(all.subarray(all.length - cut));
    let text: string;
    try {
      text = mode === 'utf8' ? utf8.decode(whole) : new TextDecoder('utf-8').decode(whole);
    } catch {
      if (asciiSoFar) {
        mode = 'fixed';
        fixed = new TextDecoder('windows-1252');
        text = fixed.decode(all, { stream: true });
        carry = Buffer.alloc(0);
      } else {
        mode = 'utf8-lenient';
        text = new TextDecoder('utf-8').decode(whole);
      }
    }
    if (asciiSoFar && !isAscii(text)) asciiSoFar = false;
    if (text !== '') yield text;
  }
  const rest = mode === 'fixed' && fixed ? fixed.decode() : new TextDecoder('utf-8').decode(carry);
  if (rest !== '') yield rest;
}
