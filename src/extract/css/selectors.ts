import { compile } from 'css-select';
import { parse, type Selector } from 'css-what';
import type { DomElement } from '../dom.js';

/** Pseudo-classes that hold only while a visitor acts (hovers, focuses, follows a link): never at rest. */
const DYNAMIC = new Set(['hover', 'focus', 'focus-within', 'focus-visible', 'active', 'target', 'visited']);
const TRAVERSAL = new Set(['descendant', 'child', 'sibling', 'adjacent', 'parent', 'column-combinator']);
/** Functional pseudo-classes whose argument is a selector list. */
const SELECTOR_ARGUMENT = new Set(['not', 'is', 'where', 'matches', 'has', 'any']);

/** One selector of a rule, ready to be matched against elements. */
export interface ParsedSelector {
  tokens: Selector[];
  /** a × 1,000,000 + b × 1,000 + c. */
  specificity: number;
  /** The rightmost compound's most telling part: `#id`, `.class`, `[attr`, a tag name, or '*'. */
  key: string;
  /** Class names the selector asks for anywhere (to see whether it depends on the page's state). */
  classes: string[];
  /** Attribute names it asks for. */
  attributes: string[];
}

/**
 * The selectors of a rule's selector list, as they apply to a page at rest: a selector that needs
 * a hover, a focus or a pseudo-element never applies to an element's own box and is left out; a
 * `:not(:focus)` is always true at rest and is dropped. Unreadable lists give none.
 */
export function parseSelectorList(text: string): ParsedSelector[] {
  let list: Selector[][];
  try {
    list = parse(text);
  } catch {
    return [];
  }
  const out: ParsedSelector[] = [];
  for (const selector of list) {
    const tokens = atRest(selector);
    if (!tokens || tokens.length === 0) continue;
    const classes: string[] = [];
    const attributes: string[] = [];
    collectNames(tokens, classes, attributes);
    out.push({ tokens, specificity: specificityOf(tokens), key: keyOf(tokens), classes, attributes });
  }
  return out;
}

/** Pseudo-classes a visitor sets by acting on the page: a rule that needs one shows what it matches on demand. */
const ON_DEMAND = new Set([...DYNAMIC, 'checked']);

/**
 * The selectors of a rule's list that hold only while a visitor acts (`:hover`, `:focus-within`,
 * `:checked`, `:target` …), with those pseudo-classes taken as true: the elements they match are
 * the ones the rule shows on demand. Selectors without such a pseudo-class give none.
 */
export function onDemandSelectorsOf(text: string): ParsedSelector[] {
  let list: Selector[][];
  try {
    list = parse(text);
  } catch {
    return [];
  }
  const out: ParsedSelector[] = [];
  for (const selector of list) {
    if (!selector.some((t) => t.type === 'pseudo' && ON_DEMAND.has(t.name.toLowerCase()))) continue;
    const acted = selector.filter((t) => !(t.type === 'pseudo' && ON_DEMAND.has(t.name.toLowerCase())));
    const tokens = atRest(acted);
    if (!tokens || tokens.length === 0 || TRAVERSAL.has(tokens[tokens.length - 1].type)) continue;
    const classes: string[] = [];
    const attributes: string[] = [];
    collectNames(tokens, classes, attributes);
    out.push({ tokens, specificity: specificityOf(tokens), key: keyOf(tokens), classes, attributes });
  }
  return out;
}

function atRest(selector: Selector[]): Selector[] | null {
  const out: Selector[] = [];
  for (const token of selector) {
    const rest = tokenAtRest(token);
    if (rest === 'never') return null;
    if (rest !== 'always') out.push(rest);
  }
  return out;
}

/**
 * One token as it stands on a page at rest: itself (or, for a pseudo-class over a selector list,
 * a copy with the arguments that can hold at rest), 'always' when it holds whatever the element,
 * 'never' when it cannot hold at all.
 */
function tokenAtRest(token: Selector): Selector | 'always' | 'never' {
  if (token.type === 'pseudo-element') return 'never';
  if (token.type !== 'pseudo') return token;
  const name = token.name.toLowerCase();
  if (DYNAMIC.has(name)) return 'never';
  if (!SELECTOR_ARGUMENT.has(name) || !Array.isArray(token.data)) return token;
  const kept = token.data.map(atRest).filter((s): s is Selector[] => s !== null && s.length > 0);
  if (kept.length > 0) return { ...token, data: kept };
  // :not(a, b) with no argument that can hold at rest is always true; :is() and the like never are.
  return name === 'not' ? 'always' : 'never';
}

function collectNames(tokens: Selector[], classes: string[], attributes: string[]): void {
  for (const token of tokens) {
    if (token.type === 'attribute') {
      if (token.name === 'class' && token.action === 'element') classes.push(token.value);
      else if (token.name !== 'id') attributes.push(token.name.toLowerCase());
    } else if (token.type === 'pseudo' && Array.isArray(token.data)) {
      for (const inner of token.data) collectNames(inner, classes, attributes);
    }
  }
}

function specificityOf(tokens: Selector[]): number {
  let a = 0;
  let b = 0;
  let c = 0;
  for (const token of tokens) {
    if (token.type === 'attribute') {
      if (token.name === 'id' && token.action === 'equals') a++;
      else b++;
    } else if (token.type === 'tag') c++;
    else if (token.type === 'pseudo') {
      const name = token.name.toLowerCase();
      if (name === 'where') continue;
      if (SELECTOR_ARGUMENT.has(name) && Array.isArray(token.data)) {
        // The most specific argument counts.
        const inner = Math.max(0, ...token.data.map(specificityOf));
        a += Math.floor(inner / 1_000_000);
        b += Math.floor(inner / 1_000) % 1_000;
        c += inner % 1_000;
      } else b++;
    }
  }
  return a * 1_000_000 + Math.min(b, 999) * 1_000 + Math.min(c, 999);
}

function keyOf(tokens: Selector[]): string {
  let start = tokens.length;
  while (start > 0 && !TRAVERSAL.has(tokens[start - 1].type)) start--;
  const compound = tokens.slice(start);
  let key = '*';
  for (const token of compound) {
    if (token.type === 'attribute' && token.name === 'id' && token.action === 'equals')
      return `#${token.value}`;
    if (token.type === 'attribute' && token.name === 'class' && token.action === 'element')
      key = `.${token.value}`;
    else if (key === '*' && token.type === 'tag') key = token.name.toLowerCase();
    else if (key === '*' && token.type === 'attribute') key = `[${token.name.toLowerCase()}`;
  }
  return key;
}

/** A selector's test, compiled by css-select on first use; null when css-select cannot read it. */
export type ElementTest = (el: DomElement) => boolean;

export function compileSelector(selector: ParsedSelector): ElementTest | null {
  try {
    const query = compile([selector.tokens], { xmlMode: false }) as unknown as (el: DomElement) => boolean;
    return (el) => {
      try {
        return query(el);
      } catch {
        // A pathological tree (say :has over a page nested past the call stack) decides nothing.
        return false;
      }
    };
  } catch {
    return null;
  }
}
