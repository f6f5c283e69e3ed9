import { type Lang, translator } from '../../i18n/index.js';
import { type Html, html, raw } from '../escape.js';

/**
 * One stylesheet, inlined into every page so each file opens offline on its own. Long words break
 * with `overflow-wrap: break-word`; `anywhere` only where a cell also sets a minimum width (raw
 * text, URLs): elsewhere it shrinks a table cell's minimum width to one character, and a phone
 * screen then stacks a shop's name one letter per line.
 */
const STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4b5563; --line: #d0d7de; --bg: #ffffff; --soft: #f4f6f8;
  --pass: #1a7f37; --fail: #b42318; --review: #8a5a00; --na: #4b5563; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header.site, footer.site { background: var(--soft); border-bottom: 1px solid var(--line); padding: .75rem 1rem; }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; color: var(--muted); font-size: .875rem; margin-top: 2rem; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
code { word-break: break-all; }
a { color: var(--accent); overflow-wrap: break-word; }
h1 { font-size: 1.6rem; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin-bottom: .25rem; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
thead th { background: var(--soft); }
td.raw, td.url { min-width: 12rem; overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.raw { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; color: #fff; font-size: .85rem; white-space: nowrap; }
.o-pass { background: var(--pass); } .o-fail { background: var(--fail); }
.o-needs-review, .o-not-assessable { background: var(--review); } .o-not-applicable { background: var(--na); }
.verdict { border: 2px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.verdict.v-pass { border-color: var(--pass); } .verdict.v-fail { border-color: var(--fail); }
.verdict p { margin: .25rem 0; }
.verdict .headline { font-size: 1.2rem; font-weight: 600; }
.figures { padding-left: 1.2rem; } .figures li { margin: .25rem 0; } .views { list-style: none; padding: 0; margin: .5rem 0 1rem; } .views li { margin: .2rem 0; }
.finding { border-top: 1px solid var(--line); padding: .5rem 0 1rem; }
.muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
img.shot { max-width: 100%; border: 1px solid var(--line); }
.crops { display: flex; flex-wrap: wrap; gap: 1rem; }
.crop { position: relative; max-width: 100%; overflow: hidden; border: 1px solid var(--line); background-repeat: no-repeat; background-color: var(--soft); }
.crop .mark { position: absolute; outline: 3px solid #d4001a; box-shadow: 0 0 0 9999px rgba(0, 0, 0, .25); border-radius: 2px; }
.shot-full { max-width: 100%; border: 1px solid var(--line); background-repeat: no-repeat; background-size: 100% auto; }
figure.evidence { margin: .5rem 0 1rem; max-width: 100%; } figure.evidence figcaption { font-size: .85rem; }
.more { font-style: italic; }
td.crit { white-space: nowrap; } .c-pass { color: var(--pass); } .c-fail { color: var(--fail); font-weight: 600; } .c-needs-review { color: var(--review); }
table.ranking th.shop { min-width: 8rem; } table.ranking th, table.ranking td { padding: .35rem .4rem; font-size: .85rem; overflow-wrap: normal; }
ul.evidence, ul.causes { margin: 0; padding-left: 1rem; } li.ext-cause { font-weight: 600; } td.decision { min-width: 8rem; }
details.rule-group > summary, details.finding > summary { cursor: pointer; }
@media (max-width: 600px) { body { font-size: 15px; } main { padding: .5rem; } dl.facts { grid-template-columns: 1fr; } }
`;

export interface PageOptions {
  title: string;
  lang: Lang;
  /** Path prefix from this page back to the report root ('' or '../'). */
  root: string;
  body: Html;
  /** Extra markup for <head> (a page's own style block). */
  head?: Html;
  /** Links to the run's ranking and methodology; off for a page that stands alone (one shop's check). */
  nav?: boolean;
}

export function layout({ title, lang, root, body, head, nav = true }: PageOptions): string {
  const t = translator(lang);
  const document = html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(STYLE)}</style>
${head ?? ''}
</head>
<body>
<header class="site">${
    nav
      ? html`<nav aria-label="${t('report.title')}"><ul>
<li><a href="${root}index.html">${t('report.ranking')}</a></li>
<li><a href="${root}methodology.html">${t('report.methodology')}</a></li>
</ul></nav>`
      : html`<p>${t('report.title')}</p>`
  }</header>
<main>
${body}
</main>
<footer class="site"><p>${t('report.generated')}</p></footer>
</body>
</html>
`;
  return `<!doctype html>\n${document.value}`;
}

/** An outcome badge; the text carries the meaning, the colour only repeats it. */
export function outcomeBadge(outcome: string, label: string): Html {
  return html`<span class="badge o-${outcome}">${label}</span>`;
}

/** A table inside a keyboard-scrollable region (narrow screens scroll it sideways). */
export function scrollTable(label: string, table: Html, lang: Lang): Html {
  const name = translator(lang)('report.table', { label });
  return html`<div class="table-wrap" role="region" aria-label="${name}" tabindex="0">${table}</div>`;
}
