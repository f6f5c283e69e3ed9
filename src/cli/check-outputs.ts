import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckView } from '../report/check-view.js';
import { toJunit } from '../report/ci/junit.js';
import { toSarif } from '../report/ci/sarif.js';
import { safeFileName } from '../report/file-names.js';
import { ownShopPage } from '../report/html/own-shop-page.js';
import { embedScreenshots } from '../report/screenshots.js';
import { formatShopForTerminal, type TerminalOptions, unjudgedLine } from '../report/terminal.js';
import { UserError } from './user-error.js';

export const OUTPUT_FORMATS = ['text', 'json', 'html', 'junit', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The file name of each format when one site is checked; several sites get one text, JSON and HTML file each. */
export const OUTPUT_FILE_NAMES: Record<OutputFormat, string> = {
  text: 'shopreach.txt',
  json: 'shopreach.json',
  html: 'shopreach.html',
  junit: 'shopreach.junit.xml',
  sarif: 'shopreach.sarif',
};

/** `--output text,json` or `--output text --output json`. */
export function parseOutputFormats(given: string[] | undefined): OutputFormat[] {
  const names = (given ?? []).flatMap((value) => value.split(',')).map((name) => name.trim().toLowerCase());
  const formats: OutputFormat[] = [];
  for (const name of names.filter(Boolean)) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(name))
      throw UserError.say('error.outputFormat', { name, formats: OUTPUT_FORMATS.join(', ') });
    if (!formats.includes(name as OutputFormat)) formats.push(name as OutputFormat);
  }
  return formats;
}

/** The terminal text of one site, or its one line when it could not be judged. */
export function siteText(view: CheckView, options: TerminalOptions): string {
  return view.judged ? formatShopForTerminal(view, options) : `${unjudgedLine(view.result, view.lang)}\n`;
}

type OutputOptions = { detail: TerminalOptions['detail']; toolVersion: string };

/** What one site's text, JSON or HTML file holds. */
const SITE_FILES = {
  text: { extension: 'txt', content: (view, options) => siteText(view, { detail: options.detail }) },
  json: { extension: 'json', content: (view) => `${JSON.stringify(view.result, null, 2)}\n` },
  html: {
    extension: 'html',
    content: (view) => ownShopPage({ view, screenshots: embedScreenshots(view.result.pages) }),
  },
} satisfies Record<
  string,
  { extension: string; content: (view: CheckView, options: OutputOptions) => string }
>;

/** What the one file of all sites holds, for the formats that write one. */
const RUN_FILES = {
  junit: (views) => toJunit(views),
  sarif: (views, options) => `${JSON.stringify(toSarif(views, options.toolVersion), null, 2)}\n`,
} satisfies Record<string, (views: CheckView[], options: OutputOptions) => string>;

/** Each file of a format: its name and content. */
function filesOf(format: OutputFormat, views: CheckView[], options: OutputOptions): Array<[string, string]> {
  if (format === 'junit' || format === 'sarif')
    return [[OUTPUT_FILE_NAMES[format], RUN_FILES[format](views, options)]];
  const { extension, content } = SITE_FILES[format];
  return views.map((view) => [
    views.length === 1 ? OUTPUT_FILE_NAMES[format] : safeFileName(view.result.target.key, extension),
    content(view, options),
  ]);
}

/** Writes the asked-for files into `dir` and returns their paths, the HTML first when there is one. */
export function writeCheckOutputs(
  views: CheckView[],
  formats: OutputFormat[],
  dir: string,
  options: OutputOptions,
): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const format of [...formats.filter((f) => f === 'html'), ...formats.filter((f) => f !== 'html')]) {
    for (const [name, content] of filesOf(format, views, options)) {
      const path = join(dir, name);
      writeFileSync(path, content);
      files.push(path);
    }
  }
  return files;
}
