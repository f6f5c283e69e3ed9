import type { Condition, Predicate, Quantified, Where } from './grammar.js';
import { type RuleLanguage, textIn } from './languages.js';
import type { Rule, RuleLevel, RuleReference } from './types.js';

const LEVEL_TEXT: Record<RuleLanguage, Record<RuleLevel, string>> = {
  en: { law: 'law', interpretation: 'interpretation of the law', 'good-practice': 'good practice' },
  nl: { law: 'wet', interpretation: 'interpretatie van de wet', 'good-practice': 'goede praktijk' },
  de: { law: 'Gesetz', interpretation: 'Auslegung des Gesetzes', 'good-practice': 'gute Praxis' },
  fr: { law: 'loi', interpretation: 'interprétation de la loi', 'good-practice': 'bonne pratique' },
};

const LABELS: Record<RuleLanguage, Record<string, string>> = {
  en: {
    failsAs: 'fails as',
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
    failsAs: 'bij falen',
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
  de: {
    failsAs: 'nicht erfüllt',
    level: 'Ebene',
    weight: 'Gewicht',
    tags: 'Schlagwörter',
    why: 'Was geprüft wird',
    fix: 'So beheben Sie es',
    sources: 'Quellen',
    test: 'Prüfung',
    applies: 'Anwendbar, wenn',
    review: 'Manuell zu prüfen, wenn',
    blocked: 'Nicht beurteilbar, wenn',
    source: 'Definiert in',
  },
  fr: {
    failsAs: 'en cas d’échec',
    level: 'Niveau',
    weight: 'Poids',
    tags: 'Étiquettes',
    why: 'Ce qui est vérifié',
    fix: 'Comment y remédier',
    sources: 'Sources',
    test: 'Test',
    applies: 'S’applique si',
    review: 'À vérifier par une personne si',
    blocked: 'Impossible à évaluer si',
    source: 'Défini dans',
  },
};

function referenceText(ref: RuleReference, lang: RuleLanguage): string {
  const name = ref.title ? textIn(ref.title, lang) : ref.instrument;
  const note = ref.note ? ` (${textIn(ref.note, lang)})` : '';
  const where = [ref.article, ref.caseNumber].filter(Boolean).join(', ');
  return `${ref.key}: ${name}${where ? `, ${where}` : ''}${note}${ref.url ? ` <${ref.url}>` : ''}`;
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

/** A rule as plain text for the terminal, in one of the rule languages (English where a text lacks it). */
export function explainRule(rule: Rule, lang: RuleLanguage): string {
  const label = LABELS[lang];
  const text = (value: Parameters<typeof textIn>[0]) => textIn(value, lang);
  const lines = [
    `${rule.id}: ${text(rule.title)}`,
    `  (${label.failsAs}: ${text(rule.failTitle)})`,
    '',
    `${label.level}: ${LEVEL_TEXT[lang][rule.level]}   ${label.weight}: ${rule.weight}   ${label.tags}: ${rule.tags.join(', ')}`,
    '',
    `${label.why}:`,
    `  ${text(rule.description)}`,
    '',
    `${label.fix}:`,
    `  ${text(rule.advice)}`,
    '',
    `${label.sources}:`,
    ...rule.references.map((ref) => `  - ${referenceText(ref, lang)}`),
  ];
  if (rule.notAssessableWhen?.when !== undefined) {
    lines.push('', `${label.blocked}:`, conditionText(rule.notAssessableWhen.when as Condition));
    if (rule.reasons?.['not-assessable']) lines.push(`  → ${text(rule.reasons['not-assessable'])}`);
  }
  if (rule.appliesWhen !== undefined)
    lines.push('', `${label.applies}:`, conditionText(rule.appliesWhen as Condition));
  lines.push('', `${label.test}:`, conditionText(rule.test as Condition));
  if (rule.needsReviewWhen !== undefined) {
    lines.push('', `${label.review}:`, conditionText(rule.needsReviewWhen as Condition));
    if (rule.reasons?.['needs-review']) lines.push(`  → ${text(rule.reasons['needs-review'])}`);
  }
  if (rule.source) lines.push('', `${label.source}: rules/${rule.source.file}:${rule.source.line}`);
  return lines.join('\n');
}
