import { alternation, identityWords } from './identity-vocabulary.js';

let cached: RegExp | null = null;

/** Whether a text speaks of the consumer's right of withdrawal (herroepingsrecht, Widerrufsrecht, rétractation …). */
export function mentionsWithdrawal(text: string): boolean {
  cached ??= new RegExp(`(?<![\\p{L}])(?:${alternation(identityWords().withdrawal)})`, 'iu');
  return cached.test(text);
}
