import { CrawlFailure, type CrawlFailureInit, failureFromNodeError, passedOnCode } from '../crawl-failure.js';
import type { CrawlOptions } from '../types.js';

/** Why a navigation failed, from Playwright's error (net::ERR_… codes, timeouts, downloads). */
export function navigationFailure(
  err: unknown,
  url: string,
  refusedUrls: Set<string>,
  upstreamError: (hostname: string) => string | undefined,
): CrawlFailure {
  const message = (err as Error)?.message ?? String(err);
  // Through the guarding proxy, connection failures arrive as tunnel errors: ask the proxy why.
  const proxied = /ERR_TUNNEL_CONNECTION_FAILED|ERR_PROXY/.test(message)
    ? upstreamError(new URL(url).hostname)
    : undefined;
  if (proxied)
    return failureFromNodeError(Object.assign(new Error(`${proxied} for ${url}`), { code: proxied }));
  if (/ERR_BLOCKED_BY_CLIENT/.test(message) && refusedUrls.size > 0) {
    return new CrawlFailure({
      status: 'private-host',
      code: 'PRIVATE_HOST',
      message: `refused a request into private address space (${[...refusedUrls][0]})`,
      stage: 'dns',
    });
  }
  if ((err as Error)?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(message)) {
    return new CrawlFailure({
      status: 'timeout',
      code: 'ETIMEDOUT',
      message: `navigation to ${url} timed out`,
      stage: 'render',
    });
  }
  if (/Download is starting/i.test(message))
    return new CrawlFailure({
      status: 'not-html',
      code: 'DOWNLOAD',
      message: `${url} is a download, not a page`,
      stage: 'render',
    });
  const netCode = /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? 'ERROR';
  const kind = netErrorKind(netCode);
  const described =
    netCode === 'ERR_ABORTED'
      ? `the browser did not render ${url} (a download or an aborted navigation)`
      : message;
  return new CrawlFailure({ ...kind, code: passedOnCode(netCode), message: described });
}

/** What a Chromium net::ERR_… code means for the page. */
function netErrorKind(netCode: string): Pick<CrawlFailureInit, 'status' | 'stage'> {
  if (netCode === 'ERR_NAME_NOT_RESOLVED' || netCode === 'ERR_NAME_RESOLUTION_FAILED')
    return { status: 'dns-error', stage: 'dns' };
  if (netCode === 'ERR_TOO_MANY_REDIRECTS') return { status: 'redirect-loop', stage: 'render' };
  if (/^ERR_(CERT|SSL)_/.test(netCode)) return { status: 'tls-error', stage: 'connect' };
  if (/^ERR_(CONNECTION|ADDRESS|NETWORK|INTERNET|EMPTY_RESPONSE)/.test(netCode))
    return { status: 'unreachable', stage: 'connect' };
  if (netCode === 'ERR_ABORTED') return { status: 'not-html', stage: 'render' };
  return { status: 'error', stage: 'render' };
}

export function tooLargeFailure(options: CrawlOptions): CrawlFailure {
  return new CrawlFailure({
    status: 'too-large',
    code: 'TOO_LARGE',
    message: `page larger than ${options.maxBytes} bytes (decoded)`,
    stage: 'render',
  });
}

export function watchdogFailure(): CrawlFailure {
  return new CrawlFailure({
    status: 'timeout',
    code: 'ABORTED',
    message: 'the shop watchdog stopped the crawl',
    stage: 'watchdog',
  });
}
