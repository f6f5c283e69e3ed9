import type { Viewport } from './css/media-query.js';
import { PageStyles, type SheetText } from './css/page-styles.js';
import { sheetSourcesOf } from './css/sheet-sources.js';
import { type DomElement, type DomNode, isElement, parseHtml, styleSourcesOf, textOf } from './dom.js';
import { nextRegion, type RegionState } from './region.js';
import { RevealControls } from './reveal-controls.js';
import type { Region } from './types.js';
import { seenOf } from './visibility.js';

/** Where a piece of text sits: what a sighting found in it inherits. */
export interface NodeContext {
  region: Region;
  semantic: boolean;
  hidden: boolean;
  /** Static mode: the page's CSS shows it only at this viewport (an `@media` rule hides it at the other). */
  shownAt?: Viewport;
  /** Static mode: whether it shows cannot be told without running the page (PageStyles). */
  uncertain?: boolean;
  /** Static mode: hidden by the page's stylesheet until a visitor acts; how (see `seenOf`). */
  revealedBy?: string;
  /** Hidden, and nothing on the page can show it. */
  unrevealable?: boolean;
  belowFold: boolean;
  /** Nearest enclosing <a>, for tel:/mailto: pairing. */
  anchor: DomElement | null;
  /** Browser mode: the nearest ancestor-or-self `data-sr-box` value, unparsed. */
  box?: string;
}

export type SegmentSource = 'text' | 'alt' | 'comment';

export interface TextSegment {
  start: number;
  end: number;
  ctx: NodeContext;
  source: SegmentSource;
}

export interface Located<T> {
  el: T;
  ctx: NodeContext;
}

/**
 * One pass over the DOM: the page's readable text flattened into one string (block boundaries
 * become newlines, inline boundaries vanish so `<span>0</span><b>20 123</b>` reads as one number),
 * plus the elements later steps look at, each with its context.
 */
export interface PageModel {
  rendered: boolean;
  text: string;
  segments: TextSegment[];
  anchors: Located<DomElement>[];
  cfEmails: Located<DomElement>[];
  scripts: Located<DomElement>[];
  iframes: Located<DomElement>[];
  forms: Located<DomElement>[];
  itemprops: Located<DomElement>[];
  title: string | null;
  h1: string | null;
  lang: string | null;
  /** Length of readable text in <body> (not counting comments and alt texts). */
  visibleTextLength: number;
  /** Static mode: what applying the page's CSS left out (sources or selectors past their caps), when anything. */
  styleLimits?: { sourcesLeftOut: number; selectorsLeftOut: number };
}

/** The page's own stylesheets as the crawl fetched them (static mode), and the URL to resolve links against. */
export interface StyleInput {
  pageUrl: string | null;
  sheets: SheetText[];
}

const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'button',
  'output',
  'ins',
  'del',
]);

/** Subtrees that hold no readable text of their own. */
const SKIP_TEXT = new Set([
  'script',
  'style',
  'head',
  'svg',
  'math',
  'textarea',
  'select',
  'iframe',
  'object',
  'canvas',
]);

const WS = /[\t\n\r\f \u200b]+/g;

/**
 * Marks where an inline element starts or ends. Phones read it as a space (so
 * "<time>06/11/2023</time><a>0 comments</a>" stays a date), e-mails read through it
 * (so "info<span>@</span>shop.nl" stays an address).
 */
export const INLINE_EDGE = '\u200b';

/** The context an element's children are read in, and how the element ends. */
interface Frame {
  ctx: NodeContext;
  inBody: boolean;
  skipText: boolean;
  /** A block element ends with a line break, an inline one with an INLINE_EDGE. */
  block: boolean;
}

