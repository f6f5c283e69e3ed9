import type { Page } from 'playwright';

/** Labels of controls that reveal a phone number or e-mail address, NL/EN/DE/FR. */
export const REVEAL_LABEL =
  /((toon|laat|bekijk|zie)\b.{0,20}\b(telefoonnummer|nummer|e-?mailadres|e-?mail)|(show|reveal|view|display)\b.{0,20}\b(phone|number|e-?mail)|(telefonnummer|nummer|rufnummer|e-?mail-?adresse|e-?mail)\b.{0,10}\b(anzeigen|zeigen|einblenden)|(afficher|voir|montrer)\b.{0,20}\b(numero|numéro|telephone|téléphone|e-?mail|adresse))/i;

/** Controls that may reveal contact data: buttons and script links, never a navigation. */
export const REVEAL_CONTROLS =
  'button:not([type="submit"]), [role="button"], a[href^="#"], a[href^="javascript:"], a:not([href])';

const MAX_REVEALS = 3;
const CLICK_TIMEOUT_MS = 1_500;
const AFTER_CLICK_MS = 500;

/**
 * Clicks controls whose label says they reveal contact data, one at a time, and reports each
 * click done. Only buttons and script links (no navigation, no form submission): a link with a
 * real href, a submit button or anything inside a form is left alone.
 */
export async function revealContactData(
  page: Page,
  onRevealed: (description: string) => Promise<void>,
): Promise<number> {
  const controls = page.locator(REVEAL_CONTROLS).filter({ hasText: REVEAL_LABEL });
  const count = Math.min(await controls.count().catch(() => 0), MAX_REVEALS);
  let clicked = 0;
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible().catch(() => false))) continue;
    const inForm =
      (await control
        .locator('xpath=ancestor::form')
        .count()
        .catch(() => 1)) > 0;
    if (inForm) continue;
    const label = ((await control.textContent().catch(() => '')) || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
    try {
      await control.click({ timeout: CLICK_TIMEOUT_MS, noWaitAfter: true });
    } catch {
      continue;
    }
    await page.waitForTimeout(AFTER_CLICK_MS);
    clicked++;
    await onRevealed(`clicked "${label}"`);
  }
  return clicked;
}
