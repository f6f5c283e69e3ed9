import { type CsvValue, csvTable } from './csv-writer.js';
import type { ShopResult } from './shop-result.js';

/** The fixed leading columns; one column per rule id follows. Documented in CSV.md. */
export const CSV_FIXED_COLUMNS = [
  'key',
  'url',
  'name',
  'country',
  'group',
  'status',
  'score',
  'grade',
  'verdict',
  'phone_clicks',
  'email_clicks',
  'phones',
  'emails',
  'faxes',
  'overrides',
] as const;

function isContactPhone(label: string | null): boolean {
  return label === null || label === 'phone';
}

/**
 * "rule=outcome (reason)" per overridden rule, so a spreadsheet shows every manual decision; a
 * decision brought forward from an earlier run says which.
 */
function overrideSummary(result: ShopResult): string {
  return result.findings
    .flatMap((f) => (f.override ? [{ rule: f.rule, override: f.override }] : []))
    .map(({ rule, override }) => {
      const carried = override.carriedFrom
        ? ` [carried from run ${override.carriedFrom.runId} "${override.carriedFrom.runLabel}"]`
        : '';
      return `${rule}=${override.outcome} (${override.reason})${carried}`;
    })
    .join('; ');
}

/** Rule columns: the run's rule order first, then any other rule ids met in findings, sorted. */
export function ruleColumns(ruleOrder: string[], results: ShopResult[]): string[] {
  const seen = new Set(ruleOrder);
  const extra = new Set<string>();
  for (const r of results) for (const f of r.findings) if (!seen.has(f.rule)) extra.add(f.rule);
  return [...ruleOrder, ...[...extra].sort()];
}

export function toCsv(results: ShopResult[], ruleOrder: string[]): string {
  const rules = ruleColumns(ruleOrder, results);
  return csvTable(
    [...CSV_FIXED_COLUMNS, ...rules],
    results.map((r): CsvValue[] => {
      const outcomes = new Map(r.findings.map((f) => [f.rule, f.outcome]));
      return [
        r.target.key,
        r.target.url,
        r.target.name,
        r.target.country,
        r.target.group,
        r.status,
        r.score === null ? null : Math.round(r.score * 10) / 10,
        r.grade,
        r.verdict.outcome,
        r.verdict.phoneClicks,
        r.verdict.emailClicks,
        r.contacts.phones
          .filter((p) => isContactPhone(p.label))
          .map((p) => p.e164)
          .join(' '),
        r.contacts.emails.map((e) => e.address).join(' '),
        r.contacts.phones
          .filter((p) => p.label === 'fax')
          .map((p) => p.e164)
          .join(' '),
        overrideSummary(r),
        ...rules.map((id) => outcomes.get(id) ?? null),
      ];
    }),
  );
}
