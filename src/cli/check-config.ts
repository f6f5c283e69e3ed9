import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LANGUAGES, type Lang } from '../i18n/index.js';
import { normaliseCountry, normaliseShopUrl } from '../input/index.js';
import { readYamlSource, type YamlSource } from '../rules/yaml-source.js';
import { cliText } from './cli-language.js';
import { listMessageText } from './list-messages.js';
import { UserError } from './user-error.js';

/** The file names `check` looks for in the current folder when no --config is given, in this order. */
export const CONFIG_FILE_NAMES = ['shopreach.config.yaml', 'shopreach.config.yml', 'shopreach.config.json'];

/** What a threshold can fail on: a rule level, the headline verdict, or one rule by id. */
export const FAIL_ON_GROUPS = ['law', 'interpretation', 'good-practice', 'headline'] as const;

const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';

const thresholds = {
  minScore: { type: 'number', minimum: 0, maximum: 100 },
  failOn: { type: 'array', items: { type: 'string', pattern: KEBAB }, uniqueItems: true },
};

/** The JSON Schema of a check configuration (in the manner of .pa11yci: urls, defaults, thresholds). */
export const CHECK_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    urls: {
      type: 'array',
      minItems: 1,
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            required: ['url'],
            additionalProperties: false,
            properties: {
              url: { type: 'string', minLength: 1 },
              name: { type: 'string', minLength: 1 },
              country: { type: 'string', minLength: 2 },
              ...thresholds,
            },
          },
        ],
      },
    },
    defaults: {
      type: 'object',
      additionalProperties: false,
      properties: {
        profile: { type: 'string', pattern: KEBAB },
        country: { type: 'string', minLength: 2 },
        mode: { enum: ['static', 'browser', 'auto'] },
        lang: { enum: [...LANGUAGES] },
        ...thresholds,
      },
    },
  },
} as const;

export interface Thresholds {
  minScore?: number;
  failOn?: string[];
}

export interface ConfiguredSite extends Thresholds {
  url: string;
  key: string;
  name?: string;
  country?: string;
  /** Line of the entry in the configuration file. */
  line: number;
}

export interface CheckConfig {
  file: string;
  urls: ConfiguredSite[];
  defaults: Thresholds & {
    profile?: string;
    country?: string;
    mode?: 'static' | 'browser' | 'auto';
    lang?: Lang;
  };
  /** `file:line` of a place in the file, for errors found later (a rule id the rule set lacks). */
  where(path: ReadonlyArray<string | number>): string;
}

let validate: ReturnType<Ajv['compile']> | undefined;

function problemOf(error: ErrorObject, source: YamlSource): { line: number; text: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  const t = cliText();
  const at = path.length > 0 ? path.join('.') : t('config.theFile');
  let text: string;
  if (error.keyword === 'additionalProperties') {
    const field = String((error.params as { additionalProperty: string }).additionalProperty);
    path.push(field);
    text = t('config.unknownField', { field, at });
  } else if (error.keyword === 'pattern' && path.includes('failOn')) {
    text = t('config.failOnPattern', { at, groups: FAIL_ON_GROUPS.join(', ') });
  } else if (error.keyword === 'enum') {
    const values = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ');
    text = t('config.oneOf', { at, values });
  } else if (error.keyword === 'anyOf') {
    text = t('config.urlEntry', { at });
  } else {
    text = `${at} ${error.message ?? 'is invalid'}`;
  }
  return { line: source.lineOf(path), text };
}

/** The configuration file to use: --config, else the first of CONFIG_FILE_NAMES in `cwd`, else none. */
export function findCheckConfig(given: string | undefined, cwd = process.cwd()): string | null {
  if (given) {
    const file = resolve(cwd, given);
    if (!existsSync(file)) throw UserError.say('error.configMissing', { file: given });
    return file;
  }
  return CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((file) => existsSync(file)) ?? null;
}

/** Every schema problem of a parsed configuration as `file:line: message`, each once. */
function schemaProblems(file: string, source: YamlSource): string[] {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(CHECK_CONFIG_SCHEMA);
  if (validate(source.value ?? {})) return [];
  const problems = (validate.errors ?? [])
    // anyOf reports each branch; its own summary says it once.
    .filter((error) => !error.schemaPath.includes('/anyOf/'))
    .map((error) => {
      const { line, text } = problemOf(error, source);
      return `${file}:${line}: ${text}`;
    });
  return [...new Set(problems)];
}

type RawSite = Thresholds & { url: string; name?: string; country?: string };

/** Reads the configuration's urls and defaults, normalising each URL and country or naming its line. */
function configuredSites(file: string, source: YamlSource): CheckConfig {
  const raw = (source.value ?? {}) as { urls?: Array<string | RawSite>; defaults?: CheckConfig['defaults'] };
  const where = (path: ReadonlyArray<string | number>) => `${file}:${source.lineOf(path)}`;
  const country = (value: string | undefined, path: Array<string | number>) => {
    if (value === undefined) return undefined;
    const checked = normaliseCountry(value);
    if (!checked.ok) throw UserError.of(`${where(path)}: ${listMessageText(checked)}.`);
    return checked.country;
  };
  const urls = (raw.urls ?? []).map((entry, index): ConfiguredSite => {
    const site = typeof entry === 'string' ? { url: entry } : entry;
    const path = typeof entry === 'string' ? ['urls', index] : ['urls', index, 'url'];
    const url = normaliseShopUrl(site.url);
    if (!url.ok) throw UserError.of(`${where(path)}: ${listMessageText(url)}.`);
    return {
      ...site,
      url: url.url,
      key: url.key,
      country: country(site.country, ['urls', index, 'country']),
      line: source.lineOf(['urls', index]),
    };
  });
  const defaults = { ...(raw.defaults ?? {}) };
  if (defaults.country) defaults.country = country(defaults.country, ['defaults', 'country']);
  return { file, urls, defaults, where };
}

/**
 * Reads and validates a check configuration (YAML or JSON). Every problem is reported as
 * `file:line: message`, all at once, as a UserError (exit code 1).
 */
export function readCheckConfig(file: string): CheckConfig {
  const source = readYamlSource(file);
  const parseProblems = source.errors.map((e) => `${file}:${e.line}:${e.column}: ${e.message}`);
  const problems = parseProblems.length > 0 ? parseProblems : schemaProblems(file, source);
  if (problems.length > 0) throw UserError.say('error.configInvalid', { problems: problems.join('\n') });
  return configuredSites(file, source);
}
