import * as csstree from 'css-tree';
import { canHide, type Declaration, mayHide, visibilityDeclarations } from './declarations.js';
import { EVERYWHERE, type MediaMatch, matchMediaList } from './media-query.js';
import {
  type ElementTest,
  onDemandSelectorsOf,
  type ParsedSelector,
  parseSelectorList,
} from './selectors.js';

/** One selector of a rule that sets a visibility property, with where and how strongly it applies. */
export interface StyleRule {
  selector: ParsedSelector;
  declarations: Declaration[];
  /** Some declaration hides by itself (display:none …): the rule can make an element a suspect. */
  hides: boolean;
  media: MediaMatch;
  /** Position in its sheet. */
  order: number;
  /** The compiled test, made on first use (undefined), or null when css-select cannot read it. */
  test?: ElementTest | null;
}

export interface CompiledSheet {
  rules: StyleRule[];
  /** Rules that show what they match while a visitor hovers, focuses or checks something (a menu, a toggle). */
  onDemand: StyleRule[];
  hides: boolean;
  /** `@import`ed sheets: not read, so what they do is unknown. */
  imports: number;
  /** Selectors left out once MAX_SELECTORS was reached. */
  selectorsLeftOut: number;
  /** The sheet could not be parsed at all. */
  unreadable: boolean;
}

/** Selectors kept per sheet; past it the rest is left out, and the page's limits say so. */
export const MAX_SELECTORS = 20_000;
/** A sheet longer than this is not parsed (the crawl fetches none longer either). */
export const MAX_SHEET_CHARS = 1_000_000;

const EMPTY: CompiledSheet = Object.freeze({
  rules: [],
  onDemand: [],
  hides: false,
  imports: 0,
  selectorsLeftOut: 0,
  unreadable: false,
}) as CompiledSheet;

/** At-rules whose rules apply as if they stood outside them (the condition taken as true). */
const TRANSPARENT_AT_RULES = new Set(['supports', 'layer', 'scope', 'starting-style']);

/**
 * The rules of a style sheet that set a visibility property, each selector on its own. Only a
 * sheet in which something can hide is parsed at all; within it, only declarations of the
 * visibility properties are kept, so the rules matched later are few.
 */
export function compileSheet(css: string): CompiledSheet {
  if (css.length > MAX_SHEET_CHARS) return { ...EMPTY, unreadable: true };
  if (!mayHide(css)) return EMPTY;
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(css, {
      parseValue: false,
      parseRulePrelude: false,
      parseCustomProperty: false,
      positions: false,
      onParseError: () => {},
    });
  } catch {
    return { ...EMPTY, unreadable: true };
  }
  const sheet: CompiledSheet = {
    rules: [],
    onDemand: [],
    hides: false,
    imports: 0,
    selectorsLeftOut: 0,
    unreadable: false,
  };
  // Blocks still to read, with the media they apply at: an explicit stack, not recursion.
  const stack: Array<{ nodes: csstree.CssNode[]; media: MediaMatch }> = [];
  if (ast.type === 'StyleSheet') stack.push({ nodes: ast.children.toArray().reverse(), media: EVERYWHERE });
  let order = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const node = top.nodes.pop();
    if (!node) {
      stack.pop();
      continue;
    }
    if (node.type === 'Atrule') {
      const name = node.name.toLowerCase();
      if (name === 'import') sheet.imports++;
      if (!node.block) continue;
      let media: MediaMatch | null = null;
      if (name === 'media') {
        const inner = matchMediaList(node.prelude);
        media = { desktop: top.media.desktop && inner.desktop, phone: top.media.phone && inner.phone };
      } else if (TRANSPARENT_AT_RULES.has(name)) media = top.media;
      if (media && (media.desktop || media.phone))
        stack.push({ nodes: node.block.children.toArray().reverse(), media });
      continue;
    }
    if (node.type !== 'Rule' || node.prelude.type !== 'Raw') continue;
    const declarations = visibilityDeclarations(node.block);
    if (declarations.length === 0) continue;
    const hides = declarations.some(canHide);
    for (const selector of parseSelectorList(node.prelude.value)) {
      if (sheet.rules.length >= MAX_SELECTORS) {
        sheet.selectorsLeftOut++;
        continue;
      }
      sheet.rules.push({ selector, declarations, hides, media: top.media, order: order++ });
      if (hides) sheet.hides = true;
    }
    if (hides) continue;
    for (const selector of onDemandSelectorsOf(node.prelude.value)) {
      if (sheet.rules.length + sheet.onDemand.length >= MAX_SELECTORS) {
        sheet.selectorsLeftOut++;
        continue;
      }
      sheet.onDemand.push({ selector, declarations, hides, media: top.media, order: order++ });
    }
  }
  return sheet;
}

/** Compiled sheets by their text: a shop's pages share their sheets and often their `<style>` blocks. */
const compiled = new Map<string, CompiledSheet>();
let compiledChars = 0;
const MAX_CACHED_CHARS = 8_000_000;

export function compiledSheet(css: string): CompiledSheet {
  const hit = compiled.get(css);
  if (hit) return hit;
  const sheet = compileSheet(css);
  if (css.length <= MAX_CACHED_CHARS) {
    while (compiledChars + css.length > MAX_CACHED_CHARS && compiled.size > 0) {
      const oldest = compiled.keys().next().value as string;
      compiled.delete(oldest);
      compiledChars -= oldest.length;
    }
    compiled.set(css, sheet);
    compiledChars += css.length;
  }
  return sheet;
}
