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

/** true, false, or null when the query asks something static mode cannot know. */
function matchQuery(query: MediaQueryNode, viewport: Viewport): boolean | null {
  const type = query.mediaType?.toLowerCase() ?? 'all';
  let result: boolean | null = type === 'all' || type === 'screen' ? true : type === 'print' ? false : false;
  if (result && query.condition) result = matchCondition(query.condition, viewport);
  if (query.modifier?.toLowerCase() === 'not') return result === null ? null : !result;
  return result;
}

/** How deep conditions in parentheses are judged; deeper, static mode cannot tell (null). */
const MAX_CONDITION_DEPTH = 16;

/** A condition: terms joined by `and` / `or`, each possibly preceded by `not`. */
function matchCondition(node: csstree.CssNode, viewport: Viewport, depth = 0): boolean | null {
  if (node.type !== 'Condition') return matchTerm(node, viewport);
  if (depth >= MAX_CONDITION_DEPTH) return null;
  let result: boolean | null = null;
  let operator: 'and' | 'or' | null = null;
  let negate = false;
  for (const child of node.children.toArray()) {
    if (child.type === 'Identifier') {
      const word = child.name.toLowerCase();
      if (word === 'not') negate = true;
      else if (word === 'and' || word === 'or') operator = word;
      continue;
    }
    let value = matchCondition(child, viewport, depth + 1);
    if (negate && value !== null) value = !value;
    negate = false;
    if (operator === null) result = value;
    else if (operator === 'and') result = result === false || value === false ? false : result && value;
    else result = result === true || value === true ? true : result === null || value === null ? null : false;
  }
  return result;
}

function matchTerm(node: csstree.CssNode, viewport: Viewport): boolean | null {
  const size = VIEWPORTS[viewport];
  if (node.type === 'Feature') {
    const name = node.name.toLowerCase();
    const value = node.value ? lengthPx(node.value) : null;
    const axis = name.endsWith('height') ? size.height : name.endsWith('width') ? size.width : null;
    if (name === 'orientation' && node.value?.type === 'Identifier')
      return (node.value.name.toLowerCase() === 'landscape') === size.width > size.height;
    if (axis === null || value === null) return null;
    if (name.startsWith('min-')) return axis >= value;
    if (name.startsWith('max-')) return axis <= value;
    if (name === 'width' || name === 'height') return axis === value;
    return null;
  }
  if (node.type === 'FeatureRange') {
    const range = node as unknown as RangeNode;
    const feature = [range.left, range.middle, range.right].find((n) => n?.type === 'Identifier') as
      | { name: string }
      | undefined;
    const name = feature?.name.toLowerCase();
    const axis = name === 'width' ? size.width : name === 'height' ? size.height : null;
    if (axis === null) return null;
    const parts = [range.left, range.middle, range.right].map((n) =>
      n && n.type !== 'Identifier' ? lengthPx(n) : n ? axis : undefined,
    );
    const comparisons = [range.leftComparison, range.rightComparison];
    for (let i = 0; i < 2; i++) {
      const a = parts[i];
      const b = parts[i + 1];
      const op = comparisons[i];
      if (a === undefined || b === undefined || !op) continue;
      if (a === null || b === null) return null;
      if (!compare(a, op, b)) return false;
    }
    return true;
  }
  return null;
}

interface RangeNode {
  left: csstree.CssNode | null;
  leftComparison: string | null;
  middle: csstree.CssNode | null;
  rightComparison: string | null;
  right: csstree.CssNode | null;
}

function compare(a: number, op: string, b: number): boolean {
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  if (op === '>=') return a >= b;
  return a === b;
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
