import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, type MessageKey } from './catalogue.js';
import { type Lang, LOCALES } from './languages.js';

/** Values for a message's placeholders: numbers for plurals and `{n, number}`, text otherwise. */
export type MessageValues = Record<string, string | number>;

/** The families of names shown for a recorded value (a region, a page kind …): `<family>.<value>` keys. */
export type NameFamily =
  | 'region'
  | 'linkRegion'
  | 'foundBy'
  | 'presentation'
  | 'pageKind'
  | 'phoneType'
  | 'numberLabel'
  | 'widgetKind'
  | 'factKind'
  | 'fetchMode'
  | 'crawlMode'
  | 'viewport'
  | 'outcome'
  | 'level'
  | 'limit'
  | 'consentAction'
  | 'screenshotMissing';

/**
 * A language's messages, ready to use: `t('report.ranking')`, `t('report.showPhone', { shown, total })`.
 * Formatting is ICU MessageFormat (plurals, numbers) through intl-messageformat; numbers, dates and
 * lists go through `Intl` in the language's locale. A key that does not exist is an error.
 */
export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
  readonly lang: Lang;
  readonly locale: string;
  /** A recorded value's name ("footer" → "Fußzeile"); the value itself when the catalogue has no name for it. */
  term(family: NameFamily, value: string): string;
  /** A number with at most `digits` decimals ("7,5" in Dutch). */
  number(value: number, digits?: number): string;
  /** A share as a percentage, 0–1 → "75 %" (in the language's own spacing). */
  percent(share: number): string;
  /** A day in words, in UTC so every reader sees the same ("5 December 2026"). */
  date(iso: string): string;
  /** Items joined as the language does: "a, b and c", "a, b und c". */
  list(items: string[]): string;
}

const formats = new Map<string, IntlMessageFormat>();

function compiled(lang: Lang, key: string, text: string): IntlMessageFormat {
  const id = `${lang}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    // Messages are plain text: `<` is never markup (HTML escaping happens where the text lands).
    format = new IntlMessageFormat(text, LOCALES[lang], undefined, { ignoreTag: true });
    formats.set(id, format);
  }
  return format;
}

/** Formats one message of a language's catalogue. */
export function formatMessage(lang: Lang, key: string, values?: MessageValues): string {
  const text = catalogue(lang)[key];
  if (text === undefined) throw new Error(`The ${lang} catalogue has no message "${key}".`);
  return String(compiled(lang, key, text).format(values));
}

const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  const existing = translators.get(lang);
  if (existing) return existing;
  const locale = LOCALES[lang];
  const numbers = new Map<number, Intl.NumberFormat>();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const t = ((key: MessageKey, values?: MessageValues) => formatMessage(lang, key, values)) as Translate;
  Object.assign(t, {
    lang,
    locale,
    term(family: NameFamily, value: string) {
      const key = `${family}.${value}`;
      return key in catalogue(lang) ? formatMessage(lang, key) : value;
    },
    number(value: number, digits = 1) {
      let format = numbers.get(digits);
      if (!format) {
        format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
        numbers.set(digits, format);
      }
      return format.format(value);
    },
    percent: (share: number) => percent.format(share),
    date(iso: string) {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : day.format(date);
    },
    list: (items: string[]) => lists.format(items),
  });
  translators.set(lang, t);
  return t;
}
