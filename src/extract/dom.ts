import { DomHandler, Parser } from 'htmlparser2';
import { HTML_PARSER_OPTIONS } from '../common/html-tokenizer.js';

/**
 * The slice of the htmlparser2 node shape that extraction reads. Declared here so the stage does
 * not import domhandler (a transitive dependency) directly.
 */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
  parent: DomNode | null;
}

export interface DomElement extends DomNode {
  type: 'tag' | 'script' | 'style';
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

/** Elements the page's CSS comes from or is resolved against, in document order, noted while parsing. */
const STYLE_SOURCE_TAGS = new Set(['style', 'link', 'base']);
const styleSourcesByRoot = new WeakMap<DomNode, DomElement[]>();

/**
 * Parses with htmlparser2 (cheerio's fast path, without cheerio's wrapper), in HTML mode, entities
 * decoded, with the fast skip through scripts. `<style>`, `<link>` and `<base>` elements are noted
 * as they close (`styleSourcesOf`), so applying the page's CSS needs no walk to find them.
 */
export function parseHtml(html: string): DomNode {
  const sources: DomElement[] = [];
  const handler = new DomHandler(undefined, HTML_PARSER_OPTIONS, (el) => {
    if (STYLE_SOURCE_TAGS.has(el.name)) sources.push(el as unknown as DomElement);
  });
  new Parser(handler, HTML_PARSER_OPTIONS).end(html);
  const root = handler.root as unknown as DomNode;
  styleSourcesByRoot.set(root, sources);
  return root;
}

/** The `<style>`, `<link>` and `<base>` elements of a parsed page, in document order. */
export function styleSourcesOf(root: DomNode): DomElement[] {
  const noted = styleSourcesByRoot.get(root);
  if (noted) return noted;
  const found: DomElement[] = [];
  forEachElement(root, (el) => {
    if (STYLE_SOURCE_TAGS.has(el.name)) found.push(el);
  });
  return found;
}

export function isElement(node: DomNode): node is DomElement {
  return (
    (node.type === 'tag' || node.type === 'script' || node.type === 'style') && typeof node.name === 'string'
  );
}

export function attr(node: DomNode, name: string): string | undefined {
  return node.attribs?.[name];
}

/** Depth-first, document order. */
export function forEachElement(root: DomNode, visit: (el: DomElement) => void): void {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (isElement(node)) visit(node);
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/**
 * Concatenated text of a subtree (scripts and styles included only when asked). Iterative, like
 * every walk of a page's tree here: a hostile page may nest elements deeper than the call stack.
 */
export function textOf(node: DomNode, withScripts = false): string {
  let out = '';
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as DomNode;
    if (current.type === 'text') {
      out += current.data ?? '';
      continue;
    }
    if (current.type === 'comment') continue;
    if (!withScripts && (current.type === 'script' || current.type === 'style')) continue;
    const children = current.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

export function findFirst(root: DomNode, name: string): DomElement | null {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (isElement(node) && node.name === name) return node;
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}
