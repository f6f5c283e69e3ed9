import type { EvidencePage } from '../../evidence/types.js';
import type { ElementBox } from '../../extract/types.js';
import { type Lang, translator } from '../../i18n/index.js';
import { clickPath } from '../click-path.js';
import { type Html, html, raw, safeHref } from '../escape.js';
import type { ResultSighting } from '../shop-result.js';
import type { EmbeddedScreenshot } from './shop-page.js';

const CROP_MAX_WIDTH = 640;
const CROP_MIN_WIDTH = 280;
const CROP_PAD_X = 140;
const CROP_PAD_Y = 50;
const CROP_MAX_HEIGHT = 260;
const MARK_PAD = 3;

/** A window on a screenshot, in screenshot pixels, with the element's box inside it. */
export interface CropWindow {
  left: number;
  top: number;
  width: number;
  height: number;
  mark: ElementBox;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/**
 * The part of a screenshot to show around an element: centred on it, padded, and kept inside the image.
 * Null when the element lies outside the image (below the height cap).
 */
export function cropWindow(box: ElementBox, image: { width: number; height: number }): CropWindow | null {
  if (box.x >= image.width || box.y >= image.height || box.x + box.w <= 0 || box.y + box.h <= 0) return null;
  const width = Math.min(image.width, clamp(box.w + 2 * CROP_PAD_X, CROP_MIN_WIDTH, CROP_MAX_WIDTH));
  const height = Math.min(image.height, clamp(box.h + 2 * CROP_PAD_Y, 1, CROP_MAX_HEIGHT));
  const left = Math.round(clamp(box.x + box.w / 2 - width / 2, 0, image.width - width));
  const top = Math.round(clamp(box.y + box.h / 2 - height / 2, 0, image.height - height));
  return {
    left,
    top,
    width: Math.round(width),
    height: Math.round(height),
    mark: {
      x: Math.round(box.x - left - MARK_PAD),
      y: Math.round(box.y - top - MARK_PAD),
      w: Math.round(box.w + 2 * MARK_PAD),
      h: Math.round(box.h + 2 * MARK_PAD),
    },
  };
}

const SAFE_DATA_URI = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;
const SAFE_PAGE_ID = /^p\d+$/;

/** Usable for crops: a well-formed data URI of known size on a page id we can name a class after. */
export function croppable(shot: EmbeddedScreenshot): boolean {
  return (
    SAFE_DATA_URI.test(shot.dataUri) &&
    SAFE_PAGE_ID.test(shot.pageId) &&
    Number.isInteger(shot.width) &&
    Number.isInteger(shot.height)
  );
}

/** One style rule per screenshot, so each image is embedded once however many crops show it. */
export function screenshotStyles(shots: EmbeddedScreenshot[]): Html {
  const rules = shots.filter(croppable).map((s) => `.shot-${s.pageId}{background-image:url("${s.dataUri}")}`);
  return rules.length === 0 ? html`` : raw(`<style>${rules.join('\n')}</style>`);
}

export function clickPathText(pages: EvidencePage[], pageId: string, lang: Lang): Html {
  const t = translator(lang);
  const path = clickPath(pages, pageId);
  if (path === null) return html`${t('report.unlinked')}`;
  return html`${t('report.homePage')}${path.map((step) => html` → “${step.text}”`)}`;
}

/** A crop of the page's screenshot with the sighting's element outlined, and what makes it evidence. */
export function cropFigure(
  sighting: ResultSighting,
  value: string,
  shot: EmbeddedScreenshot,
  pages: EvidencePage[],
  lang: Lang,
): Html | null {
  if (!sighting.box || !croppable(shot)) return null;
  const crop = cropWindow(sighting.box, { width: shot.width as number, height: shot.height as number });
  if (!crop) return null;
  const t = translator(lang);
  const style = `width:${crop.width}px;height:${crop.height}px;background-position:-${crop.left}px -${crop.top}px`;
  const mark = `left:${crop.mark.x}px;top:${crop.mark.y}px;width:${crop.mark.w}px;height:${crop.mark.h}px`;
  return html`<figure class="evidence">
<div class="crop shot-${shot.pageId}" style="${style}" role="img" aria-label="${t('report.cropLabel', { value, url: sighting.pageUrl })}"><div class="mark" style="${mark}"></div></div>
<figcaption><a href="${safeHref(sighting.pageUrl)}" rel="noreferrer">${sighting.pageUrl}</a> · ${t('report.region')}: ${t.term('region', sighting.region)} · ${t('report.clickPath')}: ${clickPathText(pages, sighting.pageId, lang)}<br>
${t('report.screenshot')} SHA-256 <code>${shot.sha256}</code>${shot.capturedAt ? html` · ${t('report.capturedAt')} ${shot.capturedAt}` : ''}${integrityNote(shot, lang)}</figcaption>
</figure>`;
}

export function integrityNote(shot: EmbeddedScreenshot, lang: Lang): Html {
  if (!shot.recordedSha256) return html``;
  const t = translator(lang);
  return shot.recordedSha256 === shot.sha256
    ? html` <span class="muted">(${t('report.screenshotVerified')})</span>`
    : html` <strong>(${t('report.screenshotMismatch')}: <code>${shot.recordedSha256}</code>)</strong>`;
}

/** The whole screenshot, scaled to the column width, from the same single embedded image. */
export function fullScreenshot(shot: EmbeddedScreenshot, url: string, lang: Lang): Html | null {
  if (!croppable(shot)) return null;
  const t = translator(lang);
  const ratio = `${shot.width} / ${shot.height}`;
  return html`<div class="shot-full shot-${shot.pageId}" style="width:${shot.width}px;aspect-ratio:${ratio}" role="img" aria-label="${t('report.fullScreenshot', { url })}"></div>`;
}

/** Sightings worth a crop: boxed, on a page with a screenshot, one per element (a link and its text share a box). */
export function croppedSightings(
  sightings: ResultSighting[],
  shots: Map<string, EmbeddedScreenshot>,
): ResultSighting[] {
  const seen = new Set<string>();
  const out: ResultSighting[] = [];
  for (const s of sightings) {
    const shot = shots.get(s.pageId);
    if (!s.box || !shot || !croppable(shot)) continue;
    const key = `${s.pageId}:${s.box.x},${s.box.y},${s.box.w},${s.box.h}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
