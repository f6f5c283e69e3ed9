import type { Browser } from 'playwright';
import { INSTALL_ADVICE, type LocatedBrowser, locateBrowser } from './browser-locate.js';

/** Flags that keep Chromium from phoning home, and a page from sending UDP past the guard proxy. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-gpu',
  '--disable-quic',
  '--mute-audio',
  // WebRTC sends UDP past the guard proxy (which sees TCP only): to a STUN or TURN server, to a
  // peer's candidate. Only traffic through the proxy is allowed, so a page cannot reach an address
  // the guard would refuse.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

export class BrowserNotFoundError extends Error {
  constructor() {
    super(INSTALL_ADVICE);
    this.name = 'BrowserNotFoundError';
  }
}

export interface LaunchedBrowser {
  browser: Browser;
  located: LocatedBrowser;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  const located = await locateBrowser();
  if (!located) throw new BrowserNotFoundError();
  const needsNoSandbox = typeof process.getuid === 'function' && process.getuid() === 0;
  // Loaded here, not at the top: a static audit never needs Playwright's 20 MB of code in memory.
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({
    executablePath: located.path,
    headless: true,
    // The audit handles Ctrl-C itself (stop, keep what is stored, close the browser); Playwright's
    // own handler would end the process first.
    handleSIGINT: false,
    handleSIGTERM: false,
    args: [...CHROMIUM_ARGS, ...(needsNoSandbox ? ['--no-sandbox'] : [])],
  });
  return { browser, located };
}
