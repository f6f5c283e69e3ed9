import type { Locator, Page } from 'playwright';
import type { ConsentObservation } from '../types.js';
import { type ContactWord, contactLinkWords } from './consent-contact-words.js';
import { CONSENT_PLATFORMS, GENERIC_BANNER, GENERIC_CLOSE, GENERIC_REJECT } from './consent-platforms.js';

const CLICK_TIMEOUT_MS = 1_500;
const AFTER_CLICK_MS = 600;

/** Finds the first visible locator of a list, or null; never waits for elements to appear. */
async function firstVisible(locator: Locator): Promise<Locator | null> {
  const count = Math.min(await locator.count().catch(() => 0), 10);
  for (let i = 0; i < count; i++) {
    const candidate = locator.nth(i);
    if (await candidate.isVisible().catch(() => false)) return candidate;
  }
  return null;
}

/*
 * The in-page scripts are plain JavaScript strings: a function literal would be serialised with
 * whatever helpers the TypeScript loader injected, which do not exist in the page.
 */

/**
 * Whether the best contact-like link of the page (the highest-weighted word of the link
 * vocabulary's contact categories) is hidden under something else at its own position: a hit
 * test with elementFromPoint after scrolling it into view. A link inside an inert subtree, or
 * one that cannot be scrolled into the viewport because the banner locked scrolling, is covered
 * too. Null when the page has no visible contact-like link.
 */
const CONTACT_LINK_COVERED = `(words) => {
  const norm = (t) => (t || '').normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase()
    .replace(/[^\\p{L}\\p{N}]+/gu, ' ').trim();
  let best = null, bestScore = 0;
  for (const a of document.querySelectorAll('a[href]')) {
    const label = ' ' + norm(a.textContent || a.getAttribute('aria-label') || '');
    let score = 0;
    for (const w of words) if (w.weight > score && label.includes(' ' + w.word)) score = w.weight;
    if (score <= bestScore) continue;
    const r = a.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    best = a; bestScore = score;
  }
  if (!best) return null;
  if (best.closest('[inert]')) return true;
  const scrollX = window.scrollX, scrollY = window.scrollY;
  best.scrollIntoView({ block: 'center', behavior: 'instant' });
  const r = best.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  let covered = true;
  if (x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight) {
    const hit = document.elementFromPoint(x, y);
    covered = !(hit && (hit === best || best.contains(hit) || hit.contains(best)));
  }
  window.scrollTo(scrollX, scrollY);
  return covered;
}`;

/**
 * Whether the banner blocks the page: scrolling locked on html or body, content made inert, or
 * fixed-position overlays (the banner, its backdrop; not a fixed app shell) on top at six or more
 * points of a 3×3 grid over the viewport.
 */
const PAGE_BLOCKED = `(() => {
  const locked = (el) => el && /hidden|clip/.test(getComputedStyle(el).overflowY) &&
    document.documentElement.scrollHeight > window.innerHeight;
  if (locked(document.documentElement) || locked(document.body)) return true;
  if (document.querySelector('body [inert], body[inert]')) return true;
  // A fixed layer that holds the page's own structure (an app shell) is not an overlay.
  const fixedLayer = (el) => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      if (getComputedStyle(e).position !== 'fixed') continue;
      return !e.querySelector('main, nav, header, footer') && e.querySelectorAll('a[href]').length <= 10;
    }
    return false;
  };
  let covered = 0;
  for (const fx of [1 / 6, 1 / 2, 5 / 6]) for (const fy of [1 / 6, 1 / 2, 5 / 6]) {
    const hit = document.elementFromPoint(window.innerWidth * fx, window.innerHeight * fy);
    if (hit && fixedLayer(hit)) covered++;
  }
  return covered >= 6;
})()`;

/**
 * Whether the page could hold a banner at all: an element matching a platform's or the generic
 * banner selector, or an open shadow root (Playwright's locators look inside those; querySelector
 * does not). One round trip instead of a locator query per platform on the many pages without.
 */
