import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import * as cheerio from 'cheerio';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, type Lang } from '../../src/i18n/index.js';
import type { LocalText, Rule, RuleSet } from '../../src/rules/types.js';

/** The literal runs of text in a message, outside its placeholders, at every level of its plurals. */
function literals(elements: MessageFormatElement[], out: string[] = []): string[] {
  let run = '';
  for (const element of elements) {
    if (element.type === TYPE.literal) run += element.value;
    else {
      out.push(run);
      run = '';
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) literals(option.value, out);
    }
  }
  out.push(run);
  return out;
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Two words or more: a single word ("Score", "Status", "Chat") is shared between the languages too often. */
const sentenceLike = (text: string) => /\p{L}+[\s'’-]+\p{L}+/u.test(text);

function phrasesOf(message: string): string[] {
  const ast = new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst();
  return literals(ast)
    .flatMap((run) => run.split(/[()“”"«»„:;·\n]/))
    .map(normal)
    .filter(sentenceLike);
}

/**
 * The English phrases of the catalogue that a report in `lang` must not contain: every run of two
 * or more words of an English message, unless that language's own catalogue writes the same run
 * (a command, a file name, a CSV value such as `[carried from run N "label"]` quoted as written).
 */
export function englishCataloguePhrases(lang: Lang): string[] {
  const english = catalogue('en');
  const own = catalogue(lang);
  const translated = Object.values(own).map(normal).join('\n');
  const phrases = new Set<string>();
  for (const [key, text] of Object.entries(english)) {
    if (own[key] === text) continue;
    for (const phrase of phrasesOf(text)) if (!translated.includes(phrase)) phrases.add(phrase);
  }
  return [...phrases];
}

function ruleTexts(rule: Rule): LocalText[] {
  const reasons = Object.values(rule.reasons ?? {}).map((r) => (typeof r === 'string' ? { en: r } : r));
  return [
    rule.title,
    rule.failTitle,
    rule.description,
    rule.advice,
    ...(rule.short ? [rule.short] : []),
    ...(rule.adviceFor ? [rule.adviceFor.text] : []),
    ...reasons,
  ];
}

/** The English sentences of the rule files (titles, descriptions, advice, reasons) a report in `lang` must not show. */
export function englishRulePhrases(ruleSets: RuleSet[], lang: Lang): string[] {
  const phrases = new Set<string>();
  for (const rule of ruleSets.flatMap((set) => set.rules))
    for (const text of ruleTexts(rule)) {
      const translated = normal(text[lang] ?? '');
      for (const phrase of text.en.split(/\{\w+\}/).flatMap((part) => part.split(/[()“”":;·\n]/)))
        if (sentenceLike(phrase) && !translated.includes(normal(phrase))) phrases.add(normal(phrase));
    }
  return [...phrases];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The rule files' texts a report in `lang` shows in English because the files lack that language
 * (src/rules/rule-text.ts falls back): rule texts and reasons, whose `{placeholders}` match any
 * value, and the instruments and articles of their references. Each as a pattern of its rendered
 * text, so that the catalogue check can leave them out while the rule files are being translated.
 */
export function untranslatedRuleTexts(ruleSets: RuleSet[], lang: Lang): RegExp[] {
  const texts = new Set<string>();
  for (const rule of ruleSets.flatMap((set) => set.rules)) {
    for (const text of ruleTexts(rule)) if (!text[lang]) texts.add(normal(text.en));
    for (const reference of rule.references) {
      const instrument =
        typeof reference.instrument === 'string' ? { en: reference.instrument } : reference.instrument;
      if (!instrument[lang]) texts.add(normal(instrument.en));
      if (reference.article) texts.add(normal(reference.article));
    }
  }
  return [...texts]
    .filter((text) => sentenceLike(text))
    .sort((a, b) => b.length - a.length)
    .map((text) => {
      // A placeholder at either end is left in the text (it is evidence, not a sentence): an
      // unanchored pattern starting with a wildcard would try every position of a long page.
      const parts = text
        .split(/\{\w+\}/)
        .map((part) => part.trim())
        .filter((part, i, all) => part !== '' || (i > 0 && i < all.length - 1));
      return new RegExp(parts.map(escapeRegExp).join('.{1,300}?'), 'gu');
    });
}

/** A page's text with every occurrence of the patterns taken out. */
export function withoutTexts(text: string, patterns: RegExp[]): string {
  return patterns.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
}

/** Whether every rule carries every one of its texts in `lang`. */
export function rulesSpeak(ruleSets: RuleSet[], lang: Lang): boolean {
  return ruleSets.every((set) => set.rules.every((rule) => ruleTexts(rule).every((text) => text[lang])));
}

/**
 * What a reader of a page reads: its text and its labels (alt, title, aria-label), without what
 * the report quotes as it stands: codes, hashes, raw page text and URLs.
 */
export function readableText(html: string): string {
  const $ = cheerio.load(html);
  $('style, script, code, td.raw, td.url, .raw').remove();
  const labels = $('[alt], [title], [aria-label]')
    .map((_, el) =>
      [$(el).attr('alt'), $(el).attr('title'), $(el).attr('aria-label')].filter(Boolean).join(' '),
    )
    .get();
  return normal(`${$('html').text()} ${labels.join(' ')}`);
}

/** The phrases found in a text, matched on word boundaries. */
export function phrasesIn(text: string, phrases: string[]): string[] {
  return phrases.filter((phrase) => {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
  });
}
