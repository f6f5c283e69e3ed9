/** The words of rules/vocabulary/extract-hiding-words.yaml that read a class or id as "may be hidden". */
export interface HidingClassWords {
  classWords: ReadonlySet<string>;
  /** Parts that make a token about another property (`overflow-hidden`, `focus-none`): never hiding. */
  otherProperties: ReadonlySet<string>;
}

/**
 * Whether one class or id token says its element may be hidden: the whole token is a hiding word,
 * or one of its parts (split at `-`, `_` and `:`) is, unless another part names a property other
 * than display or visibility. A BEM element (`modal__close`) is judged by its own name only: its
 * block's class sits on an ancestor, which is judged by itself.
 */
export function saysMaybeHidden(token: string, words: HidingClassWords): boolean {
  if (words.classWords.has(token)) return true;
  const element = token.includes('__') ? token.slice(token.indexOf('__') + 2) : token;
  const parts = element.split(/[-_:]+/).filter((part) => part !== '');
  if (parts.some((part) => words.otherProperties.has(part))) return false;
  return parts.some((part) => words.classWords.has(part));
}
