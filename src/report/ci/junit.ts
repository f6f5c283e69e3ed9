import junitModule, { type Builder } from 'junit-report-builder';
import { translator } from '../../i18n/index.js';
import type { CheckView } from '../check-view.js';
import { unjudgedLine } from '../terminal.js';
import { findingLines } from './finding-text.js';

// The package is CommonJS (`module.exports = builder`) while its types declare a default export.
const junit: Builder =
  (junitModule as unknown as { default?: Builder }).default ?? (junitModule as unknown as Builder);

/**
 * JUnit XML for CI test reports: one test suite per checked site, one test case per rule. A failed
 * rule is a failure with its evidence and advice; needs-review, not-applicable and not-assessable
 * are skipped with their reason; a site that could not be judged is one test case in error.
 */
export function toJunit(views: CheckView[]): string {
  const builder = junit.newBuilder().name('shopreach');
  for (const view of views) {
    const { result } = view;
    const t = translator(view.lang);
    const suite = builder
      .testSuite()
      .name(`${result.target.name} (${result.target.url})`)
      .timestamp(result.crawl.startedAt)
      .property('url', result.target.url)
      .property('status', result.status)
      .property('score', result.score === null ? t('report.notRated') : String(result.score))
      .property('ruleSet', `${result.ruleSet.id} ${result.ruleSet.version} ${result.ruleSet.hash}`);
    if (!view.judged) {
      suite
        .testCase()
        .className(`shopreach.${result.target.key}`)
        .name('crawl')
        .error(unjudgedLine(result, view.lang), result.status);
      continue;
    }
    const items = [
      ...view.failures,
      ...view.reviews,
      ...view.passed,
      ...view.notApplicable,
      ...view.notAssessable,
    ];
    for (const item of items) {
      const test = suite
        .testCase()
        .className(`shopreach.${result.ruleSet.id}.${item.finding.level}`)
        .name(`${item.finding.rule}: ${item.title}`)
        .file(result.target.url);
      const lines = findingLines(item, view);
      if (item.finding.outcome === 'fail') {
        test.failure(item.title, item.finding.level).stacktrace(lines.join('\n'));
      } else if (item.finding.outcome !== 'pass') {
        test.skipped().standardOutput([t.term('outcome', item.finding.outcome), ...lines].join('\n'));
      }
    }
  }
  return builder.build();
}
