import { loadVocabulary } from '../common/vocabulary.js';

/** The `aliases` section of rules/vocabulary/link-words.yaml. */
export interface AliasWords {
  /** Query parameters that only track the visitor (matched whole, lower-case). */
  trackingParameters: string[];
  /** Prefixes of such parameters (`utm_`). */
  trackingPrefixes: string[];
  /** File names a server answers a directory with (`index.html`): `/a/index.html` is `/a/`. */
  indexFiles: string[];
}

export function loadAliasWords(): AliasWords {
  return loadVocabulary<{ aliases: AliasWords }>('link-words').aliases;
}

const compiled = new WeakMap<AliasWords, { exact: Set<string>; prefixes: string[]; index: Set<string> }>();
function compile(words: AliasWords) {
  let hit = compiled.get(words);
  if (!hit) {
    hit = {
      exact: new Set(words.trackingParameters.map((p) => p.toLowerCase())),
      prefixes: words.trackingPrefixes.map((p) => p.toLowerCase()),
      index: new Set(words.indexFiles.map((f) => f.toLowerCase())),
    };
    compiled.set(words, hit);
  }
  return hit;
}

function isTracking(name: string, words: AliasWords): boolean {
  const { exact, prefixes } = compile(words);
  const lower = name.toLowerCase();
  return exact.has(lower) || prefixes.some((prefix) => lower.startsWith(prefix));
}

/**
 * The URL to request for a link: without its fragment and without tracking parameters, which
 * change nothing on the page and only report the visit. Null for a URL that does not parse.
 */
export function requestUrl(url: string, words: AliasWords = loadAliasWords()): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  parsed.hash = '';
  if (parsed.search !== '') {
    const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name, words));
    parsed.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  }
  return parsed.href;
}

/**
 * One key for every address of the same page: `/` and `/index.html` (or another index file of a
 * directory, when no query follows it), with and without the trailing slash, tracking parameters
 * and fragments dropped, the other parameters in a fixed order. The URL parser already lower-cases
 * the host and drops default ports. The crawl fetches a page once per key.
 */
export function pageKey(url: string, words: AliasWords = loadAliasWords()): string {
  const request = requestUrl(url, words);
  if (request === null) return url;
  const parsed = new URL(request);
  let path = parsed.pathname;
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1).toLowerCase();
  // `/index.php?route=…` is a script with arguments, not the directory's index page.
  if (parsed.search === '' && compile(words).index.has(file)) path = path.slice(0, slash + 1);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  let query = '';
  if (parsed.search !== '') {
    const params = [...parsed.searchParams].sort(([a, x], [b, y]) =>
      a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0,
    );
    query = `?${new URLSearchParams(params).toString()}`;
  }
  return `${parsed.protocol}//${parsed.host}${path}${query}`;
}
