/**
 * Blanks out digit strings that look like phone numbers but are something else, so the phone
 * scanner never sees them. The result has the same length as the input (offsets stay valid).
 */
const TIME = String.raw`\d{1,2}[.:h]\d{2}\s*(?:u|uur|h|hrs|uhr|am|pm|a\.m\.|p\.m\.)?`;
const RANGE_WORD = '(?:-|–|—|tot|to|bis|till|until|à|a|t/m)';

const MASKS: RegExp[] = [
  // URLs and e-mail addresses.
  /(?:https?:\/\/|www\.)[^\s]+/giu,
  // IBAN, grouped or not: "DE66 4805 0161 0002 1297 99".
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/gu,
  // Opening hours: "9.00-18.00", "09:30 tot 17:30", "8.00am-4.15pm"; any hh:mm.
  new RegExp(String.raw`(?<!\p{N})${TIME}\s*${RANGE_WORD}\s*${TIME}(?!\p{N})`, 'giu'),
  /(?<![\p{N}.])\d{1,2}:\d{2}(?::\d{2})?(?!\p{N})/gu,
  /(?<![\p{N}.])\d{1,2}[.:]\d{2}\s*(?:uur|u|h|uhr|am|pm)(?![\p{L}\p{N}])/giu,
  // Year spans: "1923-2011", "2012/2013", "© 2007-2019".
  /(?<![\p{N}])(?:1[89]|20)\d{2}\s*[-–/]\s*(?:(?:1[89]|20)\d{2}|\d{2})(?![\p{N}])/gu,
  // ISO dates.
  /(?<![\p{N}])\d{4}-\d{2}-\d{2}(?![\p{N}])/gu,
  // Prices: "€ 1.234,50", "£56.50", "35.000 €", "$403,459". Never across a block boundary: a
  // number ending one line must survive a price that opens the next ("0900 …" / "€0,80 per minuut").
  // A currency followed by an amount belongs to that amount: "0900 1234567 € 0,80" masks the price,
  // not the number's last digits.
  /[€$£¥][^\S\n]?\d[\d.,]*/gu,
  /\d[\d.,]*[^\S\n]?(?:€|EUR|euro|,-|£)(?![^\S\n]?\d)/giu,
];

/** Day-month(-year) dates; checked by value so "01.43.31" (a French phone) is not a date. */
const DATE = /(?<![\p{N}./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})?(?![\p{N}]|[./-]\d)/gu;

function plausibleDate(a: number, b: number): boolean {
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12);
}

export function maskNonPhones(text: string): string {
  // A byte per UTF-16 unit, then one string built from runs: far less garbage than an array of
  // one-character strings on a 100 KB page.
  const masked = new Uint8Array(text.length);
  let any = false;
  const blank = (start: number, end: number): void => {
    masked.fill(1, start, end);
    any = true;
  };
  for (const re of MASKS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      blank(m.index, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  blankEmailAddresses(text, blank);
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    if (plausibleDate(Number(m[1]), Number(m[3]))) blank(m.index, m.index + m[0].length);
  }
  return any ? applyMask(text, masked) : text;
}

const LOCAL_PART = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_PART = /[\p{L}\p{N}.-]/u;

/**
 * Blanks `local@domain` runs. Scanning outward from each '@' costs a few steps per address, where a
 * regex that starts a match at every letter of the page costs a pass over every word.
 */
function blankEmailAddresses(text: string, blank: (start: number, end: number) => void): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_PART.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_PART.test(text[end])) end++;
    if (start < at && end > at + 1) blank(start, end);
  }
}

/** Every masked UTF-16 unit becomes '¤', except newlines (block boundaries stay). */
function applyMask(text: string, masked: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const state = masked[i];
    while (i < text.length && masked[i] === state) i++;
    if (state === 0) parts.push(text.slice(start, i));
    else parts.push(text.slice(start, i).replace(/[^\n]/g, '¤'));
  }
  return parts.join('');
}