export function buildPageModel(html: string, parsed?: DomNode, styleInput?: StyleInput): PageModel {
  const root = parsed ?? parseHtml(html);
  const htmlEl = root.children?.find((n) => isElement(n) && n.name === 'html') as DomElement | undefined;
  const rendered = htmlEl?.attribs['data-sr-rendered'] === '1';
  const styles = rendered ? null : pageStyles(root, htmlEl, styleInput);
  const model: PageModel = {
    rendered,
    text: '',
    segments: [],
    anchors: [],
    cfEmails: [],
    scripts: [],
    iframes: [],
    forms: [],
    itemprops: [],
    title: null,
    h1: null,
    lang: htmlEl ? normaliseLang(htmlEl.attribs.lang) : null,
    visibleTextLength: 0,
  };
  const walk: Walk = {
    model,
    text: new TextBuilder(model.segments),
    styles,
    controls: new RevealControls(root),
  };
  walkDom(root, walk);
  model.text = walk.text.toString();
  if (styles && (styles.sourcesLeftOut > 0 || styles.selectorsLeftOut > 0))
    model.styleLimits = { sourcesLeftOut: styles.sourcesLeftOut, selectorsLeftOut: styles.selectorsLeftOut };
  return model;
}

/** The page's text as it is read, with the segment each piece came from. */
class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;

  constructor(private readonly segments: TextSegment[]) {}

  /** Appends text; with a context, as a segment later steps can place a sighting in. */
  push(s: string, ctx: NodeContext | null, source: SegmentSource): void {
    if (s === '') return;
    if (ctx) this.segments.push({ start: this.length, end: this.length + s.length, ctx, source });
    this.parts.push(s);
    this.length += s.length;
  }

  /** A line break, unless the text is empty or already ends with one. */
  newline(): void {
    if (this.length > 0 && this.parts[this.parts.length - 1] !== '\n') this.push('\n', null, 'text');
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** What the walk over the DOM builds and judges elements with. */
interface Walk {
  model: PageModel;
  text: TextBuilder;
  styles: PageStyles | null;
  controls: RevealControls;
}

/**
 * Depth first, in document order, with an explicit stack: a hostile page may nest elements
 * deeper than the call stack goes (issue 17). An entry is a node to enter, or (node null) the
 * end of the element whose frame it carries.
 */
function walkDom(root: DomNode, walk: Walk): void {
  const start: NodeContext = {
    region: 'main',
    semantic: false,
    hidden: false,
    belowFold: false,
    anchor: null,
  };
  const nodes: Array<DomNode | null> = [root];
  const frames: Frame[] = [{ ctx: start, inBody: false, skipText: false, block: false }];
  while (nodes.length > 0) {
    const node = nodes.pop() as DomNode | null;
    const frame = frames.pop() as Frame;
    if (node === null) {
      leave(walk.text, frame);
      continue;
    }
    const inner = visit(walk, node, frame);
    if (inner === null) continue;
    if (isElement(node)) {
      nodes.push(null);
      frames.push(inner);
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      frames.push(inner);
    }
  }
}

/** Reads a node; returns the frame its children are read in, or null when they are not read. */
function visit(walk: Walk, node: DomNode, frame: Frame): Frame | null {
  if (node.type === 'text') {
    readText(walk, node, frame);
    return null;
  }
  if (node.type === 'comment') {
    walk.text.newline();
    walk.text.push((node.data ?? '').replace(WS, ' '), { ...frame.ctx, hidden: true }, 'comment');
    walk.text.newline();
    return null;
  }
  return isElement(node) ? enter(walk, node, frame) : frame;
}

function readText(walk: Walk, node: DomNode, { ctx, inBody, skipText }: Frame): void {
  if (skipText) return;
  const s = (node.data ?? '').replace(WS, ' ');
  if (inBody && !ctx.hidden) walk.model.visibleTextLength += s.trim().length;
  walk.text.push(s, ctx, 'text');
}

/** What is done when an element is entered; its children are then walked by the caller. */
function enter(walk: Walk, el: DomElement, frame: Frame): Frame | null {
  const { model, text } = walk;
  const name = el.name;
  if (name === 'title' && model.title === null) model.title = oneLine(el);
  if (name === 'script') {
    model.scripts.push({ el, ctx: frame.ctx });
    return null;
  }
  if (name === 'style') return null;
  const ctx = contextFor(el, frame.ctx, model.rendered, walk.styles, walk.controls);
  collect(model, el, ctx);
  const skipText = frame.skipText || SKIP_TEXT.has(name);
  if (name === 'img' && !skipText && el.attribs.alt) {
    text.push(` ${el.attribs.alt.replace(WS, ' ')} `, ctx, 'alt');
    return null;
  }
  const block = !INLINE.has(name);
  if (!skipText) openEdge(text, name, block);
  return { ctx, inBody: frame.inBody || name === 'body', skipText, block };
}

/** Keeps the elements later steps look at, with the context they are read in. */
function collect(model: PageModel, el: DomElement, ctx: NodeContext): void {
  const name = el.name;
  if (name === 'a') model.anchors.push({ el, ctx });
  if (el.attribs['data-cfemail'] !== undefined) model.cfEmails.push({ el, ctx });
  if (name === 'iframe') model.iframes.push({ el, ctx });
  if (name === 'form') model.forms.push({ el, ctx });
  if (el.attribs.itemprop !== undefined) model.itemprops.push({ el, ctx });
  if (name === 'h1' && model.h1 === null) model.h1 = oneLine(el);
}

/** An element's text on one line, or null when it has none. */
function oneLine(el: DomElement): string | null {
  return textOf(el).replace(WS, ' ').trim() || null;
}

/** How an element's text starts: a block (and a `<br>`) on a new line, an inline one with an INLINE_EDGE. */
function openEdge(text: TextBuilder, name: string, block: boolean): void {
  if (block) text.newline();
  if (name === 'br') text.newline();
  if (!block) text.push(INLINE_EDGE, null, 'text');
}

function leave(text: TextBuilder, frame: Frame): void {
  if (frame.skipText) return;
  if (frame.block) text.newline();
  else text.push(INLINE_EDGE, null, 'text');
}

/** The page's CSS, ready to judge elements (static pages). */
function pageStyles(
  root: DomNode,
  htmlEl: DomElement | undefined,
  input: StyleInput | undefined,
): PageStyles {
  const { sources, leftOut } = sheetSourcesOf(styleSourcesOf(root), input?.pageUrl ?? null);
  const body = htmlEl?.children.find((n) => isElement(n) && n.name === 'body') as DomElement | undefined;
  const rootClasses = new Set<string>();
  for (const el of [htmlEl, body])
    for (const name of (el?.attribs.class ?? '').split(/\s+/)) if (name) rootClasses.add(name);
  const styles = new PageStyles(sources, input?.sheets ?? [], rootClasses);
  styles.sourcesLeftOut = leftOut;
  return styles;
}

function contextFor(
  el: DomElement,
  parent: NodeContext,
  rendered: boolean,
  styles: PageStyles | null,
  controls: RevealControls,
): NodeContext {
  // Classes on <html>/<body> describe the page state ("has-sidebar"), not a region.
  const region: RegionState = el.name === 'body' || el.name === 'html' ? parent : nextRegion(el, parent);
  const seen = seenOf(el, parent, rendered, styles, controls);
  const belowFold = parent.belowFold || el.attribs['data-sr-below-fold'] === '1';
  const anchor = el.name === 'a' ? el : parent.anchor;
  const box = el.attribs['data-sr-box'] ?? parent.box;
  if (
    region.region === parent.region &&
    region.semantic === parent.semantic &&
    seen.hidden === parent.hidden &&
    seen.shownAt === parent.shownAt &&
    seen.uncertain === parent.uncertain &&
    seen.revealedBy === parent.revealedBy &&
    seen.unrevealable === parent.unrevealable &&
    belowFold === parent.belowFold &&
    anchor === parent.anchor &&
    box === parent.box
  ) {
    return parent;
  }
  const ctx: NodeContext = {
    region: region.region,
    semantic: region.semantic,
    hidden: seen.hidden,
    belowFold,
    anchor,
  };
  if (!seen.hidden && seen.shownAt) ctx.shownAt = seen.shownAt;
  if (!seen.hidden && seen.uncertain) ctx.uncertain = true;
  if (!seen.hidden && seen.revealedBy) ctx.revealedBy = seen.revealedBy;
  if (seen.hidden && seen.unrevealable) ctx.unrevealable = true;
  if (box !== undefined) ctx.box = box;
  return ctx;
}

export function normaliseLang(value: string | undefined): string | null {
  if (!value) return null;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** The segment holding a text offset (binary search), or null for a synthetic newline. */
export function segmentAt(model: PageModel, offset: number): TextSegment | null {
  const segs = model.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}
