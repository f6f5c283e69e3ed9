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
  const base = baseUrlOf(elements, pageUrl);
  const gathered: Gathered = { sources: [], leftOut: 0, chars: 0 };
  for (const el of elements) if (isStyleSource(el)) addSource(gathered, el, base);
  return { sources: gathered.sources, leftOut: gathered.leftOut };
}

/** The sources so far, those left out, and the `<style>` characters read. */
interface Gathered extends SheetSources {
  chars: number;
}

/** The URL the page's links resolve against: its `<base href>`, else the page's own. */
function baseUrlOf(elements: DomElement[], pageUrl: string | null): string | null {
  const baseEl = elements.find((el) => el.name === 'base' && el.attribs.href);
  if (baseEl && pageUrl) return resolve(baseEl.attribs.href, pageUrl) ?? pageUrl;
  return pageUrl;
}

/** A `<style>` or stylesheet `<link>` that can apply to the page. */
function isStyleSource(el: DomElement): boolean {
  if (el.name !== 'style' && el.name !== 'link') return false;
  if (inert(el)) return false;
  return el.name === 'style' || isStylesheetLink(el.attribs);
}

function addSource(gathered: Gathered, el: DomElement, base: string | null): void {
  if (gathered.sources.length >= MAX_SHEET_SOURCES) {
    gathered.leftOut++;
    return;
  }
  if (el.name === 'style') addStyle(gathered, el);
  else {
    const link = linkSource(el, base);
    if (link) gathered.sources.push(link);
  }
}

function addStyle(gathered: Gathered, el: DomElement): void {
  const css = textOf(el, true);
  if (gathered.chars + css.length > MAX_STYLE_CHARS) {
    gathered.leftOut++;
    return;
  }
  gathered.chars += css.length;
  const media = el.attribs.media;
  gathered.sources.push(media === undefined ? { kind: 'style', css } : { kind: 'style', css, media });
}

/** A stylesheet link's absolute URL and media, or null when it has no http(s) URL. */
function linkSource(el: DomElement, base: string | null): SheetSource | null {
  const url = base ? resolve(el.attribs.href ?? '', base) : null;
  if (!url) return null;
  const media = el.attribs.media;
  // The asynchronous-loading pattern (`media="print" onload="this.media='all'"`) applies once the page runs.
  const loadsLater = el.attribs.onload !== undefined && media?.trim().toLowerCase() === 'print';
  return media === undefined || loadsLater ? { kind: 'link', url } : { kind: 'link', url, media };
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