const MAY_HAVE_BANNER = `(() => {
  if (document.querySelector(${JSON.stringify([...CONSENT_PLATFORMS.map((p) => p.banner), GENERIC_BANNER].join(', '))})) return true;
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) return true;
  return false;
})()`;

interface FoundBanner {
  platform: string;
  banner: Locator | null;
  reject: Locator | null;
}

async function findBanner(page: Page): Promise<FoundBanner | null> {
  if ((await page.evaluate(MAY_HAVE_BANNER).catch(() => true)) === false) return null;
  for (const candidate of CONSENT_PLATFORMS) {
    const banner = await firstVisible(page.locator(candidate.banner));
    if (banner) {
      return { platform: candidate.name, banner, reject: await firstVisible(page.locator(candidate.reject)) };
    }
  }
  const controls = ':is(button, a, [role="button"], input[type="button"])';
  const reject = await firstVisible(
    page.locator(GENERIC_BANNER).locator(controls).filter({ hasText: GENERIC_REJECT }),
  );
  const banner = await firstVisible(
    page.locator(
      `${GENERIC_BANNER}:is([role="dialog"], [role="alertdialog"], [aria-modal="true"], [class*="banner" i], [id*="banner" i], [class*="wall" i], [id*="wall" i], [class*="modal" i])`,
    ),
  );
  if (!reject && !banner) return null;
  return { platform: 'generic', banner, reject };
}

/** A control that closes the banner without a choice (×, close, sluiten …), inside the banner. */
async function findClose(banner: Locator | null): Promise<Locator | null> {
  if (!banner) return null;
  const controls = banner.locator(':is(button, [role="button"], a:not([href]), a[href^="#"])');
  const byLabel = await firstVisible(controls.filter({ hasText: GENERIC_CLOSE }));
  if (byLabel) return byLabel;
  return firstVisible(
    banner.locator(
      ':is(button, [role="button"]):is([aria-label*="close" i], [aria-label*="sluit" i], [aria-label*="schlie" i], [aria-label*="fermer" i], [class*="close" i])',
    ),
  );
}

async function clickAndSettle(page: Page, control: Locator): Promise<boolean> {
  try {
    await control.click({ timeout: CLICK_TIMEOUT_MS, noWaitAfter: true });
    await page.waitForTimeout(AFTER_CLICK_MS);
    return true;
  } catch {
    return false;
  }
}

/**
 * Looks for a cookie banner, records which platform it is, whether it blocks the page and
 * whether it covers the contact link, then rejects it when a reject control exists, or closes it
 * when it has a close control. Never accepts. A blocking banner that can be neither rejected nor
 * closed is a wall (`wall: true`): the shop's status becomes consent-wall.
 */
export async function handleConsent(
  page: Page,
  words: ContactWord[] = contactLinkWords(),
): Promise<ConsentObservation | null> {
  const found = await findBanner(page);
  if (!found) return null;
  const { platform } = found;
  const covered = (await page
    .evaluate(`(${CONTACT_LINK_COVERED})(${JSON.stringify(words)})`)
    .catch(() => null)) as boolean | null;
  const blocking = (await page.evaluate(PAGE_BLOCKED).catch(() => false)) === true;
  const observed = (action: ConsentObservation['action'], wall: boolean): ConsentObservation => ({
    platform,
    action,
    coveredContactLink: covered,
    blocking,
    wall,
  });
  if (found.reject && (await clickAndSettle(page, found.reject))) return observed('rejected', false);
  const close = await findClose(found.banner);
  if (close && (await clickAndSettle(page, close))) {
    const stillThere = found.banner ? await found.banner.isVisible().catch(() => false) : false;
    const stillBlocked = stillThere && (await page.evaluate(PAGE_BLOCKED).catch(() => false)) === true;
    return observed('none', stillBlocked);
  }
  return observed('none', blocking);
}
