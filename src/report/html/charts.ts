import { type Lang, translator } from '../../i18n/index.js';
import { type Html, html } from '../escape.js';
import type { RunSummary } from '../summary.js';

/** A bar chart of the score bands 0–9 … 90–100 as inline SVG, with a text alternative. */
export function scoreDistributionSvg(summary: RunSummary, lang: Lang): Html {
  const t = translator(lang);
  const bands = summary.scoreBands;
  const max = Math.max(1, ...bands);
  const width = 640;
  const height = 220;
  const left = 36;
  const bottom = 30;
  const plotHeight = height - bottom - 24;
  const barWidth = (width - left - 10) / bands.length;
  const bars = bands.map((count, i) => {
    const h = (count / max) * plotHeight;
    const x = left + i * barWidth + 4;
    const y = height - bottom - h;
    const label = i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`;
    return html`<g><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 8).toFixed(1)}" height="${h.toFixed(1)}" fill="#0b57d0"></rect>
<text x="${(x + (barWidth - 8) / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" font-size="12" text-anchor="middle" fill="#1b1f24">${count}</text>
<text x="${(x + (barWidth - 8) / 2).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle" fill="#1b1f24">${label}</text></g>`;
  });
  const description = bands
    .map((count, i) => `${i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`}: ${count}`)
    .join('; ');
  return html`<figure>
<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="dist-title dist-desc" xmlns="http://www.w3.org/2000/svg">
<title id="dist-title">${t('report.scoreDistribution')}</title><desc id="dist-desc">${description}</desc>
<line x1="${left}" y1="${height - bottom}" x2="${width - 6}" y2="${height - bottom}" stroke="#4b5563"></line>
${bars}
</svg>
<figcaption>${t('report.scoreDistribution')}</figcaption>
</figure>`;
}

/** Each rule's pass rate over the shops where it was judged, as horizontal bars. */
export function passRateSvg(summary: RunSummary, ruleTitles: Map<string, string>, lang: Lang): Html {
  const t = translator(lang);
  const rows = summary.rulePassRates;
  const rowHeight = 26;
  const labelWidth = 260;
  const width = 640;
  const barMax = width - labelWidth - 70;
  const height = Math.max(rowHeight, rows.length * rowHeight) + 8;
  const bars = rows.map((r, i) => {
    const y = 4 + i * rowHeight;
    const rate = r.judged === 0 ? null : r.pass / r.judged;
    const name = ruleTitles.get(r.rule) ?? r.rule;
    // Titles are sentences; the stable rule id is the short label, the title its tooltip.
    const short = r.rule.length > 38 ? `${r.rule.slice(0, 37)}…` : r.rule;
    return html`<g><title>${name}: ${t('report.passRateOf', { pass: r.pass, judged: r.judged })}</title>
<text x="${labelWidth - 6}" y="${y + 17}" font-size="12" text-anchor="end" fill="#1b1f24">${short}</text>
<rect x="${labelWidth}" y="${y + 4}" width="${barMax}" height="${rowHeight - 8}" fill="#e5e7eb"></rect>
<rect x="${labelWidth}" y="${y + 4}" width="${((rate ?? 0) * barMax).toFixed(1)}" height="${rowHeight - 8}" fill="#1a7f37"></rect>
<text x="${labelWidth + barMax + 6}" y="${y + 17}" font-size="12" fill="#1b1f24">${rate === null ? '–' : t.percent(rate)}</text></g>`;
  });
  const description = rows
    .map(
      (r) =>
        `${ruleTitles.get(r.rule) ?? r.rule}: ${t('report.passRateOf', { pass: r.pass, judged: r.judged })}`,
    )
    .join('; ');
  return html`<figure>
<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="rates-title rates-desc" xmlns="http://www.w3.org/2000/svg">
<title id="rates-title">${t('report.rulePassRates')}</title><desc id="rates-desc">${description}</desc>
${bars}
</svg>
<figcaption>${t('report.rulePassRates')}</figcaption>
</figure>`;
}
