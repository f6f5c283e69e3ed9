/** The part of an htmlparser2 (domhandler) node that reading its text needs. */
export interface TextNode {
  type: string;
  data?: string;
  children?: TextNode[];
}

/**
 * The text of a subtree, comments left out, as cheerio's `.text()` reads it, but with an explicit
 * stack instead of recursion: a hostile page may nest elements deeper than the call stack goes.
 */
export function treeText(node: TextNode | undefined): string {
  if (!node) return '';
  let out = '';
  const stack: TextNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as TextNode;
    if (current.type === 'text') {
      out += current.data ?? '';
      continue;
    }
    if (current.type === 'comment') continue;
    const children = current.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}
