import type { ShopResult } from './shop-result.js';

export interface RunSummary {
  /** Shops with a score, in ranking order. */
  ranked: { rank: number; result: ShopResult }[];
  /** Shops without a score ("not rated"), with their status. */
  notRated: ShopResult[];
  phoneShown: number;
  emailShown: number;
  findable: number;
  /** Mean clicks to the phone over rated shops where a phone was reached; null when none. */
  avgPhoneClicks: number | null;
  /** Mean of the larger of the two click counts over shops passing the headline verdict. */
  avgFindableClicks: number | null;
  rulePassRates: { rule: string; pass: number; judged: number }[];
  /** Counts per score band 0–9, 10–19, … 90–100. */
  scoreBands: number[];
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Whether the shop shows a contact of the kind: the presence rule's outcome, or the sightings when no such rule ran. */
function shows(result: ShopResult, kind: 'phone' | 'email'): boolean {
  const finding = result.findings.find((f) => f.rule === `${kind}-present`);
  if (finding) return finding.outcome === 'pass';
  if (kind === 'phone') {
    return result.contacts.phones.some(
      (p) => (p.label === null || p.label === 'phone') && p.sightings.some((s) => s.visible !== false),
    );
  }
  return result.contacts.emails.some((e) => e.sightings.some((s) => s.visible !== false));
}

/** Best score first; equal scores share a rank; ties are ordered by name. */
export function rankResults(results: ShopResult[]): { rank: number; result: ShopResult }[] {
  const rated = results
    .filter((r) => r.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.target.name.localeCompare(b.target.name));
  const ranked: { rank: number; result: ShopResult }[] = [];
  rated.forEach((result, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.result.score === result.score ? previous.rank : i + 1;
    ranked.push({ rank, result });
  });
  return ranked;
}

export function summarise(results: ShopResult[], ruleOrder: string[]): RunSummary {
  const ranked = rankResults(results);
  const rated = ranked.map((r) => r.result);
  const findable = rated.filter((r) => r.verdict.outcome === 'pass');
  const ruleIds = [...ruleOrder];
  for (const r of results) for (const f of r.findings) if (!ruleIds.includes(f.rule)) ruleIds.push(f.rule);
  const scoreBands = new Array<number>(10).fill(0);
  for (const r of rated) scoreBands[Math.min(9, Math.floor((r.score ?? 0) / 10))]++;
  return {
    ranked,
    notRated: results.filter((r) => r.score === null),
    phoneShown: rated.filter((r) => shows(r, 'phone')).length,
    emailShown: rated.filter((r) => shows(r, 'email')).length,
    findable: findable.length,
    avgPhoneClicks: mean(
      rated.flatMap((r) => (r.verdict.phoneClicks === null ? [] : [r.verdict.phoneClicks])),
    ),
    avgFindableClicks: mean(
      findable.flatMap((r) =>
        r.verdict.phoneClicks === null || r.verdict.emailClicks === null
          ? []
          : [Math.max(r.verdict.phoneClicks, r.verdict.emailClicks)],
      ),
    ),
    rulePassRates: ruleIds.map((rule) => {
      let pass = 0;
      let judged = 0;
      for (const r of results) {
        const f = r.findings.find((x) => x.rule === rule);
        if (f?.outcome === 'pass') pass++;
        if (f?.outcome === 'pass' || f?.outcome === 'fail') judged++;
      }
      return { rule, pass, judged };
    }),
    scoreBands,
  };
}
