import { isUtf8 } from 'node:buffer';

/** The `charset` parameter of a Content-Type header, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1].toLowerCase() : null;
}

/** A charset declared by `<meta charset>` or `<meta http-equiv=Content-Type>` in the first bytes. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct ? direct[1].toLowerCase() : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // unknown label: fall through to the next source
  }
}

function decoderOf(bytes: Uint8Array, contentType: string | null): TextDecoder {
  return (
    decoderFor(bomCharset(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    decoderFor(sniffMetaCharset(bytes)) ??
    new TextDecoder('utf-8')
  );
}

/** Decodes a page the way a browser would pick the encoding: BOM, then header, then meta, then UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  return decoderOf(bytes, contentType).decode(bytes);
}

/**
 * Whether `decodeBody` gives back these very bytes' text: UTF-8, valid, no byte-order mark. Then
 * the UTF-8 bytes of the decoded HTML are the body itself, and hashing the body hashes the HTML
 * without encoding it again.
 */
export function decodesToItself(bytes: Uint8Array, contentType: string | null): boolean {
  return bomCharset(bytes) === null && decoderOf(bytes, contentType).encoding === 'utf-8' && isUtf8(bytes);
}
