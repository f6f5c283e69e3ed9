import type { ScreenshotMissing } from '../crawl/types.js';
import type { Lang } from './i18n.js';

/** The shop page's words for evidence files: page snapshots and why a screenshot is missing. */
const en = {
  snapshotLink: 'snapshot (.html.gz)',
  snapshotMissing: 'snapshot not stored',
  snapshotNoHtml: 'a document: no HTML kept',
  snapshotMismatch: 'its content does not match this SHA-256',
  afterCrawl: 'taken in a render after the crawl',
  noScreenshot: 'No screenshot',
  missingTitle: 'Pages without a screenshot',
  snapshotsNote:
    'Each page snapshot is the page as it was fetched (or rendered), gzipped, named by the SHA-256 of its content. ' +
    "It is the shop's own markup: it downloads, and is best opened in a text editor.",
  missing: {
    off: 'screenshots were turned off (--no-screenshots)',
    'no-browser':
      'no browser was found to render the page (static mode needs none; shopreach doctor says how to install one)',
    'browser-failed': 'the browser could not be started',
    'render-failed': 'rendering the page after the crawl failed',
    'out-of-time': 'the renders after the crawl ran out of time',
    'after-click': 'the view after a click could not be shot',
  } satisfies Record<ScreenshotMissing['code'], string>,
};

type EvidenceText = typeof en;

const nl: EvidenceText = {
  snapshotLink: 'paginakopie (.html.gz)',
  snapshotMissing: 'paginakopie niet bewaard',
  snapshotNoHtml: 'een document: geen HTML bewaard',
  snapshotMismatch: 'de inhoud komt niet overeen met deze SHA-256',
  afterCrawl: 'gemaakt in een weergave na de crawl',
  noScreenshot: 'Geen schermafbeelding',
  missingTitle: "Pagina's zonder schermafbeelding",
  snapshotsNote:
    'Elke paginakopie is de pagina zoals die is opgehaald (of weergegeven), gecomprimeerd, genoemd naar de SHA-256 van de inhoud. ' +
    'Het is de opmaak van de winkel zelf: het bestand wordt gedownload en opent u het best in een teksteditor.',
  missing: {
    off: 'schermafbeeldingen stonden uit (--no-screenshots)',
    'no-browser':
      'er is geen browser gevonden om de pagina weer te geven (de statische modus heeft er geen nodig; shopreach doctor zegt hoe u er een installeert)',
    'browser-failed': 'de browser kon niet worden gestart',
    'render-failed': 'het weergeven van de pagina na de crawl is mislukt',
    'out-of-time': 'de tijd voor het weergeven na de crawl was op',
    'after-click': 'van de weergave na een klik kon geen schermafbeelding worden gemaakt',
  },
};

export function evidenceText(lang: Lang = 'en'): EvidenceText {
  return lang === 'nl' ? nl : en;
}

/** Why a page has no screenshot, in the report's language, with the error when there was one. */
export function missingReason(missing: ScreenshotMissing, lang: Lang): string {
  const reason = evidenceText(lang).missing[missing.code] ?? missing.code;
  return missing.detail ? `${reason}: ${missing.detail}` : reason;
}
