import { loadVocabulary } from '../../common/vocabulary.js';

interface CategoryWords {
  weight: number;
  contact?: boolean;
  text: string[];
  url: string[];
}

/** URLs of the catalogue: products, categories, search, blog, tags, pagination, product information. */
export interface CatalogueWords {
  segments: string[];
  listings: string[];
  parameters: string[];
  parameterPrefixes: string[];
  /** Words of pages about the products (size charts, care instructions), in a link's text or path. */
  productInfo: string[];
}

export interface LinkWords {
  urlFactor: number;
  categories: Record<string, CategoryWords>;
  catalogue: CatalogueWords;
  skip: { text: string[]; url: string[] };
  assetExtensions: string[];
  documents: { extensions: string[]; maxFollowed: number };
}

export interface LinkRank {
  /** 0 for links that match no category. */
  score: number;
  category: string | null;
  /** True when the category is a contact-like one (contact, customer service, Impressum). */
  contactLike: boolean;
  /** A catalogue page (product, category, search, blog, tag, pagination): visited after all others. */
  catalogue?: boolean;
}

export function loadLinkWords(): LinkWords {
  return loadVocabulary<LinkWords>('link-words');
}

/** Lower-case, accents removed, everything but letters and digits turned into single spaces. */
export function normaliseWords(text: string): string {
  let normalised = normalisedText.get(text);
  if (normalised === undefined) {
    normalised = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (normalisedText.size >= NORMALISED_CACHE_LIMIT) normalisedText.clear();
    normalisedText.set(text, normalised);
  }
  return normalised;
}

/**
 * Every page of a shop repeats its menu and footer, and shops share words ("Contact", "/cart"):
 * labels and paths are normalised once each, not once per link per page.
 */
const normalisedText = new Map<string, string>();
const NORMALISED_CACHE_LIMIT = 20_000;

/** A vocabulary's words normalised, as ` word` (starts a word) and ` word ` (whole word). */
interface PaddedWords {
  starts: string[];
  whole: string[];
}

/** Made once per vocabulary list rather than once per link. */
const paddedWords = new WeakMap<string[], PaddedWords>();
function padded(list: string[]): PaddedWords {
  let cached = paddedWords.get(list);
  if (!cached) {
    const normalised = list.map(normaliseWords);
    cached = { starts: normalised.map((w) => ` ${w}`), whole: normalised.map((w) => ` ${w} `) };
    paddedWords.set(list, cached);
  }
  return cached;
}

/** Whether one of the words starts a word in the normalised `haystack`. */
function startsAWord(haystack: string, words: PaddedWords): boolean {
  const text = ` ${haystack}`;
  return words.starts.some((phrase) => text.includes(phrase));
}

/** Whether one of the words is a whole word (or run of words) of the normalised `haystack`. */
function isWholeWord(haystack: string, words: PaddedWords): boolean {
  const text = ` ${haystack} `;
  return words.whole.some((phrase) => text.includes(phrase));
}

/** Path words: segments split on - _ . so that `/pages/contact-us` holds `contact` and `contact us`. */
function pathWords(url: URL): string {
  return normaliseWords(decodeSafely(url.pathname));
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function rankLink(text: string, url: URL, words: LinkWords = loadLinkWords()): LinkRank {
  if (isCatalogueUrl(url, words.catalogue))
    return { score: 0, category: null, contactLike: false, catalogue: true };
  const label = normaliseWords(text);
  const path = pathWords(url);
  let best: LinkRank = { score: 0, category: null, contactLike: false };
  for (const [name, category] of Object.entries(words.categories)) {
    let score = 0;
    if (startsAWord(label, padded(category.text))) score = category.weight;
    else if (startsAWord(path, padded(category.url))) score = category.weight * words.urlFactor;
    if (score > best.score) best = { score, category: name, contactLike: category.contact === true };
  }
  if (best.score === 0 && isProductInfo(label, path, words.catalogue))
    return { score: 0, category: null, contactLike: false, catalogue: true };
  return best;
}

/** A page about the products (a size chart, care instructions) that no category claims: catalogue. */
function isProductInfo(label: string, path: string, words: CatalogueWords): boolean {
  const info = padded(words.productInfo);
  return isWholeWord(label, info) || isWholeWord(path, info);
}

/** Links a careful visitor's crawler does not follow: login, cart, checkout, account, assets. */
export function shouldSkipLink(text: string, url: URL, words: LinkWords = loadLinkWords()): boolean {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(url.pathname)?.[1]?.toLowerCase();
  if (extension && words.assetExtensions.includes(extension)) return true;
  const label = normaliseWords(text);
  if (isWholeWord(label, padded(words.skip.text))) return true;
  return isWholeWord(pathWords(url), padded(words.skip.url));
}

/** Whether a URL points at a document (a PDF) rather than a page. */
export function isDocumentLink(url: URL, words: LinkWords = loadLinkWords()): boolean {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return extension !== undefined && words.documents.extensions.includes(extension);
}

/** A language segment that may precede the rest of a path: /en/, /de-de/, /nl_BE/. */
const LOCALE_SEGMENT = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;

const catalogueSets = new WeakMap<
  CatalogueWords,
  { segments: Set<string>; listings: Set<string>; parameters: Set<string> }
>();
function catalogueSet(words: CatalogueWords) {
  let sets = catalogueSets.get(words);
  if (!sets) {
    sets = {
      segments: new Set(words.segments),
      listings: new Set(words.listings),
      parameters: new Set(words.parameters),
    };
    catalogueSets.set(words, sets);
  }
  return sets;
}

/**
 * Whether a URL is a catalogue page: its first path segment (after a language segment) starts the
 * catalogue (/collections/…, /product/…, /search), its whole path is a listing (/shop, /shop/page/2),
 * it is a page of a pagination (/page/2), or it sorts, filters, searches or pages (?page=2, ?q=).
 */
export function isCatalogueUrl(url: URL, words: CatalogueWords): boolean {
  const sets = catalogueSet(words);
  for (const name of url.searchParams.keys()) {
    const lower = name.toLowerCase();
    if (sets.parameters.has(lower) || words.parameterPrefixes.some((prefix) => lower.startsWith(prefix)))
      return true;
  }
  const segments = decodeSafely(url.pathname)
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.length > 0 && LOCALE_SEGMENT.test(segments[0])) segments.shift();
  if (segments.length === 0) return false;
  const first = segments[0].replace(/\.(?:html?|php)$/, '');
  if (sets.segments.has(first)) return true;
  const page = segments.indexOf('page');
  if (page !== -1 && /^\d+$/.test(segments[page + 1] ?? '')) {
    if (page + 2 === segments.length) return true;
  }
  return segments.length === 1 && sets.listings.has(first);
}
