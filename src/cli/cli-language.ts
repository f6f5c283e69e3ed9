import { isLang, type Lang, marketLanguage, type Translate, translator } from '../i18n/index.js';

let chosen: Lang | null = null;

/** The value of an option in the raw arguments (`--lang de`, `--lang=de`), before yargs parses them. */
function rawOption(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

/**
 * The language of the command's own lines (progress, summaries, errors): `--lang`, else the
 * language of the `--country` market, else English. A command that learns better (check: its
 * configuration's `lang`) says so with `useCliLanguage`.
 */
export function cliLanguage(argv: string[] = process.argv.slice(2)): Lang {
  if (chosen) return chosen;
  const lang = rawOption(argv, 'lang');
  if (isLang(lang)) return lang;
  const country = rawOption(argv, 'country');
  return country ? marketLanguage(country) : 'en';
}

export function useCliLanguage(lang: Lang): void {
  chosen = lang;
}

/** The command's messages, in its language. */
export function cliText(): Translate {
  return translator(cliLanguage());
}
