import zlib from 'node:zlib';

/** A stream that undoes a Content-Encoding, or null for identity and encodings we do not know. */
export function decompressorFor(
  encoding: string | null | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}
