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

/** Writes the asked-for files into `dir` and returns their paths, the HTML first when there is one. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complexity 21 predates the limit; split once the parallel work on this folder is merged (issue 18)
export function writeCheckOutputs(
  views: CheckView[],
  formats: OutputFormat[],
  dir: string,
  options: { detail: TerminalOptions['detail']; toolVersion: string },
): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    files.push(path);
  };
  const perSite = (format: OutputFormat, view: CheckView, extension: string) =>
    views.length === 1 ? OUTPUT_FILE_NAMES[format] : safeFileName(view.result.target.key, extension);
  for (const format of [...formats.filter((f) => f === 'html'), ...formats.filter((f) => f !== 'html')]) {
    if (format === 'junit') write(OUTPUT_FILE_NAMES.junit, toJunit(views));
    else if (format === 'sarif')
      write(OUTPUT_FILE_NAMES.sarif, `${JSON.stringify(toSarif(views, options.toolVersion), null, 2)}\n`);
    else
      for (const view of views) {
        if (format === 'text')
          write(perSite('text', view, 'txt'), siteText(view, { detail: options.detail }));
        if (format === 'json')
          write(perSite('json', view, 'json'), `${JSON.stringify(view.result, null, 2)}\n`);
        if (format === 'html')
          write(
            perSite('html', view, 'html'),
            ownShopPage({ view, screenshots: embedScreenshots(view.result.pages) }),
          );
      }
  }
  return files;
}
