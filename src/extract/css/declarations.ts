import * as csstree from 'css-tree';

/** The properties whose values decide whether an element can be seen (see `hidesBy`). */
export const VISIBILITY_PROPERTIES = new Set([
  'display',
  'visibility',
  'opacity',
  'clip',
  'clip-path',
  'position',
  'left',
  'top',
  'text-indent',
  'width',
  'height',
  'max-height',
  'overflow',
]);

export interface Declaration {
  property: string;
  /** Lower case, trimmed, without `!important`. */
  value: string;
  important: boolean;
}

/** Further than this off the page's top or left edge, a box is out of every visitor's sight. */
const OFF_SCREEN_PX = -999;

/** Whether one declaration hides an element by itself, or is one part of a pattern that does. */
export function canHide(d: Declaration): boolean {
  switch (d.property) {
    case 'display':
      return d.value === 'none';
    case 'visibility':
      return d.value === 'hidden' || d.value === 'collapse';
    case 'opacity':
      return isZero(d.value);
    case 'clip':
      return zeroClip(d.value);
    case 'clip-path':
      return zeroClipPath(d.value);
    case 'text-indent':
    case 'left':
    case 'top': {
      const px = lengthPx(d.value);
      return px !== null && px <= OFF_SCREEN_PX;
    }
    case 'width':
    case 'height': {
      const px = lengthPx(d.value);
      return px !== null && px <= 1;
    }
    case 'max-height':
      return lengthPx(d.value) === 0;
    default:
      return false;
  }
}

/** The winning value of each visibility property for one element, at one viewport. */
export type Computed = Map<string, string>;

/**
 * Why the winning values hide the element, or null. The patterns are those a browser would show
 * as nothing: no box, an invisible box, a box clipped to nothing (the "visually hidden" / sr-only
 * pattern), a box of at most one pixel that hides its overflow, or one placed far off the page.
 */
export function hidesBy(values: Computed): string | null {
  for (const pattern of HIDING_PATTERNS) {
    const why = pattern(values);
    if (why !== null) return why;
  }
  return null;
}

/** One way winning values hide an element: why, or null. */
type HidingPattern = (values: Computed) => string | null;

const noBox: HidingPattern = (values) => (values.get('display') === 'none' ? 'display:none' : null);

const invisible: HidingPattern = (values) => {
  const visibility = values.get('visibility');
  return visibility === 'hidden' || visibility === 'collapse' ? `visibility:${visibility}` : null;
};

const transparent: HidingPattern = (values) => {
  const opacity = values.get('opacity');
  return opacity !== undefined && isZero(opacity) ? 'opacity:0' : null;
};

function isPositioned(values: Computed): boolean {
  return ['absolute', 'fixed'].includes(values.get('position') ?? '');
}

/** `clip` applies only to an absolutely positioned box. */
const clipped: HidingPattern = (values) => {
  const clip = values.get('clip');
  return isPositioned(values) && clip !== undefined && zeroClip(clip) ? 'clip' : null;
};

const clippedPath: HidingPattern = (values) => {
  const clipPath = values.get('clip-path');
  return clipPath !== undefined && zeroClipPath(clipPath) ? 'clip-path' : null;
};

function isOffScreen(px: number | null): boolean {
  return px !== null && px <= OFF_SCREEN_PX;
}

const indentedAway: HidingPattern = (values) =>
  isOffScreen(pxOf(values, 'text-indent')) ? 'text-indent off-screen' : null;

const placedAway: HidingPattern = (values) =>
  isPositioned(values) && (isOffScreen(pxOf(values, 'left')) || isOffScreen(pxOf(values, 'top')))
    ? 'off-screen'
    : null;

/** A box of at most one pixel, or of no height, that hides what overflows it. */
const shrunk: HidingPattern = (values) => {
  const overflow = values.get('overflow');
  if (overflow !== 'hidden' && overflow !== 'clip') return null;
  const width = pxOf(values, 'width');
  const height = pxOf(values, 'height');
  if (width !== null && height !== null && width <= 1 && height <= 1) return 'zero size';
  return pxOf(values, 'max-height') === 0 ? 'max-height:0' : null;
};

/** In the order they are reported: the first that applies is the reason given. */
const HIDING_PATTERNS: HidingPattern[] = [
  noBox,
  invisible,
  transparent,
  clipped,
  clippedPath,
  indentedAway,
  placedAway,
  shrunk,
];

function pxOf(values: Computed, property: string): number | null {
  const value = values.get(property);
  return value === undefined ? null : lengthPx(value);
}

function isZero(value: string): boolean {
  const n = Number.parseFloat(value);
  return n === 0 && /^[-+]?0*\.?0*%?$/.test(value);
}

/** A length in CSS pixels: px, em and rem at the default font size, or a unitless 0. */
export function lengthPx(value: string): number | null {
  const node = valueNodes(value);
  if (node.length !== 1) return null;
  return nodePx(node[0]);
}

