/**
 * Scores one `check --json` result against a site's hand labels (../shared/realsites/labels.json).
 * Pure: no I/O. What counts as "a contact detail a visitor can read" is the product's own
 * definition (isReadableContactSighting), so the benchmark follows the rules when they change.
 */
import type { ShopResult } from '../src/report/shop-result.js';
import { isReadableContactSighting } from '../src/score/readable-sighting.js';

export interface SiteLabels {
  shop: string;
  country: string;
  phones: string[];
  emails: string[];
  clicks_to_phone: number | null;
  clicks_to_email: number | null;
  hidden?: { phones?: string[]; emails?: string[] };
  not_customer_service?: { phones?: string[]; emails?: string[] };
  headline?: 'pass' | 'fail';
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface ChannelScore extends Tally {
  wrong: string[];
  missed: string[];
}

export interface SiteScore {
  phones: ChannelScore;
  emails: ChannelScore;
  /** [label, got] for the fewest clicks to a readable phone and e-mail. */
  phoneClicks: [number | null, number | null];
  emailClicks: [number | null, number | null];
  headline: { label: 'pass' | 'fail' | null; got: string };
  pages: number;
  findings: number;
  needsReview: number;
}

/** The market a list's country column would give for the label's country (UK → GB; unknown → none). */
export function listCountry(label: string): string | null {
  const code = label.trim().toUpperCase();
  if (code === 'UK') return 'GB';
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

const normaliseEmail = (e: string): string => e.trim().toLowerCase();
const normalisePhone = (p: string): string => p.replace(/[^\d+]/g, '');

/** The phones and e-mails the result claims a visitor can read. */
export function readableValues(result: ShopResult): { phones: Set<string>; emails: Set<string> } {
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const phone of result.contacts.phones) {
    const readable = phone.sightings.some((s) =>
      isReadableContactSighting({
        ...s,
        kind: 'phone',
        value: phone.e164,
        ...(phone.type ? { phoneType: phone.type } : {}),
        ...(phone.label ? { label: phone.label } : {}),
      }),
    );
    if (readable) phones.add(normalisePhone(phone.e164));
  }
  for (const email of result.contacts.emails) {
    const readable = email.sightings.some((s) =>
      isReadableContactSighting({ ...s, kind: 'email', value: email.address }),
    );
    if (readable) emails.add(normaliseEmail(email.address));
  }
  return { phones, emails };
}

function scoreChannel(got: Set<string>, expected: string[], neutral: string[]): ChannelScore {
  const want = new Set(expected);
  const ignore = new Set(neutral);
  const score: ChannelScore = { tp: 0, fp: 0, fn: 0, wrong: [], missed: [] };
  for (const value of got) {
    if (want.has(value)) score.tp++;
    else if (!ignore.has(value)) {
      score.fp++;
      score.wrong.push(value);
    }
  }
  for (const value of want) {
    if (!got.has(value)) {
      score.fn++;
      score.missed.push(value);
    }
  }
  return score;
}

/** Pages as a visitor would count them: one per URL fetched at desktop size, before any click. */
function pagesFetched(result: ShopResult): number {
  const urls = new Set<string>();
  for (const page of result.pages) if (page.viewport !== 'mobile') urls.add(page.finalUrl);
  return urls.size;
}

export function scoreSite(result: ShopResult, labels: SiteLabels): SiteScore {
  const got = readableValues(result);
  const neutralPhones = [...(labels.hidden?.phones ?? []), ...(labels.not_customer_service?.phones ?? [])];
  const neutralEmails = [...(labels.hidden?.emails ?? []), ...(labels.not_customer_service?.emails ?? [])];
  const headline = result.findings.find((f) => f.rule === 'consumer-contact-findable');
  return {
    phones: scoreChannel(got.phones, labels.phones.map(normalisePhone), neutralPhones.map(normalisePhone)),
    emails: scoreChannel(got.emails, labels.emails.map(normaliseEmail), neutralEmails.map(normaliseEmail)),
    phoneClicks: [labels.clicks_to_phone, result.verdict.phoneClicks],
    emailClicks: [labels.clicks_to_email, result.verdict.emailClicks],
    headline: { label: labels.headline ?? null, got: headline?.outcome ?? result.status },
    pages: pagesFetched(result),
    findings: result.findings.length,
    needsReview: result.findings.filter((f) => f.outcome === 'needs-review').length,
  };
}

export function prf(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
