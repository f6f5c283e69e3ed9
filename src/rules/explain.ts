import type { Condition, Predicate, Quantified, Where } from './grammar.js';
import type { LocalText, Rule } from './types.js';

const LEVEL_TEXT = {
  en: { law: 'law', interpretation: 'interpretation of the law', 'good-practice': 'good practice' },
  nl: { law: 'wet', interpretation: 'interpretatie van de wet', 'good-practice': 'goede praktijk' },
} as const;

const LABELS = {
  en: {
    level: 'Level',
    weight: 'Weight',
    tags: 'Tags',
    why: 'What it checks',
    fix: 'How to fix',
    sources: 'Sources',
    test: 'Test',
    applies: 'Applies when',
    review: 'Needs review when',
    blocked: 'Not assessable when',
    source: 'Defined in',
  },
  nl: {
    level: 'Niveau',
    weight: 'Gewicht',
    tags: 'Labels',
    why: 'Wat er getoetst wordt',
    fix: 'Zo los je het op',
    sources: 'Bronnen',
    test: 'Toets',
    applies: 'Van toepassing als',
    review: 'Handmatig nakijken als',
    blocked: 'Niet te beoordelen als',
    source: 'Gedefinieerd in',
  },
} as const;

function text(value: LocalText | undefined, lang: 'en' | 'nl'): string {
  return value ? (value[lang] ?? value.en) : '';
}

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

/** The condition tree as indented pseudo-code, one clause a line. */
export function conditionText(condition: Condition, indent = '  '): string {
  const next = `${indent}  `;
  if ('always' in condition) return `${indent}${condition.always ? 'always' : 'never'}`;
  if ('some' in condition) return `${indent}some ${quantifiedText(condition.some)}`;
  if ('none' in condition) return `${indent}no ${quantifiedText(condition.none)}`;
  if ('all' in condition)
    return `${indent}every ${quantifiedText(condition.all)} has ${whereText(condition.all.expect)}`;
  if ('count' in condition) {
    const { atLeast, atMost, distinct } = condition.count;
    const bounds = [atLeast !== undefined ? `≥ ${atLeast}` : '', atMost !== undefined ? `≤ ${atMost}` : '']
      .filter(Boolean)
      .join(' and ');
    return `${indent}number of ${distinct ? `distinct ${distinct} of ` : ''}${quantifiedText(condition.count)} ${bounds}`;
  }
  if ('allOf' in condition)
    return `${indent}all of:\n${condition.allOf.map((c) => conditionText(c, next)).join('\n')}`;
  if ('anyOf' in condition)
    return `${indent}any of:\n${condition.anyOf.map((c) => conditionText(c, next)).join('\n')}`;
  if ('not' in condition) return `${indent}not:\n${conditionText(condition.not, next)}`;
  if ('rule' in condition) {
    const expected = Array.isArray(condition.is) ? condition.is.join(' or ') : (condition.is ?? 'pass');
    return `${indent}rule ${condition.rule} is ${expected}`;
  }
  if ('shop' in condition) return `${indent}shop ${whereText(condition.shop)}`;
  return `${indent}${JSON.stringify(condition)}`;
}

/** A rule as plain text for the terminal, in English or Dutch (falling back to English). */
export function explainRule(rule: Rule, lang: 'en' | 'nl'): string {
  const label = LABELS[lang];
  const lines = [
    `${rule.id}: ${text(rule.title, lang)}`,
    `  (fails as: ${text(rule.failTitle, lang)})`,
    '',
    `${label.level}: ${LEVEL_TEXT[lang][rule.level]}   ${label.weight}: ${rule.weight}   ${label.tags}: ${rule.tags.join(', ')}`,
    '',
    `${label.why}:`,
    `  ${text(rule.description, lang)}`,
    '',
    `${label.fix}:`,
    `  ${text(rule.advice, lang)}`,
    '',
    `${label.sources}:`,
    ...rule.references.map(
      (ref) =>
        `  - ${ref.key}: ${ref.instrument}${ref.article ? `, ${ref.article}` : ''}${ref.caseNumber ? `, ${ref.caseNumber}` : ''}${ref.url ? ` <${ref.url}>` : ''}`,
    ),
  ];
  if (rule.notAssessableWhen?.when !== undefined) {
    lines.push('', `${label.blocked}:`, conditionText(rule.notAssessableWhen.when as Condition));
    if (rule.reasons?.['not-assessable']) lines.push(`  → ${rule.reasons['not-assessable']}`);
  }
  if (rule.appliesWhen !== undefined)
    lines.push('', `${label.applies}:`, conditionText(rule.appliesWhen as Condition));
  lines.push('', `${label.test}:`, conditionText(rule.test as Condition));
  if (rule.needsReviewWhen !== undefined) {
    lines.push('', `${label.review}:`, conditionText(rule.needsReviewWhen as Condition));
    if (rule.reasons?.['needs-review']) lines.push(`  → ${rule.reasons['needs-review']}`);
  }
  if (rule.source) lines.push('', `${label.source}: rules/${rule.source.file}:${rule.source.line}`);
  return lines.join('\n');
}
