/** A 1-based line and column (in characters) of a place in a text file. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Turns byte offsets of a UTF-8 stream into lines and columns, for offsets asked in increasing
 * order (as a streaming parser meets its tokens). Only bytes not yet passed are kept.
 */
export class BytePositions {
  private readonly chunks: Uint8Array[] = [];
  /** Absolute offset of chunks[0][0]. */
  private chunksStart = 0;
  private scanned = 0;
  private line = 1;
  private column = 1;

  push(chunk: Uint8Array): void {
    if (chunk.length > 0) this.chunks.push(chunk);
  }

  /** The position of `offset`; an offset before one already asked gives the later position. */
  at(offset: number): TextPosition {
    while (this.scanned < offset && this.chunks.length > 0) {
      const chunk = this.chunks[0];
      const local = this.scanned - this.chunksStart;
      const stop = Math.min(chunk.length, local + (offset - this.scanned));
      for (let i = local; i < stop; i++) {
        const byte = chunk[i];
        if (byte === 0x0a) {
          this.line += 1;
          this.column = 1;
        } else if ((byte & 0xc0) !== 0x80) this.column += 1;
      }
      this.scanned += stop - local;
      if (stop === chunk.length) {
        this.chunks.shift();
        this.chunksStart += chunk.length;
      }
    }
    return { line: this.line, column: this.column };
  }
}
