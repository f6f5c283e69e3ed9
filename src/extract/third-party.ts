import { alternation } from './identity-vocabulary.js';
import type { ThirdParty, ThirdPartyKind } from './types.js';
import { thirdPartyWords } from './vocabularies.js';

/** How far before a number the organisation's name may stand in its sentence. */
const MAX_DISTANCE = 120;

interface Matchers {
  organisations: RegExp;
  kindOf: Map<string, ThirdPartyKind>;
  own: RegExp;
}

let cached: Matchers | null = null;

const squash = (word: string): string => word.toLowerCase().replace(/\s+/g, ' ');

function matchers(): Matchers {
  if (cached) return cached;
  const words = thirdPartyWords();
  const kindOf = new Map<string, ThirdPartyKind>();
  for (const [kind, list] of Object.entries(words.kinds) as [ThirdPartyKind, string[]][])
    for (const word of list) kindOf.set(squash(word), kind);
  const whole = (alt: string) => `(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`;
  cached = {
    organisations: new RegExp(whole(alternation([...kindOf.keys()])), 'giu'),
    kindOf,
    own: new RegExp(whole(alternation(words.ownWords)), 'giu'),
  };
  return cached;
}

/** Whether the shop speaks of itself in the text ("call us", "bel ons"); "US" in capitals is the country. */
function speaksOfItself(text: string): boolean {
  const { own } = matchers();
  own.lastIndex = 0;
  for (let m = own.exec(text); m; m = own.exec(text)) if (m[0] !== 'US') return true;
  return false;
}

/**
 * The organisation a number belongs to when its own sentence names one before it (the nearest,
 * at most MAX_DISTANCE characters away) and the shop does not speak of itself in that sentence.
 */
export function thirdPartyOf(
  text: string,
  sentence: { start: number; end: number },
  number: { start: number; end: number },
): ThirdParty | null {
  const from = Math.max(sentence.start, number.start - MAX_DISTANCE);
  if (from >= number.start) return null;
  const { organisations, kindOf } = matchers();
  const before = text.slice(from, number.start);
  let nearest: { kind: ThirdPartyKind; name: string } | null = null;
  organisations.lastIndex = 0;
  for (let m = organisations.exec(before); m; m = organisations.exec(before)) {
    const kind = kindOf.get(squash(m[0]));
    if (kind) nearest = { kind, name: m[0].replace(/\s+/g, ' ') };
  }
  if (!nearest || speaksOfItself(text.slice(sentence.start, sentence.end))) return null;
  return nearest;
}
