import * as csstree from 'css-tree';

/** The two viewports static mode judges a page at: the browser's desktop and the mobile pass's phone. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
} as const;
export type Viewport = keyof typeof VIEWPORTS;

/** Where a rule applies: at each viewport, on a screen. */
export interface MediaMatch {
  desktop: boolean;
  phone: boolean;
}

export const EVERYWHERE: MediaMatch = Object.freeze({ desktop: true, phone: true });
export const NOWHERE: MediaMatch = Object.freeze({ desktop: false, phone: false });

const ROOT_FONT_PX = 16;

/** A parsed media query list (an `@media` prelude or a `media` attribute) at both viewports. */
export function matchMediaList(list: csstree.CssNode | null | undefined): MediaMatch {
  if (!list) return EVERYWHERE;
  const queries: csstree.CssNode[] = [];
  csstree.walk(list, {
    visit: 'MediaQuery',
    enter(node) {
      queries.push(node);
    },
  });
  if (queries.length === 0) return EVERYWHERE;
  return {
    desktop: queries.some((q) => matchQuery(q as MediaQueryNode, 'desktop') === true),
    phone: queries.some((q) => matchQuery(q as MediaQueryNode, 'phone') === true),
  };
}

/** A `media` attribute's text; an attribute that cannot be read applies nowhere. */
export function matchMediaText(text: string | undefined): MediaMatch {
  const media = text?.trim();
  if (!media || media.toLowerCase() === 'all') return EVERYWHERE;
  try {
    return matchMediaList(csstree.parse(media, { context: 'mediaQueryList' }));
  } catch {
    return NOWHERE;
  }
}

interface MediaQueryNode {
  type: 'MediaQuery';
  modifier: string | null;
  mediaType: string | null;
  condition: csstree.CssNode | null;
}

/** A judgement static mode can make: true, false, or null when it cannot know. */
type Judgement = boolean | null;

/** true, false, or null when the query asks something static mode cannot know. */
function matchQuery(query: MediaQueryNode, viewport: Viewport): Judgement {
  const type = query.mediaType?.toLowerCase() ?? 'all';
  let result: Judgement = type === 'all' || type === 'screen';
  if (result && query.condition) result = matchCondition(query.condition, viewport);
  if (query.modifier?.toLowerCase() === 'not') return negate(result);
  return result;
}

function negate(value: Judgement): Judgement {
  return value === null ? null : !value;
}

/** How deep conditions in parentheses are judged; deeper, static mode cannot tell (null). */
const MAX_CONDITION_DEPTH = 16;

type Operator = 'and' | 'or';

/** How `and` / `or` join what is known so far with the next term, unknowns included. */
const COMBINE: Record<Operator, (sofar: Judgement, next: Judgement) => Judgement> = {
  and: (sofar, next) => (sofar === false || next === false ? false : sofar && next),
  or: (sofar, next) =>
    sofar === true || next === true ? true : sofar === null || next === null ? null : false,
};

function isOperator(word: string): word is Operator {
  return word === 'and' || word === 'or';
}

/** A condition: terms joined by `and` / `or`, each possibly preceded by `not`. */
function matchCondition(node: csstree.CssNode, viewport: Viewport, depth = 0): Judgement {
  if (node.type !== 'Condition') return matchTerm(node, viewport);
  if (depth >= MAX_CONDITION_DEPTH) return null;
  let result: Judgement = null;
  let operator: Operator | null = null;
  let negateNext = false;
  for (const child of node.children.toArray()) {
    if (child.type === 'Identifier') {
      const word = child.name.toLowerCase();
      if (word === 'not') negateNext = true;
      else if (isOperator(word)) operator = word;
      continue;
    }
    const value = matchCondition(child, viewport, depth + 1);
    const term = negateNext ? negate(value) : value;
    negateNext = false;
    result = operator === null ? term : COMBINE[operator](result, term);
  }
  return result;
}

