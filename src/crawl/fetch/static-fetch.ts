import http from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { type AddressPolicy, makeGuardedLookup } from '../address-guard.js';
import { CrawlFailure, failureFromNodeError, toCrawlError } from '../crawl-failure.js';
import { type HostScheduler, sleep } from '../host-scheduler.js';
import type { CrawlError, CrawlOptions } from '../types.js';
import { decodeBody } from './charset.js';
import { agentFor } from './connection-pool.js';
import type { CookieJar } from './cookie-jar.js';
import { decompressorFor } from './decompressor.js';
import { MAX_ATTEMPTS, parseRetryAfter, retryCap, retryDelay } from './retry-policy.js';

export { parseRetryAfter } from './retry-policy.js';

import { checkedUrl } from '../url-check.js';

export interface StaticFetchContext {
  options: CrawlOptions;
  scheduler: HostScheduler;
  signal?: AbortSignal;
  /** `html` refuses other content types (not-html); `text` takes anything (robots.txt, sitemaps). */
  accept: 'html' | 'text';
  /** Overrides options.maxBytes (robots.txt gets less). */
  maxBytes?: number;
  cookies?: CookieJar;
  /** Extra delay a host asked for (robots.txt Crawl-delay), ms. */
  hostDelayMs?: (host: string) => number;
  /** Which addresses may be connected to; defaults to the allowPrivateHosts rule. */
  addressPolicy?: AddressPolicy;
  /** Called for each attempt that failed but was retried. */
  onRetry?: (error: CrawlError) => void;
  /** With `html`: a PDF answer is returned with an empty body (a document page) instead of refused. */
  acceptDocuments?: boolean;
  /** false: leave the body undecoded (`body` is '', `bytes` holds it) for someone else to decode. */
  decode?: boolean;
}

export interface FetchedResponse {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: string;
  /** The decoded-transfer bytes of the body (still gzip for a .gz file served as a file). */
  bytes: Buffer;
  /** The URLs passed through, in order, before finalUrl. */
  redirects: string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
export const DOCUMENT_TYPES = /^application\/(pdf|x-pdf)\b/i;

/**
 * GETs a URL with redirects followed by hand (every hop checked against the private-address
 * rule), a total deadline per attempt, a decoded-size limit, and bounded retries of transient
 * failures. Throws a CrawlFailure; never hangs longer than the attempts' deadlines and waits.
 */
export async function fetchStatic(url: string, ctx: StaticFetchContext): Promise<FetchedResponse> {
  const cap = retryCap(ctx.options.pageTimeoutMs);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchFollowingRedirects(url, ctx);
    } catch (err) {
      const failure = failureFromNodeError(err);
      const wait = retryDelay(failure, attempt);
      if (attempt >= MAX_ATTEMPTS || wait === null || wait > cap || ctx.signal?.aborted) {
        if (attempt > 1) failure.attempt = attempt;
        throw failure;
      }
      ctx.onRetry?.(toCrawlError(url, failure, attempt));
      await sleep(wait, ctx.signal);
    }
  }
}

