import { loadVocabulary } from '../shared/vocabulary.js';

interface CategoryWords {
  weight: number;
  contact?: boolean;
  text: string[];
  url: string[];
}

export interface LinkWords {
  urlFactor: number;
  categories: Record<string, CategoryWords>;
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
  const label = normaliseWords(text);
  const path = pathWords(url);
  let best: LinkRank = { score: 0, category: null, contactLike: false };
  for (const [name, category] of Object.entries(words.categories)) {
    let score = 0;
    if (startsAWord(label, padded(category.text))) score = category.weight;
    else if (startsAWord(path, padded(category.url))) score = category.weight * words.urlFactor;
    if (score > best.score) best = { score, category: name, contactLike: category.contact === true };
  }
  return best;
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
