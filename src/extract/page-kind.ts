import type { ExtractContext, PageKind } from './types.js';
import { type PageKindVocabulary, pageKindWords } from './vocabularies.js';

export interface PageKindSignals {
  url: string;
  title: string | null;
  h1: string | null;
  viaText?: string;
  homeUrl?: string;
}

const WEIGHTS = { path: 3, via: 3, h1: 2, title: 1 } as const;

function pathWords(url: URL): string {
  const raw = `${url.pathname} ${url.search}`.toLowerCase();
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // keep the raw path
  }
  return ` ${decoded.replace(/[/?&=#]+/g, ' ')} `;
}

/** A phrase occurs as whole words (letters around it do not count). */
function hasPhrase(haystack: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(phrase, from);
    if (i < 0) return false;
    const before = haystack[i - 1];
    const after = haystack[i + phrase.length];
    const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    if (!isLetter(before) && !isLetter(after)) return true;
    from = i + 1;
  }
}

function samePage(a: URL, b: URL): boolean {
  const norm = (u: URL): string =>
    `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  return norm(a) === norm(b);
}

/** The page's kind from its URL, title, first h1 and the text of the link that led to it. */
export function pageKindOf(signals: PageKindSignals): PageKind {
  const url = parseUrl(signals.url);
  if (url && /\.pdf$/i.test(url.pathname)) return 'document';
  if (url && signals.homeUrl && isSamePageAs(url, signals.homeUrl)) return 'home';
  const best = bestKind(url, signals);
  if (url && looksLikeHome(url, best)) return 'home';
  return (best?.kind as PageKind | undefined) ?? 'other';
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** An unusable home URL decides nothing. */
function isSamePageAs(url: URL, homeUrl: string): boolean {
  const home = parseUrl(homeUrl);
  return home !== null && samePage(url, home);
}

type KindWords = PageKindVocabulary['kinds'][string];
type Scored = { kind: string; score: number };
const TEXT_SOURCES = ['via', 'h1', 'title'] as const;

/** The kind whose words the page's signals carry with the highest weight (the first in order on a tie). */
function bestKind(url: URL | null, signals: PageKindSignals): Scored | null {
  const vocab = pageKindWords();
  const path = url ? pathWords(url) : '';
  const texts = {
    via: (signals.viaText ?? '').toLowerCase(),
    h1: (signals.h1 ?? '').toLowerCase(),
    title: (signals.title ?? '').toLowerCase(),
  };
  let best: Scored | null = null;
  for (const kind of vocab.order) {
    const words = vocab.kinds[kind];
    if (!words) continue;
    const score = kindScore(words, path, texts);
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  return best;
}

function kindScore(
  words: KindWords,
  path: string,
  texts: Record<(typeof TEXT_SOURCES)[number], string>,
): number {
  let score = words.path.some((w) => hasPhrase(path, w.toLowerCase())) ? WEIGHTS.path : 0;
  for (const source of TEXT_SOURCES) {
    const text = texts[source];
    if (text && words.text.some((w) => hasPhrase(text, w.toLowerCase()))) score += WEIGHTS[source];
  }
  return score;
}

/**
 * The site's root is its home page unless both its path and the link to it say otherwise; an
 * index file at the root is the home page when nothing else is said of it.
 */
function looksLikeHome(url: URL, best: Scored | null): boolean {
  const isRoot = (url.pathname === '/' || url.pathname === '') && url.search === '';
  if (isRoot && (!best || best.score < WEIGHTS.path + WEIGHTS.via)) return true;
  return /^\/(?:index\.(?:html?|php|aspx?))?$/i.test(url.pathname) && url.search === '' && !best;
}

export function pageKindFor(
  url: string,
  ctx: ExtractContext,
  title: string | null,
  h1: string | null,
): PageKind {
  return pageKindOf({ url, title, h1, viaText: ctx.viaText, homeUrl: ctx.homeUrl });
}
