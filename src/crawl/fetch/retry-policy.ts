import type { CrawlFailure } from '../crawl-failure.js';

/** Attempts per fetch, the first included. */
export const MAX_ATTEMPTS = 3;
/** A Retry-After longer than this (or than the page timeout) is not waited for: the page is given up. */
export const MAX_RETRY_WAIT_MS = 30_000;

const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'HPE_INVALID_CONSTANT',
  'SOCKET_HANG_UP',
]);

/**
 * ms to wait before the next attempt, or null when this failure is not worth retrying: 429 and
 * 503 wait what Retry-After asks (else back off), other 5xx and dropped connections back off
 * 500 ms, 1 s, 2 s …; everything else is final. Shared by the static and the browser fetcher.
 */
export function retryDelay(failure: CrawlFailure, attempt: number): number | null {
  const backoff = 500 * 2 ** (attempt - 1);
  const http = failure.httpStatus;
  if (http === 429 || http === 503) return failure.retryAfterMs ?? backoff;
  if (http !== null && http >= 500) return backoff;
  if (http === null && TRANSIENT_SOCKET_CODES.has(failure.code)) return backoff;
  return null;
}

/** The longest wait worth making for one page. */
export function retryCap(pageTimeoutMs: number): number {
  return Math.min(MAX_RETRY_WAIT_MS, pageTimeoutMs);
}

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
