import type { CrawlError, CrawlStatus } from './types.js';

/**
 * A fetch that did not yield a usable page. `status` is what the shop's status becomes when this
 * happens to the home page; for other pages it is only recorded as an error.
 */
export class CrawlFailure extends Error {
  constructor(
    readonly status: CrawlStatus,
    readonly code: string,
    message: string,
    readonly stage: CrawlError['stage'] = 'fetch',
    /** HTTP status when a response arrived. */
    readonly httpStatus: number | null = null,
    /** What a 429/503 asked for with Retry-After, ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CrawlFailure';
  }

  /** Which attempt this was, when the fetch was tried more than once. */
  attempt?: number;
}

/** Maps a Node.js socket/DNS/TLS error to a failure. */
export function failureFromNodeError(err: unknown): CrawlFailure {
  if (err instanceof CrawlFailure) return err;
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = typeof e?.code === 'string' ? e.code : 'ERROR';
  const message = e?.message ?? String(err);
  if (code === 'PRIVATE_HOST') return new CrawlFailure('private-host', code, message, 'dns');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new CrawlFailure('dns-error', code, message, 'dns');
  }
  if (
    code === 'ECONNREFUSED' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE'
  ) {
    return new CrawlFailure('unreachable', code, message, 'connect');
  }
  if (
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code) ||
    /ssl|tls|certificate/i.test(message)
  ) {
    return new CrawlFailure('tls-error', code, message, 'connect');
  }
  if (code === 'ERR_INVALID_URL') return new CrawlFailure('invalid-url', code, message, 'fetch');
  return new CrawlFailure('error', code, message, 'fetch');
}

/** Turns a failure into the recorded error. */
export function toCrawlError(url: string, failure: CrawlFailure, attempt?: number): CrawlError {
  const error: CrawlError = { url, stage: failure.stage, message: failure.message, code: failure.code };
  const tried = attempt ?? failure.attempt;
  if (tried !== undefined) error.attempt = tried;
  return error;
}