function nodePx(node: csstree.CssNode): number | null {
  if (node.type === 'Number') return Number(node.value) === 0 ? 0 : null;
  if (node.type !== 'Dimension') return null;
  const n = Number(node.value);
  const unit = node.unit.toLowerCase();
  if (unit === 'px') return n;
  if (unit === 'em' || unit === 'rem') return n * 16;
  return null;
}

const parsedValues = new Map<string, csstree.CssNode[]>();

/** A value's top-level nodes, parsed by css-tree (remembered: the same values recur). */
function valueNodes(value: string): csstree.CssNode[] {
  let nodes = parsedValues.get(value);
  if (nodes) return nodes;
  try {
    const ast = csstree.parse(value, { context: 'value' });
    nodes = ast.type === 'Value' ? ast.children.toArray().filter((n) => n.type !== 'WhiteSpace') : [];
  } catch {
    nodes = [];
  }
  if (parsedValues.size > 5_000) parsedValues.clear();
  parsedValues.set(value, nodes);
  return nodes;
}

/** `rect(…)` whose box has no width or no height (`rect(0 0 0 0)`, `rect(1px,1px,1px,1px)`). */
function zeroClip(value: string): boolean {
  const fn = valueNodes(value)[0];
  if (fn?.type !== 'Function' || fn.name.toLowerCase() !== 'rect') return false;
  const sides = fn.children.toArray().filter((n) => n.type !== 'Operator' && n.type !== 'WhiteSpace');
  if (sides.length !== 4) return false;
  const [top, right, bottom, left] = sides.map(nodePx);
  if (top === null || right === null || bottom === null || left === null) return false;
  return bottom - top <= 1 || right - left <= 1;
}

/** `inset(50%)` or more, or a circle or ellipse of radius 0: nothing of the box is left. */
function zeroClipPath(value: string): boolean {
  const fn = valueNodes(value)[0];
  if (fn?.type !== 'Function') return false;
  const name = fn.name.toLowerCase();
  const args = fn.children.toArray().filter((n) => n.type !== 'WhiteSpace' && n.type !== 'Operator');
  const first = args[0];
  if (name === 'inset') return first?.type === 'Percentage' && Number(first.value) >= 50 && args.length === 1;
  if (name === 'circle' || name === 'ellipse') return first !== undefined && nodePx(first) === 0;
  return false;
}

/** The visibility declarations of a declaration list (a rule's block or a `style` attribute). */
export function visibilityDeclarations(block: csstree.CssNode): Declaration[] {
  const out: Declaration[] = [];
  if (block.type !== 'Block' && block.type !== 'DeclarationList') return out;
  for (const node of block.children.toArray()) {
    if (node.type !== 'Declaration') continue;
    const property = node.property.toLowerCase();
    if (!VISIBILITY_PROPERTIES.has(property)) continue;
    const raw = node.value.type === 'Raw' ? node.value.value : csstree.generate(node.value);
    out.push({ property, value: raw.trim().toLowerCase(), important: node.important !== false });
  }
  return out;
}

/** Words whose presence in a style attribute or sheet is needed for anything in it to hide. */
const HIDING_HINTS = ['none', 'hidden', 'collapse', 'clip', 'opacity', 'max-height'];

/**
 * A cheap first look before parsing CSS: text in which no declaration could hide anything (none
 * of the hiding keywords, no length far below zero) need not be parsed at all.
 */
export function mayHide(css: string): boolean {
  return lowerMayHide(css.toLowerCase());
}

function lowerMayHide(lower: string): boolean {
  for (const hint of HIDING_HINTS) if (lower.includes(hint)) return true;
  return hasFarNegative(lower);
}

function hasFarNegative(css: string): boolean {
  for (let i = css.indexOf('-'); i !== -1; i = css.indexOf('-', i + 1)) {
    let j = i + 1;
    while (j < css.length && css.charCodeAt(j) >= 48 && css.charCodeAt(j) <= 57) j++;
    if (j - i > 3 && Number(css.slice(i + 1, j)) >= -OFF_SCREEN_PX) return true;
  }
  return false;
}

/** A declaration of a visibility property as plain text: `name: value`, after `{`, `;` or a space. */
const PLAIN_DECLARATION = new RegExp(
  `(?:^|[{;\\s])(${[...VISIBILITY_PROPERTIES].join('|')})\\s*:\\s*([^;{}]*)`,
  'g',
);
const IMPORTANT = /\s*!\s*important\s*$/;

/**
 * Whether some rule of a sheet can hide an element by itself (`canHide`), read from its text
 * without parsing it: a sheet that cannot is needed only when an element is hidden by something
 * else (its rules may undo that), so it can wait until then. Text the plain reading could get
 * wrong (comments, escapes) and an `@import` (an unread sheet to note) count as yes.
 */
export function sheetMayHide(css: string): boolean {
  const lower = css.toLowerCase();
  if (!lowerMayHide(lower)) return false;
  if (lower.includes('/*') || lower.includes('\\') || lower.includes('@import')) return true;
  for (const [, property, raw] of lower.matchAll(PLAIN_DECLARATION)) {
    const important = IMPORTANT.test(raw);
    const value = raw.replace(IMPORTANT, '').trim();
    if (canHide({ property, value, important })) return true;
  }
  return false;
}
