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
  const ast = parseSheet(css);
  if (!ast) return { ...EMPTY, unreadable: true };
  const sheet: CompiledSheet = {
    rules: [],
    onDemand: [],
    hides: false,
    imports: 0,
    selectorsLeftOut: 0,
    unreadable: false,
  };
  // Blocks still to read, with the media they apply at: an explicit stack, not recursion.
  const stack: Block[] = [];
  if (ast.type === 'StyleSheet') stack.push(blockOf(ast.children, EVERYWHERE));
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const node = top.nodes.pop();
    if (!node) stack.pop();
    else if (node.type === 'Atrule') {
      const inner = readAtRule(sheet, node, top.media);
      if (inner) stack.push(inner);
    } else if (node.type === 'Rule' && node.prelude.type === 'Raw')
      readRule(sheet, node.prelude.value, node.block, top.media);
  }
  return sheet;
}

/** Nodes of a block still to read (last first, for popping), with the media they apply at. */
interface Block {
  nodes: csstree.CssNode[];
  media: MediaMatch;
}

function blockOf(children: csstree.List<csstree.CssNode>, media: MediaMatch): Block {
  return { nodes: children.toArray().reverse(), media };
}

function parseSheet(css: string): csstree.CssNode | null {
  try {
    return csstree.parse(css, {
      parseValue: false,
      parseRulePrelude: false,
      parseCustomProperty: false,
      positions: false,
      onParseError: () => {},
    });
  } catch {
    return null;
  }
}

/** Counts an `@import`; returns the at-rule's block when its rules apply at some viewport. */
function readAtRule(sheet: CompiledSheet, node: csstree.Atrule, outer: MediaMatch): Block | null {
  const name = node.name.toLowerCase();
  if (name === 'import') sheet.imports++;
  if (!node.block) return null;
  const media = atRuleMedia(name, node.prelude, outer);
  return media && (media.desktop || media.phone) ? blockOf(node.block.children, media) : null;
}

/** Where an at-rule's rules apply: `@media` narrows, transparent at-rules keep, any other drops them. */
function atRuleMedia(name: string, prelude: csstree.Atrule['prelude'], outer: MediaMatch): MediaMatch | null {
  if (name === 'media') {
    const inner = matchMediaList(prelude);
    return { desktop: outer.desktop && inner.desktop, phone: outer.phone && inner.phone };
  }
  return TRANSPARENT_AT_RULES.has(name) ? outer : null;
}

/** Keeps each selector of a rule that sets a visibility property, and its on-demand selectors. */
function readRule(sheet: CompiledSheet, prelude: string, block: csstree.Block, media: MediaMatch): void {
  const declarations = visibilityDeclarations(block);
  if (declarations.length === 0) return;
  const hides = declarations.some(canHide);
  for (const selector of parseSelectorList(prelude)) {
    const kept = keepRule(sheet, sheet.rules, sheet.rules.length, { selector, declarations, hides, media });
    if (kept && hides) sheet.hides = true;
  }
  if (hides) return;
  for (const selector of onDemandSelectorsOf(prelude)) {
    const count = sheet.rules.length + sheet.onDemand.length;
    keepRule(sheet, sheet.onDemand, count, { selector, declarations, hides, media });
  }
}

/**
 * Adds a rule to a list unless `count` selectors are already kept (then it is counted as left
 * out). Its order is the number of rules kept before it, in either list.
 */
function keepRule(
  sheet: CompiledSheet,
  list: StyleRule[],
  count: number,
  rule: Omit<StyleRule, 'order'>,
): boolean {
  if (count >= MAX_SELECTORS) {
    sheet.selectorsLeftOut++;
    return false;
  }
  list.push({ ...rule, order: sheet.rules.length + sheet.onDemand.length });
  return true;
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
