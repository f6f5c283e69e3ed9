import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CRAWL_STATUSES } from '../../src/crawl/types.js';
import { FACT_KINDS, PAGE_KINDS, PRESENTATIONS, REGIONS } from '../../src/extract/types.js';
import { catalogue, LANGUAGES, LOCALES } from '../../src/i18n/index.js';
import { OUTCOMES } from '../../src/rules/types.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const english = catalogue('en');
const keys = Object.keys(english);

type Use = 'text' | 'number';

/** Every placeholder of a message and how it is used: as text, or as a number (plural, number). */
function placeholders(elements: MessageFormatElement[], found = new Map<string, Use>()): Map<string, Use> {
  for (const element of elements) {
    if (element.type === TYPE.argument) {
      if (!found.has(element.value)) found.set(element.value, 'text');
    } else if (element.type === TYPE.number || element.type === TYPE.plural) {
      found.set(element.value, 'number');
    } else if (element.type === TYPE.select || element.type === TYPE.date || element.type === TYPE.time) {
      if (!found.has(element.value)) found.set(element.value, 'text');
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
  }
  return found;
}

function pluralsWithoutOther(elements: MessageFormatElement[]): string[] {
  const missing: string[] = [];
  for (const element of elements) {
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      if (!('other' in element.options)) missing.push(element.value);
      for (const option of Object.values(element.options)) missing.push(...pluralsWithoutOther(option.value));
    }
  }
  return missing;
}

function parse(lang: string, key: string): IntlMessageFormat {
  return new IntlMessageFormat(catalogue(lang as 'en')[key], LOCALES[lang as 'en'], undefined, {
    ignoreTag: true,
  });
}

const sample = (uses: Map<string, Use>) =>
  Object.fromEntries([...uses].map(([name, use]) => [name, use === 'number' ? 2 : `«${name}»`]));

describe('the message catalogues', () => {
  it('have the same keys in every language: none missing, none left over', () => {
    for (const lang of LANGUAGES) {
      const own = Object.keys(catalogue(lang));
      expect(
        keys.filter((key) => !own.includes(key)),
        `${lang} lacks these keys`,
      ).toEqual([]);
      expect(
        own.filter((key) => !(key in english)),
        `${lang} has keys English lacks`,
      ).toEqual([]);
      expect(
        own.filter((key) => catalogue(lang)[key].trim() === ''),
        `${lang} has empty messages`,
      ).toEqual([]);
    }
  });

  it('parse as ICU MessageFormat, use only the placeholders English has, the same way, and format', () => {
    const problems: string[] = [];
    for (const key of keys) {
      const reference = placeholders(parse('en', key).getAst());
      for (const lang of LANGUAGES) {
        let format: IntlMessageFormat;
        try {
          format = parse(lang, key);
        } catch (error) {
          problems.push(`${lang} ${key}: does not parse (${(error as Error).message})`);
          continue;
        }
        const own = placeholders(format.getAst());
        for (const [name, use] of own) {
          if (!reference.has(name))
            problems.push(`${lang} ${key}: {${name}} is not a placeholder of English`);
          else if (reference.get(name) !== use)
            problems.push(
              `${lang} ${key}: {${name}} is a ${use} here but a ${reference.get(name)} in English`,
            );
        }
        for (const name of pluralsWithoutOther(format.getAst()))
          problems.push(`${lang} ${key}: the plural or select of {${name}} has no "other"`);
        // An apostrophe before a brace quotes it: the placeholder would print as text.
        const written = new Set(
          [...catalogue(lang)[key].matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)].map((m) => m[1]),
        );
        for (const name of written)
          if (!own.has(name))
            problems.push(`${lang} ${key}: {${name}} is quoted away and would print literally`);
        try {
          const text = String(format.format(sample(reference)));
          if (/[{}]/.test(text))
            problems.push(`${lang} ${key}: formats to "${text}" with a brace left in it`);
        } catch (error) {
          problems.push(`${lang} ${key}: does not format (${(error as Error).message})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('name every value of the closed sets the reports show', () => {
    const families: Array<[string, readonly string[]]> = [
      ['outcome', OUTCOMES],
      ['level', ['law', 'interpretation', 'good-practice']],
      ['region', REGIONS],
      ['presentation', PRESENTATIONS],
      ['pageKind', PAGE_KINDS],
      ['factKind', FACT_KINDS],
      ['phoneType', ['fixed', 'mobile', 'toll-free', 'premium', 'shared-cost', 'voip', 'unknown']],
      ['numberLabel', ['phone', 'fax', 'registry', 'vat', 'iban', 'other']],
      ['widgetKind', ['chat', 'contact-form', 'whatsapp', 'callback']],
      ['report.verdict', OUTCOMES],
      ['statusCause', CRAWL_STATUSES.filter((s) => s !== 'ok' && s !== 'partial')],
      ['statusNext', CRAWL_STATUSES.filter((s) => s !== 'ok' && s !== 'partial')],
    ];
    const missing = families.flatMap(([family, values]) =>
      values.map((value) => `${family}.${value}`).filter((key) => !(key in english)),
    );
    expect(missing).toEqual([]);
  });

  it('hold no message the code never uses', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(ROOT, 'src'));
    const code = sources.join('\n');
    const literals = new Set([...code.matchAll(/['"]([\w.-]+)['"]/g)].map((m) => m[1]));
    // `key.${value}` in a template literal, and t.term('family', value), use a whole family of keys.
    const prefixes = [
      ...[...code.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]),
      ...[...code.matchAll(/\.term\(\s*'([\w-]+)'/g)].map((m) => `${m[1]}.`),
    ];
    const unused = keys.filter((key) => !literals.has(key) && !prefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });
});