async function fetchFollowingRedirects(startUrl: string, ctx: StaticFetchContext): Promise<FetchedResponse> {
  const { options } = ctx;
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new CrawlFailure({
          status: 'timeout',
          code: 'ETIMEDOUT',
          message: `no complete response within ${options.pageTimeoutMs} ms`,
        }),
      ),
    options.pageTimeoutMs,
  );
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, deadline.signal]) : deadline.signal;
  const seen = new Set<string>();
  const redirects: string[] = [];
  let current = startUrl;
  try {
    for (;;) {
      const target = checkedUrl(current, ctx.addressPolicy ?? options.allowPrivateHosts);
      if (seen.has(target.href)) {
        throw new CrawlFailure({
          status: 'redirect-loop',
          code: 'REDIRECT_LOOP',
          message: `redirect loop back to ${target.href}`,
        });
      }
      seen.add(target.href);
      const host = target.host;
      const delay = Math.max(options.hostDelayMs, ctx.hostDelayMs?.(host) ?? 0);
      const hop = await ctx.scheduler.run(host, delay, () => requestOnce(target, ctx, signal), signal);
      if (hop.location !== null) {
        redirects.push(target.href);
        if (redirects.length > options.maxRedirects) {
          throw new CrawlFailure({
            status: 'redirect-loop',
            code: 'TOO_MANY_REDIRECTS',
            message: `more than ${options.maxRedirects} redirects`,
          });
        }
        current = new URL(hop.location, target).href;
        continue;
      }
      return {
        requestedUrl: startUrl,
        finalUrl: target.href,
        status: hop.status,
        contentType: hop.contentType,
        body: hop.body,
        bytes: hop.bytes,
        redirects,
      };
    }
  } catch (err) {
    if (signal.aborted && !(err instanceof CrawlFailure)) throw abortFailure(signal);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function abortFailure(signal: AbortSignal): CrawlFailure {
  const reason = signal.reason;
  if (reason instanceof CrawlFailure) return reason;
  return new CrawlFailure({
    status: 'timeout',
    code: 'ABORTED',
    message: 'the shop watchdog stopped the crawl',
    stage: 'watchdog',
  });
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string | null;
  body: string;
  bytes: Buffer;
}

function requestOnce(url: URL, ctx: StaticFetchContext, signal: AbortSignal): Promise<Hop> {
  const { options } = ctx;
  const maxBytes = ctx.maxBytes ?? options.maxBytes;
  return new Promise<Hop>((resolve, reject) => {
    if (signal.aborted) return reject(abortFailure(signal));
    let settled = false;
    const streams: Array<{ destroy(err?: Error): void }> = [];
    /** `keepConnection`: the body was read to its end, so the connection can carry the next request. */
    const finish = (err: unknown, hop?: Hop, keepConnection = false) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (!keepConnection) for (const s of streams) s.destroy();
      if (err) reject(err instanceof CrawlFailure ? err : failureFromNodeError(err));
      else resolve(hop as Hop);
    };
    const onAbort = () => finish(abortFailure(signal));
    signal.addEventListener('abort', onAbort, { once: true });

    const mod = url.protocol === 'https:' ? https : http;
    const policy = ctx.addressPolicy ?? options.allowPrivateHosts;
    const req = mod.request(url, {
      method: 'GET',
      headers: requestHeaders(url, ctx),
      agent: agentFor(url.protocol, policy),
      lookup: makeGuardedLookup(policy) as never,
    });
    streams.push(req);
    req.on('error', (err) => finish(err));
    req.on('response', (res) => {
      streams.push(res);
      const status = res.statusCode ?? 0;
      const contentType = headerValue(res.headers['content-type']);
      ctx.cookies?.store(url.host, res.headers['set-cookie']);
      const early = answerBeforeBody(res, status, contentType, ctx, maxBytes);
      if (early instanceof CrawlFailure) return finish(early);
      if (early) return finish(null, early);
      const decoded = decompressorFor(headerValue(res.headers['content-encoding']));
      const source: Readable = decoded ? pipeline(res, decoded, () => {}) : res;
      if (decoded) streams.push(decoded);
      const chunks: Buffer[] = [];
      let total = 0;
      source.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) return finish(tooLarge(maxBytes, status));
        chunks.push(chunk);
      });
      source.on('error', (err) => finish(err));
      res.on('aborted', () =>
        finish(
          new CrawlFailure({
            status: 'unreachable',
            code: 'ECONNRESET',
            message: 'the connection closed mid-body',
            httpStatus: status,
          }),
        ),
      );
      source.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const body = ctx.decode === false ? '' : decodeBody(bytes, contentType);
        finish(null, { status, location: null, contentType, body, bytes }, true);
      });
    });
    req.end();
  });
}

function requestHeaders(url: URL, ctx: StaticFetchContext): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': ctx.options.userAgent,
    accept: ctx.accept === 'html' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' : '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  const cookie = ctx.cookies?.header(url.host);
  if (cookie) headers.cookie = cookie;
  return headers;
}

/**
 * What the response's head already decides, before any of the body is read: a redirect or a
 * document (a hop without a body), or a failure (an HTTP error, not HTML, declared too large);
 * undefined when the body is to be read.
 */
function answerBeforeBody(
  res: http.IncomingMessage,
  status: number,
  contentType: string | null,
  ctx: StaticFetchContext,
  maxBytes: number,
): Hop | CrawlFailure | undefined {
  if (REDIRECT_STATUSES.has(status) && res.headers.location) {
    return { status, location: res.headers.location, contentType, body: '', bytes: Buffer.alloc(0) };
  }
  if (status < 200 || status >= 300) return httpFailure(status, res.headers['retry-after']);
  if (ctx.accept === 'html' && ctx.acceptDocuments && contentType && DOCUMENT_TYPES.test(contentType)) {
    // The page exists; its text would need a PDF reader, so the body is not downloaded.
    return { status, location: null, contentType, body: '', bytes: Buffer.alloc(0) };
  }
  if (ctx.accept === 'html' && contentType && !HTML_TYPES.test(contentType)) {
    return new CrawlFailure({
      status: 'not-html',
      code: 'NOT_HTML',
      message: `content type ${contentType} is not HTML`,
      httpStatus: status,
    });
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes, status);
  return undefined;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function tooLarge(maxBytes: number, status: number): CrawlFailure {
  return new CrawlFailure({
    status: 'too-large',
    code: 'TOO_LARGE',
    message: `body larger than ${maxBytes} bytes (decoded)`,
    httpStatus: status,
  });
}

function httpFailure(status: number, retryAfter: string | string[] | undefined): CrawlFailure {
  const crawlStatus = status === 401 || status === 403 || status === 429 ? 'blocked' : 'unreachable';
  const wait = parseRetryAfter(headerValue(retryAfter) ?? undefined);
  return new CrawlFailure({
    status: crawlStatus,
    code: `HTTP_${status}`,
    message: `HTTP ${status}`,
    httpStatus: status,
    retryAfterMs: wait,
  });
}
