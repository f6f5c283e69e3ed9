import type { Translate } from './translate.js';

/** The crawler records a reveal as `clicked "Label"` (src/crawl/reveal.ts); anything else is shown as recorded. */
const CLICKED = /^clicked "(.*)"$/s;

/** The click that revealed a detail, in the reader's language: “after clicking "Toon nummer"”. */
export function interactionText(recorded: string, t: Translate): string {
  const clicked = CLICKED.exec(recorded);
  return clicked ? t('interaction.clicked', { label: clicked[1] }) : recorded;
}

/** The same click as a verb phrase, for advice written as "…after the visitor {click}". */
export function interactionVerb(recorded: string, t: Translate): string {
  const clicked = CLICKED.exec(recorded);
  return clicked ? t('interaction.clickedVerb', { label: clicked[1] }) : recorded;
}
