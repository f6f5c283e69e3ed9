/**
 * The honest user agent: who we are and where to read about it. The trailing Mozilla token keeps
 * naive firewalls that drop every non-browser agent from answering with 403 before robots.txt
 * could even be read; it does not pretend to be a particular browser.
 */
export function makeUserAgent(version: string): string {
  return `shopreach/${version} (+https://github.com/shopreach/shopreach; contact-findability audit) Mozilla/5.0 (compatible)`;
}

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT_TOKEN = 'shopreach';
