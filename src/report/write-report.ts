import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDirBeside } from '../common/paths.js';
import type { Lang } from '../i18n/index.js';
import type { Store } from '../store/types.js';
import { compareRuns } from './compare.js';
import { headlineCriteria } from './criteria.js';
import { toCsv } from './csv.js';
import { requireRun, runResults } from './export-run.js';
import { safeFileName } from './file-names.js';
import { comparePage } from './html/compare-page.js';
import { indexPage } from './html/index-page.js';
import { methodologyPage } from './html/methodology-page.js';
import { rankingViewPage, rankingViews } from './html/ranking-views.js';
import { reviewPage } from './html/review-page.js';
import { shopPage } from './html/shop-page.js';
import { reviewCsv, reviewItems } from './review.js';
import { embedScreenshots } from './screenshots.js';
import { reportLanguage } from './shop-result.js';
import { SnapshotCopier } from './snapshots.js';
import { summarise } from './summary.js';

export interface ReportOptions {
  outDir: string;
  /** Default: the language of the run's markets when they share one (nl, de, fr), else English. */
  lang?: Lang;
  compareRunId?: number;
  /** Where the run's evidence files are (default: the folder beside the database, `<db>.artifacts`). */
  artifactsDir?: string;
}

function defaultArtifactsDir(store: Store): string | null {
  return store.path === ':memory:' ? null : artifactsDirBeside(store.path);
}

/**
 * Writes the static report of a run: index, one page per shop, methodology, the run's data as CSV
 * and JSON, a review worklist when findings need a person, and a comparison when asked.
 */
export function writeReport(
  store: Store,
  runId: number,
  opts: ReportOptions,
): { indexPath: string; files: string[]; lang: Lang } {
  const run = requireRun(store, runId);
  const ruleSets = store.ruleSets(run.id);
  const results = runResults(store, run);
  const lang = opts.lang ?? reportLanguage(results);
  const files: string[] = [];
  const write = (relative: string, content: string) => {
    const path = join(opts.outDir, relative);
    writeFileSync(path, content);
    files.push(path);
  };
  mkdirSync(join(opts.outDir, 'shops'), { recursive: true });
  mkdirSync(join(opts.outDir, 'ranking'), { recursive: true });

  const shopHref = new Map<string, string>();
  const snapshots = new SnapshotCopier(opts.artifactsDir ?? defaultArtifactsDir(store), opts.outDir);
  for (const result of results) {
    const fileName = safeFileName(result.target.key);
    shopHref.set(result.target.key, `shops/${fileName}`);
    const ruleSet = ruleSets.find((r) => r.id === result.ruleSet.id) ?? run.ruleSet;
    const snapshotLinks = new Map(result.pages.map((page) => [page.id, snapshots.linkFor(page)]));
    write(
      `shops/${fileName}`,
      shopPage({
        result,
        ruleSet,
        lang,
        screenshots: embedScreenshots(result.pages),
        snapshots: snapshotLinks,
      }),
    );
  }

  let comparisonHref: string | undefined;
  if (opts.compareRunId !== undefined) {
    const before = requireRun(store, opts.compareRunId);
    const beforeRuleSets = store.ruleSets(before.id);
    const comparison = compareRuns(
      { run: before, results: runResults(store, before), ruleSets: beforeRuleSets },
      { run, results, ruleSets },
    );
    comparisonHref = 'comparison.html';
    const titled = [...ruleSets, run.ruleSet, ...beforeRuleSets, before.ruleSet];
    write(comparisonHref, comparePage({ run, before, comparison, lang, shopHref, ruleSets: titled }));
  }

  const summary = summarise(
    results,
    run.ruleSet.rules.map((r) => r.id),
  );
  const ruleOrder = run.ruleSet.rules.map((r) => r.id);
  write('results.csv', toCsv(results, ruleOrder));
  write('results.json', `${JSON.stringify(results, null, 2)}\n`);
  const review = reviewItems(
    results,
    (result) => ruleSets.find((r) => r.id === result.ruleSet.id) ?? run.ruleSet,
  );
  if (review.length > 0) {
    write('review.html', reviewPage(run, review, shopHref, lang));
    write('review.csv', reviewCsv(review));
  }

  const used = new Set(run.profiles.map((p) => p.id));
  const criteria = headlineCriteria(ruleSets.filter((r) => used.has(r.id)).concat(run.ruleSet));
  write('methodology.html', methodologyPage(run, ruleSets, lang, results));
  write(
    'index.html',
    indexPage({ run, summary, lang, shopHref, comparisonHref, criteria, reviewCount: review.length }),
  );
  const views = rankingViews(summary, lang);
  for (const view of views.slice(1)) {
    write(view.file, rankingViewPage(view, views, summary, run.label, shopHref, lang, criteria));
  }
  return { indexPath: join(opts.outDir, 'index.html'), files, lang };
}
