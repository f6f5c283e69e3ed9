import { isStylesheetLink } from '../../common/stylesheet-link.js';
import { type DomElement, type DomNode, textOf } from '../dom.js';
import type { SheetSource } from './page-styles.js';

/** `<style>` blocks and stylesheet links read per page; past this the rest is left out, and said so. */
export const MAX_SHEET_SOURCES = 200;
/** Characters of `<style>` text read per page. */
export const MAX_STYLE_CHARS = 2_000_000;
/** How far up a style element is checked for a `<noscript>` or `<template>` that keeps it from applying. */
const INERT_ANCESTOR_DEPTH = 64;

export interface SheetSources {
  sources: SheetSource[];
  /** Style sources left out by the caps. */
  leftOut: number;
}

/**
 * The page's stylesheets in document order: `<style>` blocks and `<link rel=stylesheet>` URLs,
 * resolved against `<base href>` or the page's URL. Styles inside `<noscript>` apply only without
 * scripts and those inside `<template>` never do: both are left out.
 */
export function sheetSourcesOf(elements: DomElement[], pageUrl: string | null): SheetSources {
  let base = pageUrl;
  const baseEl = elements.find((el) => el.name === 'base' && el.attribs.href);
  if (baseEl && pageUrl) base = resolve(baseEl.attribs.href, pageUrl) ?? pageUrl;
  const sources: SheetSource[] = [];
  let leftOut = 0;
  let chars = 0;
  for (const el of elements) {
    if (el.name !== 'style' && el.name !== 'link') continue;
    if (inert(el)) continue;
    if (el.name === 'link' && !isStylesheetLink(el.attribs)) continue;
    if (sources.length >= MAX_SHEET_SOURCES) {
      leftOut++;
      continue;
    }
    const media = el.attribs.media;
    if (el.name === 'style') {
      const css = textOf(el, true);
      if (chars + css.length > MAX_STYLE_CHARS) {
        leftOut++;
        continue;
      }
      chars += css.length;
      sources.push(media === undefined ? { kind: 'style', css } : { kind: 'style', css, media });
      continue;
    }
    const url = base ? resolve(el.attribs.href ?? '', base) : null;
    if (!url) continue;
    // The asynchronous-loading pattern (`media="print" onload="this.media='all'"`) applies once the page runs.
    const loadsLater = el.attribs.onload !== undefined && media?.trim().toLowerCase() === 'print';
    sources.push(media === undefined || loadsLater ? { kind: 'link', url } : { kind: 'link', url, media });
  }
  return { sources, leftOut };
}

function inert(el: DomElement): boolean {
  let node: DomNode | null = el.parent;
  for (let i = 0; node && i < INERT_ANCESTOR_DEPTH; i++, node = node.parent)
    if (node.name === 'noscript' || node.name === 'template') return true;
  return false;
}

/** An absolute http(s) URL without its fragment, or null. */
export function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
