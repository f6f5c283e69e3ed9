import { type DomElement, textOf } from './dom.js';
import {
  cfHrefEmail,
  decodeCfEmail,
  fromCharCodeEmails,
  joomlaCloakEmails,
  mailtoHrefEmails,
  typo3HrefEmail,
} from './email-decoders.js';
import { emailsInText } from './email-text.js';
import { type NodeContext, type PageModel, segmentAt } from './page-model.js';
import { type Found, makeSighting, type PagePlace } from './sighting-factory.js';
import type { Presentation, Sighting } from './types.js';

export function emailsInPageText(model: PageModel, page: PagePlace): Found[] {
  const out: Found[] = [];
  for (const hit of emailsInText(model.text)) {
    const seg = segmentAt(model, hit.start);
    if (!seg) continue;
    const sighting = makeSighting(
      { kind: 'email', value: hit.value, raw: model.text.slice(hit.start, hit.end) },
      { ...page, ctx: seg.ctx, source: seg.source },
      hit.deobfuscated ? 'deobfuscated' : 'text',
    );
    out.push({ sighting, ctx: seg.ctx, span: { start: hit.start, end: hit.end } });
  }
  return out;
}

/** Addresses a link's href carries, with how they are encoded. */
function hrefEmails(href: string): { value: string; presentation: Presentation }[] {
  const cf = cfHrefEmail(href);
  if (cf) return [{ value: cf, presentation: 'cf-email' }];
  const typo3 = typo3HrefEmail(href);
  if (typo3) return [{ value: typo3, presentation: 'script-written' }];
  return mailtoHrefEmails(href).map((value) => ({ value, presentation: 'mailto-link' as Presentation }));
}

/**
 * Links, Cloudflare-protected elements and script-written addresses. A link whose text shows its
 * own address upgrades that text sighting to a mailto-link; an address only in the href (behind
 * "mail us", or a different address than the text shows) is href-only and not visible.
 */
export function emailsInMarkup(model: PageModel, inText: Found[], page: PagePlace): Sighting[] {
  // Each Cloudflare-protected element's address, so a link around it is not counted twice.
  const cfValues = new Map<unknown, string>();
  const cf = cfEmailSightings(model, page, cfValues);
  const links = model.anchors.flatMap(({ el, ctx }) => linkEmailSightings(el, ctx, inText, page, cfValues));
  const scripts = model.rendered ? [] : scriptEmailSightings(model, page);
  return [...cf, ...links, ...scripts];
}

function cfEmailSightings(model: PageModel, page: PagePlace, cfValues: Map<unknown, string>): Sighting[] {
  const out: Sighting[] = [];
  for (const { el, ctx } of model.cfEmails) {
    const value = decodeCfEmail(el.attribs['data-cfemail']);
    if (!value) continue;
    cfValues.set(el, value);
    out.push(
      makeSighting(
        { kind: 'email', value, raw: textOf(el) || el.attribs['data-cfemail'] },
        { ...page, ctx, source: 'text' },
        'cf-email',
      ),
    );
  }
  return out;
}

/** A link's addresses: shown in its text (that sighting upgraded), else href-only. */
function linkEmailSightings(
  el: DomElement,
  ctx: NodeContext,
  inText: Found[],
  page: PagePlace,
  cfValues: Map<unknown, string>,
): Sighting[] {
  const href = el.attribs.href;
  if (!href) return [];
  const out: Sighting[] = [];
  for (const { value, presentation } of hrefEmails(href)) {
    const shown = inText.filter((f) => f.ctx.anchor === el && f.sighting.value === value);
    if (shown.length > 0) {
      for (const f of shown) if (f.sighting.presentation === 'text') f.sighting.presentation = presentation;
      continue;
    }
    if (presentation === 'cf-email' && hasCfDescendant(el, value, cfValues)) continue;
    out.push(
      makeSighting(
        { kind: 'email', value, raw: href, visible: false },
        { ...page, ctx, source: 'text' },
        'href-only',
      ),
    );
  }
  return out;
}

/** Addresses inline scripts write into the page (static mode: a browser would have run them). */
function scriptEmailSightings(model: PageModel, page: PagePlace): Sighting[] {
  const out: Sighting[] = [];
  for (const { el, ctx } of model.scripts) {
    if (el.attribs.src) continue;
    const code = textOf(el, true);
    for (const value of new Set([...joomlaCloakEmails(code), ...fromCharCodeEmails(code)])) {
      out.push(
        makeSighting(
          { kind: 'email', value, raw: value, visible: ctx.hidden ? false : 'unknown' },
          { ...page, ctx, source: 'text' },
          'script-written',
        ),
      );
    }
  }
  return out;
}

function hasCfDescendant(
  el: { children?: unknown[] },
  value: string,
  cfValues: Map<unknown, string>,
): boolean {
  // An explicit stack: a hostile page may nest the link's content deeper than the call stack.
  const stack = [...((el.children ?? []) as { children?: unknown[] }[])];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (cfValues.get(node) === value) return true;
    for (const child of (node.children ?? []) as { children?: unknown[] }[]) stack.push(child);
  }
  return false;
}
