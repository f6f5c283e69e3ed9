import { type Lang, translator } from '../i18n/index.js';
import type { Condition, Predicate, Quantified, Where } from './grammar.js';
import { textIn } from './languages.js';
import { referenceName, referenceNote } from './reference-text.js';
import type { Rule } from './types.js';

function predicateText(field: string, predicate: Predicate): string {
  const parts: string[] = [];
  if ('equals' in predicate) parts.push(`${field} = ${JSON.stringify(predicate.equals)}`);
  if (predicate.in) parts.push(`${field} in [${predicate.in.join(', ')}]`);
  if (predicate.notIn) parts.push(`${field} not in [${predicate.notIn.join(', ')}]`);
  if (predicate.atMost !== undefined) parts.push(`${field} ≤ ${predicate.atMost}`);
  if (predicate.atLeast !== undefined) parts.push(`${field} ≥ ${predicate.atLeast}`);
  if (predicate.exists !== undefined) parts.push(predicate.exists ? `${field} present` : `${field} absent`);
  if (predicate.matches) parts.push(`${field} ~ /${predicate.matches}/`);
  if (predicate.notMatches) parts.push(`${field} !~ /${predicate.notMatches}/`);
  return parts.join(' and ');
}

function whereText(where: Where | Where[] | undefined): string {
  const clauses = where === undefined ? [] : Array.isArray(where) ? where : [where];
  return clauses
    .flatMap((clause) => Object.entries(clause).map(([field, p]) => predicateText(field, p)))
    .join(' and ');
}

function quantifiedText(body: Quantified): string {
  // A named selection is shown by name: its filters are documented once in selections.yaml.
  const clauses = body.where === undefined ? [] : Array.isArray(body.where) ? body.where : [body.where];
  const own = clauses.slice(body.selectionClauses ?? 0);
  const named = body.selection ? `${body.in} [${body.selection}]` : body.in;
  const ownText = whereText(own);
  return ownText ? `${named} where ${ownText}` : named;
}

type Counted = Extract<Condition, { count: unknown }>['count'];

function countText({ atLeast, atMost, distinct, ...body }: Counted): string {
  const bounds = [atLeast !== undefined ? `≥ ${atLeast}` : '', atMost !== undefined ? `≤ ${atMost}` : '']
    .filter(Boolean)
    .join(' and ');
  return `number of ${distinct ? `distinct ${distinct} of ` : ''}${quantifiedText(body)} ${bounds}`;
}

function childrenText(heading: string, children: Condition[], indent: string): string {
  return `${heading}:\n${children.map((child) => conditionText(child, `${indent}  `)).join('\n')}`;
}

/** One condition's own line (or lines, for a node with children), without the indent before it. */
function nodeText(condition: Condition, indent: string): string {
  if ('always' in condition) return condition.always ? 'always' : 'never';
  if ('some' in condition) return `some ${quantifiedText(condition.some)}`;
  if ('none' in condition) return `no ${quantifiedText(condition.none)}`;
  if ('all' in condition)
    return `every ${quantifiedText(condition.all)} has ${whereText(condition.all.expect)}`;
  if ('count' in condition) return countText(condition.count);
  if ('allOf' in condition) return childrenText('all of', condition.allOf, indent);
  if ('anyOf' in condition) return childrenText('any of', condition.anyOf, indent);
  if ('not' in condition) return childrenText('not', [condition.not], indent);
  if ('rule' in condition) {
    const expected = Array.isArray(condition.is) ? condition.is.join(' or ') : (condition.is ?? 'pass');
    return `rule ${condition.rule} is ${expected}`;
  }
  if ('shop' in condition) return `shop ${whereText(condition.shop)}`;
  return JSON.stringify(condition);
}

/** The condition tree as indented pseudo-code, one clause a line. */
export function conditionText(condition: Condition, indent = '  '): string {
  return `${indent}${nodeText(condition, indent)}`;
}

/**
 * A rule as plain text for the terminal, in the reader's language (the rule's own texts fall back
 * to English where its file lacks the language). The conditions are shown as written.
 */
export function explainRule(rule: Rule, lang: Lang): string {
  const t = translator(lang);
  const lines = [
    `${rule.id}: ${textIn(rule.title, lang)}`,
    `  ${t('explain.failsAs', { title: textIn(rule.failTitle, lang) })}`,
    '',
    t('explain.facts', {
      level: t.term('level', rule.level),
      weight: rule.weight,
      tags: rule.tags.join(', '),
    }),
    '',
    t('explain.why'),
    `  ${textIn(rule.description, lang)}`,
    '',
    t('explain.fix'),
    `  ${textIn(rule.advice, lang)}`,
    '',
    t('explain.sources'),
    ...rule.references.map((ref) => {
      const note = referenceNote(ref, lang);
      return `  - ${ref.key}: ${referenceName(ref, lang)}${note ? ` (${note})` : ''}${ref.url ? ` <${ref.url}>` : ''}`;
    }),
  ];
  const reason = (outcome: 'not-assessable' | 'needs-review') => {
    const text = rule.reasons?.[outcome];
    return text === undefined ? [] : [`  → ${textIn(text, lang)}`];
  };
  if (rule.notAssessableWhen?.when !== undefined) {
    lines.push('', t('explain.blocked'), conditionText(rule.notAssessableWhen.when as Condition));
    lines.push(...reason('not-assessable'));
  }
  if (rule.appliesWhen !== undefined)
    lines.push('', t('explain.applies'), conditionText(rule.appliesWhen as Condition));
  lines.push('', t('explain.test'), conditionText(rule.test as Condition));
  if (rule.needsReviewWhen !== undefined) {
    lines.push('', t('explain.review'), conditionText(rule.needsReviewWhen as Condition));
    lines.push(...reason('needs-review'));
  }
  if (rule.source)
    lines.push('', t('explain.source', { file: `rules/${rule.source.file}:${rule.source.line}` }));
  return lines.join('\n');
}
