import type { Locator, Page } from 'playwright';
import { CONSENT_PLATFORMS, GENERIC_BANNER, GENERIC_REJECT } from './consent-platforms.js';
import type { ConsentObservation } from './types.js';

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

/**
 * Whether the first contact-like link of the page is hidden under something else (a banner
 * overlay) at its own position. Null when the page has no contact-like link.
 */
const CONTACT_LINK_COVERED = `(() => {
  const words = /contact|klantenservice|kontakt|impressum|service client|customer service|kundenservice/i;
  const link = [...document.querySelectorAll('a[href]')].find((a) => words.test(a.textContent || ''));
  if (!link) return null;
  const scrollY = window.scrollY;
  link.scrollIntoView({ block: 'center' });
  const r = link.getBoundingClientRect();
  let covered = null;
  if (r.width > 0 && r.height > 0) {
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    covered = !(hit && (hit === link || link.contains(hit) || hit.contains(link)));
  }
  window.scrollTo(0, scrollY);
  return covered;
})()`;

/**
 * Looks for a cookie banner, records which platform it is and whether it covers the contact
 * link, and rejects it when a reject control exists. Never accepts.
 */
export async function handleConsent(page: Page): Promise<ConsentObservation | null> {
  let platform: string | null = null;
  let reject: Locator | null = null;
  for (const candidate of CONSENT_PLATFORMS) {
    if (await firstVisible(page.locator(candidate.banner))) {
      platform = candidate.name;
      reject = await firstVisible(page.locator(candidate.reject));
      break;
    }
  }
  if (!platform) {
    const generic = await firstVisible(
      page
        .locator(GENERIC_BANNER)
        .locator(':is(button, a, [role="button"], input[type="button"])')
        .filter({ hasText: GENERIC_REJECT }),
    );
    const banner =
      generic ??
      (await firstVisible(
        page.locator(
          `${GENERIC_BANNER}:is([role="dialog"], [aria-modal="true"], [class*="banner" i], [id*="banner" i])`,
        ),
      ));
    if (!banner) return null;
    platform = 'generic';
    reject = generic;
  }
  const covered = (await page.evaluate(CONTACT_LINK_COVERED).catch(() => null)) as boolean | null;
  if (!reject) return { platform, action: 'none', coveredContactLink: covered };
  try {
    await reject.click({ timeout: CLICK_TIMEOUT_MS, noWaitAfter: true });
    await page.waitForTimeout(AFTER_CLICK_MS);
    return { platform, action: 'rejected', coveredContactLink: covered };
  } catch {
    return { platform, action: 'none', coveredContactLink: covered };
  }
}
