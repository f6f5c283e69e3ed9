import type { ExtractContext, PageKind } from './types.js';
import { pageKindWords } from './vocabularies.js';

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
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complexity 36 predates the limit; split once the parallel work on this folder is merged (issue 18)
export function pageKindOf(signals: PageKindSignals): PageKind {
  let url: URL | null = null;
  try {
    url = new URL(signals.url);
  } catch {
    url = null;
  }
  if (url && /\.pdf$/i.test(url.pathname)) return 'document';
  if (url && signals.homeUrl) {
    try {
      if (samePage(url, new URL(signals.homeUrl))) return 'home';
    } catch {
      // an unusable homeUrl decides nothing
    }
  }
  const vocab = pageKindWords();
  const path = url ? pathWords(url) : '';
  const texts = {
    via: (signals.viaText ?? '').toLowerCase(),
    h1: (signals.h1 ?? '').toLowerCase(),
    title: (signals.title ?? '').toLowerCase(),
  };
  let best: { kind: string; score: number } | null = null;
  for (const kind of vocab.order) {
    const words = vocab.kinds[kind];
    if (!words) continue;
    let score = 0;
    if (words.path.some((w) => hasPhrase(path, w.toLowerCase()))) score += WEIGHTS.path;
    for (const source of ['via', 'h1', 'title'] as const) {
      if (texts[source] && words.text.some((w) => hasPhrase(texts[source], w.toLowerCase())))
        score += WEIGHTS[source];
    }
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  const isRoot = url !== null && (url.pathname === '/' || url.pathname === '') && url.search === '';
  if (isRoot && (!best || best.score < WEIGHTS.path + WEIGHTS.via)) return 'home';
  if (url && /^\/(?:index\.(?:html?|php|aspx?))?$/i.test(url.pathname) && url.search === '' && !best)
    return 'home';
  return (best?.kind as PageKind | undefined) ?? 'other';
}

export function pageKindFor(
  url: string,
  ctx: ExtractContext,
  title: string | null,
  h1: string | null,
): PageKind {
  return pageKindOf({ url, title, h1, viaText: ctx.viaText, homeUrl: ctx.homeUrl });
}
