import { type AddressPolicy, addressPolicy, ipLiteral } from './address-guard.js';
import { CrawlFailure } from './crawl-failure.js';

/** Parses a URL the crawl may request: http(s) only, fragment and credentials dropped, IP literals checked. */
export function checkedUrl(raw: string, allowed: boolean | AddressPolicy): URL {
  const policy = typeof allowed === 'function' ? allowed : addressPolicy(allowed);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CrawlFailure({ status: 'invalid-url', code: 'ERR_INVALID_URL', message: `not a URL: ${raw}` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CrawlFailure({
      status: 'invalid-url',
      code: 'UNSUPPORTED_SCHEME',
      message: `only http and https are fetched, not ${url.protocol}`,
    });
  }
  url.hash = '';
  // A user name or password in a link is never sent (as Basic auth) nor kept with the page.
  url.username = '';
  url.password = '';
  const literal = ipLiteral(url.hostname);
  if (literal && !policy(literal)) {
    throw new CrawlFailure({
      status: 'private-host',
      code: 'PRIVATE_HOST',
      message: `${url.hostname} is not an address the crawl may use (private or special); refused without allowPrivateHosts`,
      stage: 'dns',
    });
  }
  return url;
}
