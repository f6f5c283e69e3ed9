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

/** Every text of a rule a report may show: its own texts, its reasons, its references' titles and notes. */
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
    ...rule.references.flatMap((ref) => [
      ref.title ?? { en: ref.instrument },
      ...(ref.note ? [ref.note] : []),
    ]),
  ];
}

/**
 * The English sentences of the rule files (titles, descriptions, advice, reasons, reference titles
 * and notes) a report in `lang` must not show: every run of two or more words between
 * placeholders, unless the text in `lang` writes the same run (a law's own name, such as
 * "Code de la consommation", is cited as it stands).
 */
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
