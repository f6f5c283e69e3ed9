import { alternation, identityWords, type TextFact } from './identity-vocabulary.js';

const S = '[ \\u00a0]';
const CAP_WORD = "\\p{Lu}[\\p{L}ß'’.-]*";
const CITY = `\\p{Lu}[\\p{L}ß'’-]*(?:(?:${S}+(?:am|an|der|sur|aan|den|upon|op|im|bei|de|la|le|en|ob))*${S}+\\p{Lu}[\\p{Ll}ß'’-]+(?![\\p{L}])){0,2}`;

/** NL "1015 AA", or 4–5 digits (DE, FR, BE, AT, CH, LU), optionally with a country prefix, then the city. */
const POSTCODE_CITY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:NL|D|DE|F|FR|B|BE|A|AT|CH|L|LU)[-–]${S}?)?([1-9]\\d{3}${S}?(?!SA|SD|SS)[A-Z]{2}|\\d{4,5})(?![\\p{L}\\p{N}])${S}+(${CITY})`,
  'gu',
);
/** UK: "…, London NW1 6XE" (with its space: without one, product codes look the same). */
const UK_POSTCODE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]\d[A-Z]{2}(?![\p{L}\p{N}])/gu;

const HOUSE_NUMBER = `\\d{1,5}(?:${S}?[a-zA-Z](?![\\p{L}]))?(?:${S}?[-/]${S}?\\d{1,4}[a-zA-Z]?)?`;
/** "Keizersgracht 100", "Am alten Markt 5a", "Rue Royale 12" right before the postcode. */
const STREET_THEN_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}])(${CAP_WORD}(?:[ \\u00a0-]+[\\p{L}ß'’.-]+){0,3})${S}+(${HOUSE_NUMBER})${S}*[,\\n·|–][\\s,·|–]*$|(?<![\\p{L}\\p{N}])(${CAP_WORD}(?:[ \\u00a0-]+[\\p{L}ß'’.-]+){0,3})${S}+(${HOUSE_NUMBER})${S}+$`,
  'u',
);

interface AddressMatchers {
  numberFirst: RegExp;
  ukBefore: RegExp;
  poBoxBefore: RegExp;
  poBox: RegExp;
}

let cached: AddressMatchers | null = null;
function matchers(): AddressMatchers {
  if (cached) return cached;
  const words = identityWords();
  const types = alternation(words.streetTypesAfterNumber);
  const box = alternation(words.poBox);
  cached = {
    // "12 rue de la Paix, 75002 Paris"
    numberFirst: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,4}(?:${S}?(?:bis|ter))?)${S}*,?${S}+((?:${types})(?![\\p{L}])[^\\n,\\d•·|]{1,60}?)[\\s,•·|–]+$`,
      'iu',
    ),
    // "221B Baker Street, London" before a UK postcode
    ukBefore: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,5}[A-Z]?)${S}+(${CAP_WORD}(?:${S}+${CAP_WORD}){0,3})[\\s,]+(${CITY})[\\s,]+$`,
      'u',
    ),
    poBoxBefore: new RegExp(`(?<![\\p{L}\\p{N}])(?:${box})${S}*[.:]?${S}*(\\d{1,6})[\\s,]+$`, 'iu'),
    poBox: new RegExp(`(?<![\\p{L}\\p{N}])(?:${box})${S}*[.:]?${S}*\\d{1,6}(?![\\p{N}])`, 'giu'),
  };
  return cached;
}

const tidy = (s: string): string => s.replace(/\s+/g, ' ').trim();

function formatPostcode(code: string): string {
  const nl = /^(\d{4})\s?([A-Z]{2})$/.exec(code.replace(/\u00a0/g, ' '));
  return nl ? `${nl[1]} ${nl[2]}` : code.replace(/\s+/g, ' ');
}

function continental(text: string, m: AddressMatchers): TextFact[] {
  const out: TextFact[] = [];
  POSTCODE_CITY.lastIndex = 0;
  for (let hit = POSTCODE_CITY.exec(text); hit; hit = POSTCODE_CITY.exec(text)) {
    const windowStart = Math.max(0, hit.index - 100);
    const before = text.slice(windowStart, hit.index);
    const end = hit.index + hit[0].length;
    const place = `${formatPostcode(hit[1])} ${tidy(hit[2])}`;
    const box = m.poBoxBefore.exec(before);
    if (box) {
      out.push({
        kind: 'po-box',
        value: `${tidy(box[0].replace(/[\s,]+$/, ''))}, ${place}`,
        start: windowStart + box.index,
        end,
      });
      continue;
    }
    const street = STREET_THEN_NUMBER.exec(before);
    if (street) {
      const name = street[1] ?? street[3];
      const number = street[2] ?? street[4];
      out.push({
        kind: 'postal-address',
        value: `${tidy(name)} ${tidy(number)}, ${place}`,
        start: windowStart + street.index,
        end,
      });
      continue;
    }
    const first = m.numberFirst.exec(before);
    if (first) {
      out.push({
        kind: 'postal-address',
        value: `${tidy(first[1])} ${tidy(first[2])}, ${place}`,
        start: windowStart + first.index,
        end,
      });
    }
  }
  return out;
}

function british(text: string, m: AddressMatchers): TextFact[] {
  const out: TextFact[] = [];
  UK_POSTCODE.lastIndex = 0;
  for (let hit = UK_POSTCODE.exec(text); hit; hit = UK_POSTCODE.exec(text)) {
    const windowStart = Math.max(0, hit.index - 100);
    const before = m.ukBefore.exec(text.slice(windowStart, hit.index));
    if (!before) continue;
    const value = `${before[1]} ${tidy(before[2])}, ${tidy(before[3])} ${tidy(hit[0])}`;
    out.push({
      kind: 'postal-address',
      value,
      start: windowStart + before.index,
      end: hit.index + hit[0].length,
    });
  }
  return out;
}

/** PO boxes without a postcode after them ("Postfach 12 34" is rare; "Postbus 123" is common). */
function bareBoxes(text: string, m: AddressMatchers, taken: TextFact[]): TextFact[] {
  const out: TextFact[] = [];
  m.poBox.lastIndex = 0;
  for (let hit = m.poBox.exec(text); hit; hit = m.poBox.exec(text)) {
    const start = hit.index;
    const end = start + hit[0].length;
    if (taken.some((f) => start < f.end && end > f.start)) continue;
    out.push({ kind: 'po-box', value: tidy(hit[0]), start, end });
  }
  return out;
}

/** Street addresses (street, number, postcode, city) and PO boxes in a text, in NL/DE/FR/BE/UK formats. */
export function postalAddresses(text: string): TextFact[] {
  const m = matchers();
  const found = [...continental(text, m), ...british(text, m)];
  return [...found, ...bareBoxes(text, m, found)].sort((a, b) => a.start - b.start);
}
