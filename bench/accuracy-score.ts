import { readableContacts } from '../src/audit/contact-coverage.js';
import type { PageObservations } from '../src/extract/types.js';
import { loadSelections, readableSelectionsIn } from '../src/rules/index.js';

/** What a visitor can read is what the shipped rules' readable-phone and readable-email take. */
const READABLE = readableSelectionsIn(loadSelections());

/** One page of /work/shared/corpus/labels.json (only the fields the benchmark reads). */
export interface LabelledPage {
  id: string;
  file: string;
  url: string;
  country: string;
  kind: string;
  phones: string[];
  faxes: string[];
  thirdPartyPhones: string[];
  emails: string[];
  thirdPartyEmails?: string[];
  premiumPhones: string[];
  chat: string[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface PageScore {
  phones: Tally;
  emails: Tally;
  missedPhones: string[];
  wrongPhones: string[];
  missedEmails: string[];
  wrongEmails: string[];
  /** Third-party values found: neither right nor wrong (see the counting note). */
  thirdPartyFound: string[];
  /** Own fax numbers (not also a phone) reported as a readable phone. */
  faxAsPhone: string[];
  typeChecks: { value: string; expectedCostly: boolean; predictedCostly: boolean; type: string }[];
  chatExpected: string[];
  chatFound: string[];
}

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

function compare(
  found: string[],
  expected: string[],
  neutral: string[],
): { tally: Tally; missed: string[]; wrong: string[]; neutralFound: string[] } {
  const exp = new Set(expected);
  const neu = new Set(neutral.filter((v) => !exp.has(v)));
  const got = new Set(found);
  const missed = [...exp].filter((v) => !got.has(v));
  const wrong = [...got].filter((v) => !exp.has(v) && !neu.has(v));
  const neutralFound = [...got].filter((v) => neu.has(v));
  return {
    tally: { tp: exp.size - missed.length, fp: wrong.length, fn: missed.length },
    missed,
    wrong,
    neutralFound,
  };
}

export function scorePage(label: LabelledPage, obs: PageObservations): PageScore {
  const placed = obs.sightings.map((s) => ({ ...s, pageKind: obs.kind }));
  const readable = readableContacts(placed, READABLE);
  const phones = compare(readable.phones, label.phones, label.thirdPartyPhones);
  const emails = compare(readable.emails, label.emails, label.thirdPartyEmails ?? []);
  const faxOnly = new Set(label.faxes.filter((f) => !label.phones.includes(f)));
  const typeChecks: PageScore['typeChecks'] = [];
  const premium = new Set(label.premiumPhones);
  for (const value of readable.phones) {
    if (!label.phones.includes(value) && !label.thirdPartyPhones.includes(value)) continue;
    const types = obs.sightings
      .filter((s) => s.kind === 'phone' && s.value === value)
      .map((s) => s.phoneType ?? 'unknown');
    const predictedCostly = types.some((t) => t === 'premium' || t === 'shared-cost');
    typeChecks.push({
      value,
      expectedCostly: premium.has(value),
      predictedCostly,
      type: [...new Set(types)].join('/'),
    });
  }
  const chatFound = obs.widgets.filter((w) => w.kind === 'chat' && w.vendor).map((w) => w.vendor as string);
  return {
    phones: phones.tally,
    emails: emails.tally,
    missedPhones: phones.missed,
    wrongPhones: phones.wrong,
    missedEmails: emails.missed,
    wrongEmails: emails.wrong,
    thirdPartyFound: [...phones.neutralFound, ...emails.neutralFound],
    faxAsPhone: readable.phones.filter((v) => faxOnly.has(v)),
    typeChecks,
    chatExpected: [...label.chat].sort(),
    chatFound: [...new Set(chatFound)].sort(),
  };
}

export function add(a: Tally, b: Tally): Tally {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
