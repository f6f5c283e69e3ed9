import type { BrowserContext, CDPSession, Page, Request } from 'playwright';
import { withDeadline } from '../deadline.js';
import { type DocumentSizeWatch, watchDocumentSize } from './document-size.js';
import { type NetworkTracker, trackNetwork } from './network-settle.js';

/** Tabs kept open between two pages of a shop; one suffices, since a host is visited one page at a time. */
const MAX_IDLE_TABS = 2;
/**
 * A tab's renderer keeps the documents it navigated away from until V8 collects them, which it is
 * in no hurry to do: five pages of a shop doubled the renderer's memory. A forced collection after
 * every second page keeps it near one page's worth, at a fraction of the CPU of one after every page.
 */
const COLLECT_GARBAGE_EVERY = 3;
/**
 * An idle tab must answer this fast to be reused. A page can start a script that never ends after
 * it was read; navigating its tab would wait for that renderer and time out.
 */
const RESPONSIVE_WITHIN_MS = 500;

async function responsive(tab: Tab): Promise<boolean> {
  try {
    // Over the tab's DevTools session: Playwright's evaluate would first install its helper script in the document.
    const cdp = await tab.cdp.catch(() => null);
    const probe = cdp ? cdp.send('Runtime.evaluate', { expression: '0' }) : tab.page.evaluate('0');
    await withDeadline(probe, RESPONSIVE_WITHIN_MS, () => new Error('unresponsive'));
    return true;
  } catch {
    return false;
  }
}

/** An open tab with the listeners it keeps for its whole life (subscribing per page costs round trips). */
export interface Tab {
  page: Page;
  network: NetworkTracker;
  /** URLs of the main frame's navigation requests since the tab was taken: the redirect hops. */
  navigations: string[];
  /** Pages rendered in this tab. */
  uses: number;
  /** A DevTools session on the tab, for what Playwright's API makes dearer (reading a page, collecting garbage). */
  cdp: Promise<CDPSession>;
  /** The size of the main document as it loads; loading stops past the limit. */
  size: DocumentSizeWatch;
}

export interface TabPool {
  /** An open tab, reused when one is idle. */
  take(url: string): Promise<Tab>;
  /** The tab rendered its page cleanly and may render the next one. */
  giveBack(tab: Tab): void;
}

function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  const cdp = context.newCDPSession(page);
  // A tab whose session failed reads its pages through Playwright instead; no rejection is left unheard.
  cdp.catch(() => {});
  const tab: Tab = {
    page,
    network: trackNetwork(page),
    navigations: [],
    uses: 0,
    cdp,
    size: watchDocumentSize(cdp),
  };
  await tab.size.ready;
  page.on('request', (request: Request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      tab.navigations.push(request.url());
  });
  return tab;
}

/**
 * One tab per shop context, navigated from page to page. Opening a tab per page costs a new
 * renderer process and Playwright's set-up of the tab each time; a same-site navigation in an open
 * tab keeps its renderer. A tab whose current document is the target apart from the fragment is
 * not reused, because navigating there would only scroll, and neither is one whose page stopped
 * answering. A tab that failed is closed by its user and never given back.
 */
export function createTabPool(context: BrowserContext): TabPool {
  const idle: Tab[] = [];
  return {
    async take(url) {
      for (let tab = idle.pop(); tab; tab = idle.pop()) {
        if (tab.page.isClosed()) continue;
        if (withoutHash(tab.page.url()) === withoutHash(url) || !(await responsive(tab))) {
          void tab.page.close({ runBeforeUnload: false }).catch(() => {});
          continue;
        }
        tab.navigations.length = 0;
        return tab;
      }
      return openTab(context);
    },
    giveBack(tab) {
      if (tab.page.isClosed()) return;
      tab.uses += 1;
      if (tab.uses % COLLECT_GARBAGE_EVERY === 0)
        tab.cdp.then((s) => s.send('HeapProfiler.collectGarbage')).catch(() => {});
      if (idle.length >= MAX_IDLE_TABS) void tab.page.close({ runBeforeUnload: false }).catch(() => {});
      else idle.push(tab);
    },
  };
}
