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
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The vocabulary's words, normalised once per vocabulary object rather than once per link. */
const normalisedWords = new WeakMap<string[], string[]>();
function normalisedList(list: string[]): string[] {
  let cached = normalisedWords.get(list);
  if (!cached) {
    cached = list.map(normaliseWords);
    normalisedWords.set(list, cached);
  }
  return cached;
}

/** Whether `phrase` starts a word in `haystack` (both normalised). */
function startsAWord(haystack: string, phrase: string): boolean {
  return ` ${haystack}`.includes(` ${phrase}`);
}

function isWholeWord(haystack: string, phrase: string): boolean {
  return ` ${haystack} `.includes(` ${phrase} `);
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
    if (normalisedList(category.text).some((w) => startsAWord(label, w))) score = category.weight;
    else if (normalisedList(category.url).some((w) => startsAWord(path, w)))
      score = category.weight * words.urlFactor;
    if (score > best.score) best = { score, category: name, contactLike: category.contact === true };
  }
  return best;
}

/** Links a careful visitor's crawler does not follow: login, cart, checkout, account, assets. */
export function shouldSkipLink(text: string, url: URL, words: LinkWords = loadLinkWords()): boolean {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(url.pathname)?.[1]?.toLowerCase();
  if (extension && words.assetExtensions.includes(extension)) return true;
  const label = normaliseWords(text);
  if (normalisedList(words.skip.text).some((w) => isWholeWord(label, w))) return true;
  const path = pathWords(url);
  return normalisedList(words.skip.url).some((w) => isWholeWord(path, w));
}

/** Whether a URL points at a document (a PDF) rather than a page. */
export function isDocumentLink(url: URL, words: LinkWords = loadLinkWords()): boolean {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return extension !== undefined && words.documents.extensions.includes(extension);
}
