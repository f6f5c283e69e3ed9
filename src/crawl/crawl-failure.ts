import type { CrawlError, CrawlStatus } from './types.js';

/** The codes the crawl gives its own failures. */
export type CrawlCode =
  | 'ABORTED'
  | 'BROWSER_UNAVAILABLE'
  | 'DOWNLOAD'
  | 'ECONNRESET'
  | 'ERR_INVALID_URL'
  | 'ETIMEDOUT'
  | 'EXTRACT_FAILED'
  | 'NO_RESPONSE'
  | 'NOT_HTML'
  | 'PRIVATE_HOST'
  | 'REDIRECT_LOOP'
  | 'RENDER_TIMEOUT'
  | 'ROBOTS_DISALLOWED'
  | 'TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'UNSUPPORTED_SCHEME'
  | `HTTP_${number}`;

/**
 * A code passed on as a Node.js socket, DNS or TLS error or a browser network error carried it
 * (ECONNREFUSED, ERR_CERT_…): open-ended, so branded, and made only by `passedOnCode`. A typo in a
 * crawl code then fails the type check instead of becoming a code nobody branches on.
 */
export type PassedOnCode = string & { readonly passedOn: unique symbol };

export type CrawlFailureCode = CrawlCode | PassedOnCode;

/** A code as a network error carried it. */
export function passedOnCode(code: string): PassedOnCode {
  return code as PassedOnCode;
}

export interface CrawlFailureInit {
  /** What the shop's status becomes when this happens to the home page. */
  status: CrawlStatus;
  code: CrawlFailureCode;
  message: string;
  /** Where it happened; `fetch` unless said. */
  stage?: CrawlError['stage'];
  /** HTTP status when a response arrived. */
  httpStatus?: number | null;
  /** What a 429/503 asked for with Retry-After, ms. */
  retryAfterMs?: number | null;
}

/**
 * A fetch that did not yield a usable page. `status` is what the shop's status becomes when this
 * happens to the home page; for other pages it is only recorded as an error.
 */
export class CrawlFailure extends Error {
  readonly status: CrawlStatus;
  readonly code: CrawlFailureCode;
  readonly stage: CrawlError['stage'];
  /** HTTP status when a response arrived. */
  readonly httpStatus: number | null;
  /** What a 429/503 asked for with Retry-After, ms. */
  readonly retryAfterMs: number | null;

  constructor(init: CrawlFailureInit) {
    super(init.message);
    this.name = 'CrawlFailure';
    this.status = init.status;
    this.code = init.code;
    this.stage = init.stage ?? 'fetch';
    this.httpStatus = init.httpStatus ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** Which attempt this was, when the fetch was tried more than once. */
  attempt?: number;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const CONNECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);
const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/;

/** Maps a Node.js socket/DNS/TLS error to a failure. */
export function failureFromNodeError(err: unknown): CrawlFailure {
  if (err instanceof CrawlFailure) return err;
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = typeof e?.code === 'string' ? e.code : 'ERROR';
  const message = e?.message ?? String(err);
  return new CrawlFailure({ ...nodeErrorKind(code, message), code: passedOnCode(code), message });
}

function nodeErrorKind(code: string, message: string): Pick<CrawlFailureInit, 'status' | 'stage'> {
  if (code === 'PRIVATE_HOST') return { status: 'private-host', stage: 'dns' };
  if (DNS_CODES.has(code)) return { status: 'dns-error', stage: 'dns' };
  if (CONNECT_CODES.has(code)) return { status: 'unreachable', stage: 'connect' };
  if (TLS_CODES.test(code) || /ssl|tls|certificate/i.test(message))
    return { status: 'tls-error', stage: 'connect' };
  if (code === 'ERR_INVALID_URL') return { status: 'invalid-url', stage: 'fetch' };
  return { status: 'error', stage: 'fetch' };
}

/** Turns a failure into the recorded error. */
export function toCrawlError(url: string, failure: CrawlFailure, attempt?: number): CrawlError {
  const error: CrawlError = { url, stage: failure.stage, message: failure.message, code: failure.code };
  const tried = attempt ?? failure.attempt;
  if (tried !== undefined) error.attempt = tried;
  return error;
}
