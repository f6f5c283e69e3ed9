import type http from 'node:http';
import { decompressorFor } from '../fetch/decompressor.js';

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Forwards a proxied answer to the browser unchanged, and cuts it once an HTML body grew past
 * `maxBytes` decoded (a 50 MB page, a gzip bomb). Compressed bodies are inflated on the side
 * only to be counted. Other content types pass untouched: the browser does not load images,
 * media or fonts, and scripts are bounded by the render deadline.
 */
export function forwardWithByteLimit(
  answer: http.IncomingMessage,
  res: http.ServerResponse,
  maxBytes: number,
  onExceeded: () => void,
): void {
  if (!HTML_TYPES.test(String(answer.headers['content-type'] ?? ''))) {
    answer.pipe(res);
    return;
  }
  let decoded = 0;
  let cut = false;
  const exceed = () => {
    if (cut) return;
    cut = true;
    onExceeded();
    answer.destroy();
    // A chunked body can end cleanly, so the browser finishes the page at once and the crawl
    // reads the cut; a declared length cannot be honoured any more.
    if (answer.headers['content-length'] === undefined) res.end();
    else res.destroy();
  };
  const counter = decompressorFor(answer.headers['content-encoding'] as string | undefined);
  if (counter) {
    counter.on('data', (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > maxBytes) {
        exceed();
        counter.destroy();
      }
    });
    counter.on('error', () => {});
    // The end is passed on only once the side count is done, or a small bomb would slip through.
    counter.on('end', () => {
      if (!cut) res.end();
    });
    res.on('close', () => counter.destroy());
  }
  const forward = (chunk: Buffer) => {
    if (cut) return;
    if (res.write(chunk)) answer.resume();
    else res.once('drain', () => answer.resume());
  };
  answer.on('data', (chunk: Buffer) => {
    if (cut) return;
    answer.pause();
    // A compressed chunk is passed on only once it was counted inflated: a small bomb must not
    // reach the browser whole before the count says it is one.
    if (counter) counter.write(chunk, () => forward(chunk));
    else {
      decoded += chunk.length;
      if (decoded > maxBytes) return exceed();
      forward(chunk);
    }
  });
  answer.on('end', () => {
    if (counter) counter.end();
    else if (!cut) res.end();
  });
  answer.on('error', () => res.destroy());
}
