import { createHash } from 'node:crypto';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { textIn } from '../../rules/index.js';
import type { Rule, RuleLevel } from '../../rules/types.js';
import type { CheckView } from '../check-view.js';
import { unjudgedLine } from '../terminal.js';
import { findingLines, findingPage } from './finding-text.js';

const SARIF_LEVEL: Record<RuleLevel, Result.level> = {
  law: 'error',
  interpretation: 'warning',
  'good-practice': 'note',
};

function descriptor(rule: Rule, view: CheckView): ReportingDescriptor {
  const lang = view.lang;
  const helpUri = rule.references.find((ref) => ref.url)?.url;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: textIn(rule.title, lang) },
    fullDescription: { text: textIn(rule.description, lang) },
    help: { text: textIn(rule.advice, lang) },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[rule.level] },
    properties: { tags: rule.tags, level: rule.level, weight: rule.weight },
  };
}

/**
 * SARIF 2.1.0 for code scanning: one result per failed rule of each site, located at the page
 * the failure was seen on (the shop's URL when it names none). A site that could not be judged is
 * an error notification of the run, not a result.
 */
export function toSarif(views: CheckView[], toolVersion: string): Log {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const view of views) {
    if (!view.judged) {
      notifications.push({ level: 'error', message: { text: unjudgedLine(view.result, view.lang) } });
      continue;
    }
    for (const item of [...view.failures, ...view.reviews, ...view.passed, ...view.notApplicable]) {
      if (item.rule && !ruleIndex.has(item.rule.id)) {
        ruleIndex.set(item.rule.id, rules.length);
        rules.push(descriptor(item.rule, view));
      }
    }
    for (const item of view.failures) {
      const page = findingPage(item, view);
      const fingerprint = createHash('sha256')
        .update(`${view.result.target.key}\n${item.finding.rule}\n${page}`)
        .digest('hex');
      results.push({
        ruleId: item.finding.rule,
        ...(ruleIndex.has(item.finding.rule) ? { ruleIndex: ruleIndex.get(item.finding.rule) } : {}),
        level: SARIF_LEVEL[item.finding.level],
        message: {
          text: [`${item.title} (${view.result.target.name})`, ...findingLines(item, view)].join('\n'),
        },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: page }, region: { startLine: 1 } },
            message: { text: view.result.target.url },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: fingerprint },
        properties: { shop: view.result.target.url, score: view.result.score, weight: item.finding.weight },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'shopreach', version: toolVersion, semanticVersion: toolVersion, rules } },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
      },
    ],
  };
}
