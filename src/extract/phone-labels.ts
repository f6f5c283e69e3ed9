import type { NumberLabel } from './types.js';
import { type LabelVocabulary, numberLabels } from './vocabularies.js';

/** What a number's label says; 'phone+fax' is "tel/fax": one number serving both. */
export type LabelReading = NumberLabel | 'phone+fax';

interface LabelMatchers {
  words: { label: NumberLabel; re: RegExp }[];
  /** A phone label that ends right before the number: "Telefoon: ", "Tel.-", "Phone - ". */
  phoneRightBefore: RegExp;
  short: { label: NumberLabel; re: RegExp }[];
  combined: RegExp;
  bracketAfter: { label: NumberLabel; re: RegExp }[];
}

let cached: LabelMatchers | null = null;

const toPattern = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*');

function build(vocab: LabelVocabulary): LabelMatchers {
  const words: LabelMatchers['words'] = [];
  const short: LabelMatchers['short'] = [];
  const bracketAfter: LabelMatchers['bracketAfter'] = [];
  for (const [label, entry] of Object.entries(vocab) as [NumberLabel, LabelVocabulary[NumberLabel]][]) {
    const alternatives = [...entry.words]
      .sort((a, b) => b.length - a.length)
      .map(toPattern)
      .join('|');
    words.push({ label, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}])`, 'giu') });
    bracketAfter.push({ label, re: new RegExp(`^\\s*[([]\\s*(?:${alternatives})(?![\\p{L}])`, 'iu') });
    if (entry.short && entry.short.length > 0) {
      const alt = entry.short.map(toPattern).join('|');
      // A one-letter label only counts directly before the number: "T 020 …", "F: 020 …".
      short.push({ label, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})\\s*[.:]?\\s*[.:]?\\s*$`, 'u') });
    }
  }
  const phone = vocab.phone;
  const phoneAlternatives = [...phone.words]
    .sort((a, b) => b.length - a.length)
    .map(toPattern)
    .join('|');
  const phoneRightBefore = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${phoneAlternatives})\\s*[.:]?\\s*[-–:]?\\s*[.:]?\\s*$`,
    'iu',
  );
  const combined = /(?<![\p{L}])tel(?:efoon|efon|ephone|\.)?\s*(?:\/|\+|&|and|en|und|et|-)\s*(?:tele)?fax/giu;
  return { words, short, phoneRightBefore, combined, bracketAfter };
}

function matchers(): LabelMatchers {
  cached ??= build(numberLabels());
  return cached;
}

/**
 * The label of a number from the text before it (`before`, already cut at the previous number)
 * and just after it. The label closest to the number wins; "(fax)" right after a number wins
 * over everything, as in "0113 218456 (fax)".
 */
export function readLabel(before: string, after: string): LabelReading | undefined {
  const m = matchers();
  for (const { label, re } of m.bracketAfter) if (re.test(after)) return label;
  for (const { label, re } of m.short) if (re.test(before)) return label;
  let best: { label: LabelReading; end: number } | undefined;
  for (const { label, re } of m.words) {
    re.lastIndex = 0;
    for (let hit = re.exec(before); hit; hit = re.exec(before)) {
      const end = hit.index + hit[0].length;
      if (!best || end > best.end) best = { label, end };
    }
  }
  m.combined.lastIndex = 0;
  for (let hit = m.combined.exec(before); hit; hit = m.combined.exec(before)) {
    const end = hit.index + hit[0].length;
    if (!best || end >= best.end) best = { label: 'phone+fax', end };
  }
  return best?.label;
}

/** Whether a phone label stands directly before a number (only spaces and ":" "." "-" between). */
export function phoneLabelRightBefore(before: string): boolean {
  return matchers().phoneRightBefore.test(before);
}
