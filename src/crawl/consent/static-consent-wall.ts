import * as cheerio from 'cheerio';
import { Parser } from 'htmlparser2';
import { HTML_PARSER_OPTIONS } from '../../common/html-tokenizer.js';
import { treeText } from '../../common/tree-text.js';
import type { ConsentObservation } from '../types.js';
import { CONSENT_PLATFORMS, GENERIC_ACCEPT, GENERIC_REJECT } from './consent-platforms.js';

/** A page with more readable text than this is a page with content, not a bare wall. */
const MAX_WALL_TEXT = 1_200;
const CONSENT_WORDS = /cookie|consent|toestemming|einwilligung|zustimmung|consentement|gdpr|privacy/i;
/** Links a wall may still offer without giving access to the shop: its cookie or privacy policy. */
const POLICY_LINK = /cookie|privacy|datenschutz|confidentialit|impressum|imprint/i;

/**
 * Static mode: whether a page's body is only a consent wall. Little text, consent words, an
 * accept control, no reject control, and no link into the shop (only policy links). Returns the
 * observation for such a page, null for any other page.
 */
export function staticConsentWall(html: string, tree?: TextTree): ConsentObservation | null {
  // Nearly every page has far more text than a wall: say so after one cheap pass (over the tree
  // when the caller has parsed the page already, else over the markup).
  if (tree ? treeHasMoreTextThan(tree, MAX_WALL_TEXT) : hasMoreTextThan(html, MAX_WALL_TEXT)) return null;
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  $('script, style, noscript, template').remove();
  const text = treeText($('body').get(0)).replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > MAX_WALL_TEXT || !CONSENT_WORDS.test(text)) return null;
  const controls = $('button, a, input[type="submit"], input[type="button"], [role="button"]')
    .toArray()
    .map((el) => {
      const control = $(el);
      return {
        label: (treeText(el) || control.attr('value') || control.attr('aria-label') || '')
          .replace(/\s+/g, ' ')
          .trim(),
        href: control.is('a') ? (control.attr('href') ?? '') : null,
      };
    });
  if (!controls.some((c) => GENERIC_ACCEPT.test(c.label))) return null;
  if (controls.some((c) => GENERIC_REJECT.test(c.label))) return null;
  const shopLinks = controls.filter(
    (c) =>
      c.href !== null &&
      c.href !== '' &&
      !c.href.startsWith('#') &&
      !c.href.startsWith('javascript:') &&
      !GENERIC_ACCEPT.test(c.label) &&
      !POLICY_LINK.test(`${c.label} ${c.href}`),
  );
  if (shopLinks.length > 0) return null;
  return { platform: platformOf($), action: 'none', coveredContactLink: null, blocking: true, wall: true };
}

const SKIPPED_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/** Whether the page holds more than `limit` non-space characters of text outside scripts and styles. */
function hasMoreTextThan(html: string, limit: number): boolean {
  let skipped = 0;
  let count = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED_TEXT.has(name)) skipped += 1;
      },
      onclosetag(name) {
        if (SKIPPED_TEXT.has(name) && skipped > 0) skipped -= 1;
      },
      ontext(text) {
        if (skipped > 0 || count > limit) return;
        count += text.replace(/\s+/g, '').length;
        if (count > limit) parser.pause();
      },
    },
    HTML_PARSER_OPTIONS,
  );
  parser.end(html);
  return count > limit;
}

/** The part of an htmlparser2 document tree the text count reads. */
export interface TextTree {
  type: string;
  name?: string;
  data?: string;
  children?: TextTree[];
}

/** `hasMoreTextThan` over a parsed tree: the same text, counted the same way. */
function treeHasMoreTextThan(tree: TextTree, limit: number): boolean {
  let count = 0;
  // An explicit stack, not recursion: a hostile page may nest deeper than the call stack goes.
  const stack: TextTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as TextTree;
    if (node.type === 'text') {
      count += (node.data ?? '').replace(/\s+/g, '').length;
      if (count > limit) return true;
      continue;
    }
    if (node.name !== undefined && SKIPPED_TEXT.has(node.name)) continue;
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return false;
}

function platformOf($: cheerio.CheerioAPI): string {
  for (const candidate of CONSENT_PLATFORMS) {
    try {
      if ($(candidate.banner).length > 0) return candidate.name;
    } catch {
      // a selector cheerio cannot read decides nothing
    }
  }
  return 'generic';
}
