import { alternation, registerLabelWords, type TextFact } from './identity-vocabulary.js';

const SEP = '[ \\u00a0.\\-]?';
/** n digits, each optionally preceded by one separator ("123 456 789", "0123.456.789"). */
const digits = (n: number): string => `\\d(?:${SEP}\\d){${n - 1}}`;
const NO_MORE_DIGITS = `(?!${SEP}\\d)`;

/**
 * VAT numbers by their own shape: a country prefix and the exact digit count, so they need no
 * label (an IBAN has more digits and fails the look-ahead). Case-sensitive on purpose.
 */
const VAT = new RegExp(
  [
    `NL ?${digits(9)}${SEP}B${SEP}\\d{2}`,
    `DE ?${digits(9)}${NO_MORE_DIGITS}`,
    `FR ?[0-9A-HJ-NP-Z]{2} ?${digits(9)}${NO_MORE_DIGITS}`,
    `BE ?[01](?:${SEP}\\d){9}${NO_MORE_DIGITS}`,
    `GB ?${digits(9)}(?:${SEP}\\d{3})?${NO_MORE_DIGITS}`,
    `ATU ?${digits(8)}${NO_MORE_DIGITS}`,
    `LU ?${digits(8)}${NO_MORE_DIGITS}`,
  ]
    .map((p) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`)
    .join('|'),
  'gu',
);

interface Scheme {
  name: string;
  /** Accepted digit counts of the number itself. */
  lengths: [number, number];
}

const SCHEMES: Array<{ label: RegExp; scheme: Scheme }> = [
  { label: /^(?:k\.?v\.?k|chamber of commerce)/i, scheme: { name: 'kvk', lengths: [8, 8] } },
  {
    label: /^(?:hr[ab]|handels|registergericht|registernummer)/i,
    scheme: { name: 'handelsregister', lengths: [1, 7] },
  },
  { label: /^siret/i, scheme: { name: 'siret', lengths: [14, 14] } },
  { label: /^(?:siren|rcs)/i, scheme: { name: 'siren', lengths: [9, 9] } },
  {
    label: /^(?:kbo|ondernemingsnummer|num[ée]ro d'entreprise|rpr)/i,
    scheme: { name: 'kbo', lengths: [9, 10] },
  },
  { label: /^(?:company|registered|registration)/i, scheme: { name: 'companies-house', lengths: [6, 8] } },
];
const OTHER: Scheme = { name: 'other', lengths: [5, 14] };

let labelPattern: RegExp | null = null;
function registryLabels(): RegExp {
  labelPattern ??= new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternation(registerLabelWords().registry)})(?![\\p{L}])`,
    'giu',
  );
  return labelPattern;
}

/** After a register label: up to 50 characters on the same line, then the number. */
const NUMBER_AFTER_LABEL =
  /^[^\n\d]{0,50}?(?<![\p{L}\p{N}])(HR[AB][ \u00a0]?)?((?:[A-Z]{2}[ \u00a0]?)?\d(?:[ \u00a0.\-/]?\d){0,15})(?![\p{L}\p{N}])/u;

function schemeOf(label: string): Scheme {
  return SCHEMES.find((s) => s.label.test(label))?.scheme ?? OTHER;
}

function vatFacts(text: string): TextFact[] {
  const out: TextFact[] = [];
  VAT.lastIndex = 0;
  for (let m = VAT.exec(text); m; m = VAT.exec(text)) {
    out.push({
      kind: 'vat-number',
      value: m[0].replace(/[\s.-]/g, ''),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

function registryFacts(text: string, vat: TextFact[]): TextFact[] {
  const out: TextFact[] = [];
  const re = registryLabels();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = m.index + m[0].length;
    const hit = NUMBER_AFTER_LABEL.exec(text.slice(after, after + 90));
    if (!hit) continue;
    const numberStart = after + hit[0].length - hit[2].length - (hit[1]?.length ?? 0);
    const end = after + hit[0].length;
    const court = hit[1] ? hit[1].trim().toUpperCase() : '';
    const scheme = court ? schemeOf('hrb') : schemeOf(m[0]);
    // A VAT number after a register word is a VAT number, except the Belgian enterprise number,
    // which is both ("Ondernemingsnummer BE 0123.456.789").
    if (scheme.name !== 'kbo' && vat.some((v) => numberStart < v.end && end > v.start)) continue;
    const compact = hit[2].replace(/[\s.\-/]/g, '');
    const count = compact.replace(/\D/g, '').length;
    if (count < scheme.lengths[0] || count > scheme.lengths[1]) continue;
    const value = `${court}${scheme.name === 'companies-house' ? compact : compact.replace(/^[A-Z]{2}/, '')}`;
    out.push({ kind: 'registry-number', value, start: numberStart, end, scheme: scheme.name });
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return out;
}

/** Trade-register numbers (after a label of number-labels.yaml) and VAT numbers (by their shape) in a text. */
export function registerNumbers(text: string): TextFact[] {
  const vat = vatFacts(text);
  return [...registryFacts(text, vat), ...vat];
}
