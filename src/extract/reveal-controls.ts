import { type DomElement, type DomNode, isElement } from './dom.js';

/** Attributes by which a control names the element it opens (`#id` or a bare id). */
const TARGET_ATTRIBUTES = ['aria-controls', 'data-target', 'data-bs-target', 'data-toggle-target', 'for'];
/** Roles of a navigation menu: its hidden parts open from its menu button. */
const MENU_ROLES = new Set(['navigation', 'menu', 'menubar']);
/** Ancestors looked at for a control, and siblings looked at per ancestor: bounded on hostile trees. */
const MAX_LEVELS = 12;
const MAX_SIBLINGS = 50;
const MAX_TARGET_IDS = 10_000;

/**
 * What on the page can show a hidden element: a control that names it or one of its ancestors
 * (`aria-controls`, `data-target`, `href="#id"`, `<label for>`), a closed `<details>`, a
 * navigation menu, or a toggle next to it (`aria-expanded`, `aria-haspopup`, the checkbox of a
 * CSS switch). Judged from the
 * markup, so it holds in static and in browser mode alike.
 */
export class RevealControls {
  private targets: Set<string> | null = null;

  constructor(private readonly root: DomNode) {}

  /** How a visitor shows the element, in words for the evidence; null when nothing on the page can. */
  revealerOf(el: DomElement): string | null {
    let node: DomElement | null = el;
    for (let level = 0; node?.attribs && level < MAX_LEVELS; level++) {
      const a = node.attribs;
      if (node.name === 'details' && a.open === undefined) return 'a click on its summary';
      if (a.id && this.targetIds().has(a.id)) return 'a control that opens it';
      if (node.name === 'nav' || MENU_ROLES.has((a.role ?? '').toLowerCase())) return 'the menu button';
      if (a['aria-expanded'] !== undefined || hasToggleSibling(node)) return 'a toggle next to it';
      node = node.parent as DomElement | null;
    }
    return null;
  }

  private targetIds(): Set<string> {
    if (this.targets) return this.targets;
    const ids = new Set<string>();
    const stack: DomNode[] = [this.root];
    while (stack.length > 0 && ids.size < MAX_TARGET_IDS) {
      const node = stack.pop() as DomNode;
      if (isElement(node)) addTargetIds(node.attribs, ids);
      const children = node.children;
      if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    this.targets = ids;
    return ids;
  }
}

/** The ids an element's attributes name as the element it opens. */
function addTargetIds(a: Record<string, string>, ids: Set<string>): void {
  for (const name of TARGET_ATTRIBUTES) for (const id of idsIn(a[name])) ids.add(id);
  if (a.href?.startsWith('#') && a.href.length > 1) ids.add(a.href.slice(1));
}

/** The ids in an attribute's space-separated value, each without a leading `#`. */
function idsIn(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => part.replace(/^#/, ''));
}

function hasToggleSibling(el: DomElement): boolean {
  const siblings = (el.parent as DomElement | null)?.children;
  if (!siblings) return false;
  let seen = 0;
  for (const sibling of siblings) {
    if (sibling === el || !isElement(sibling)) continue;
    if (++seen > MAX_SIBLINGS) return false;
    const a = sibling.attribs;
    if (
      a['aria-expanded'] !== undefined ||
      (a['aria-haspopup'] !== undefined && a['aria-haspopup'] !== 'false')
    )
      return true;
    // The checkbox switch: a (often hidden) checkbox or radio whose state a sibling rule reads.
    const type = a.type?.toLowerCase();
    if (sibling.name === 'input' && (type === 'checkbox' || type === 'radio')) return true;
  }
  return false;
}
