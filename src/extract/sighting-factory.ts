import { parseElementBox } from './element-box.js';
import type { NodeContext, SegmentSource } from './page-model.js';
import type { Presentation, Sighting, Visibility } from './types.js';

/** Facts about the page every sighting on it shares. */
export interface PagePlace {
  rendered: boolean;
  afterInteraction: string | null;
}

export interface SightingPlace extends PagePlace {
  ctx: NodeContext;
  source: SegmentSource;
}

/** A sighting with the context it was read in (its enclosing link, region …). */
export interface Found {
  sighting: Sighting;
  ctx: NodeContext;
  /** Where it stands in the page model's text, for what is read beside it (a call price). */
  span?: { start: number; end: number };
}

/**
 * Static pages: ordinary body text counts as seen; hidden markup (by attributes or the page's CSS)
 * and comments never; text whose visibility depends on the page's scripts is unknown.
 */
export function visibilityOf(place: SightingPlace): Visibility {
  if (place.source === 'comment' || place.ctx.hidden) return false;
  if (place.source === 'alt' || place.ctx.uncertain) return 'unknown';
  return true;
}

export function clipRaw(raw: string): string {
  const trimmed = raw.replace(/[\s\u200b]+/g, ' ').trim();
  return trimmed.length > 200 ? trimmed.slice(0, 200) : trimmed;
}

export function makeSighting(
  fields: Pick<Sighting, 'kind' | 'value' | 'raw'> & Partial<Sighting>,
  place: SightingPlace,
  presentation: Presentation,
): Sighting {
  const sighting: Sighting = {
    kind: fields.kind,
    value: fields.value,
    raw: clipRaw(fields.raw),
    region: fields.region ?? place.ctx.region,
    presentation: place.source === 'alt' ? 'image-hint' : presentation,
    visible: fields.visible ?? visibilityOf(place),
    afterInteraction: place.afterInteraction ?? place.ctx.revealedBy ?? null,
  };
  if (place.rendered) sighting.aboveFold = !place.ctx.belowFold;
  else if (place.ctx.shownAt && sighting.visible !== false) sighting.shownAt = place.ctx.shownAt;
  if (sighting.visible === false && place.ctx.unrevealable && place.source !== 'comment')
    sighting.revealable = false;
  if (fields.phoneType !== undefined) sighting.phoneType = fields.phoneType;
  if (fields.label !== undefined) sighting.label = fields.label;
  const box = place.rendered ? parseElementBox(place.ctx.box) : undefined;
  if (box) sighting.box = box;
  return sighting;
}