type Size = (typeof VIEWPORTS)[Viewport];

function matchTerm(node: csstree.CssNode, viewport: Viewport): Judgement {
  const size = VIEWPORTS[viewport];
  if (node.type === 'Feature') return matchFeature(node, size);
  if (node.type === 'FeatureRange') return matchRange(node as unknown as RangeNode, size);
  return null;
}

/** A plain feature: `(orientation: …)`, `(min-width: …)`, `(max-height: …)`, `(width: …)`. */
function matchFeature(node: csstree.Feature, size: Size): Judgement {
  const name = node.name.toLowerCase();
  if (name === 'orientation' && node.value?.type === 'Identifier')
    return (node.value.name.toLowerCase() === 'landscape') === size.width > size.height;
  const axis = featureAxis(name, size);
  const value = node.value ? lengthPx(node.value) : null;
  if (axis === null || value === null) return null;
  return compareFeature(name, axis, value);
}

/** The viewport length a feature name measures (any name ending in width or height). */
function featureAxis(name: string, size: Size): number | null {
  if (name.endsWith('height')) return size.height;
  if (name.endsWith('width')) return size.width;
  return null;
}

function compareFeature(name: string, axis: number, value: number): Judgement {
  if (name.startsWith('min-')) return axis >= value;
  if (name.startsWith('max-')) return axis <= value;
  if (name === 'width' || name === 'height') return axis === value;
  return null;
}

interface RangeNode {
  left: csstree.CssNode | null;
  leftComparison: string | null;
  middle: csstree.CssNode | null;
  rightComparison: string | null;
  right: csstree.CssNode | null;
}

/** A range feature such as `(400px <= width < 800px)`: every comparison in it must hold. */
function matchRange(range: RangeNode, size: Size): Judgement {
  const nodes = [range.left, range.middle, range.right];
  const axis = rangeAxis(nodes, size);
  if (axis === null) return null;
  const parts = nodes.map((n) => (n && n.type !== 'Identifier' ? lengthPx(n) : n ? axis : undefined));
  const comparisons = [range.leftComparison, range.rightComparison];
  for (let i = 0; i < 2; i++) {
    const step = compareStep(parts[i], comparisons[i], parts[i + 1]);
    if (step !== true) return step;
  }
  return true;
}

/** The viewport length of the range's feature name (width or height), else null. */
function rangeAxis(nodes: (csstree.CssNode | null)[], size: Size): number | null {
  const feature = nodes.find((n) => n?.type === 'Identifier') as { name: string } | undefined;
  const name = feature?.name.toLowerCase();
  if (name === 'width') return size.width;
  if (name === 'height') return size.height;
  return null;
}

/** One comparison of a range; a missing side or operator holds trivially, an unknown length is null. */
function compareStep(
  a: number | null | undefined,
  op: string | null,
  b: number | null | undefined,
): Judgement {
  if (a === undefined || b === undefined || !op) return true;
  if (a === null || b === null) return null;
  return compare(a, op, b);
}

const COMPARISONS = new Map<string, (a: number, b: number) => boolean>([
  ['<', (a, b) => a < b],
  ['<=', (a, b) => a <= b],
  ['>', (a, b) => a > b],
  ['>=', (a, b) => a >= b],
]);

/** `a op b`; any other operator (`=`) is equality. */
function compare(a: number, op: string, b: number): boolean {
  const comparison = COMPARISONS.get(op);
  return comparison ? comparison(a, b) : a === b;
}

/** A length in CSS pixels (px, em and rem at the default font size), else null. */
function lengthPx(node: csstree.CssNode): number | null {
  if (node.type === 'Number') return Number(node.value) === 0 ? 0 : null;
  if (node.type !== 'Dimension') return null;
  const value = Number(node.value);
  const unit = node.unit.toLowerCase();
  if (unit === 'px') return value;
  if (unit === 'em' || unit === 'rem') return value * ROOT_FONT_PX;
  return null;
}
