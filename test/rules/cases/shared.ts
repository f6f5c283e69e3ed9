/** What the rule case files share: the case type and the shops several rules are judged on. */
import type { Outcome } from '../../../src/rules/types.js';
import { CONTACT, HOME, type ShopSpec, SITE, TERMS } from '../evidence-builder.js';

/** One fixture: this evidence, judged by this rule (under this profile), gives this outcome. */
export interface RuleCase {
  rule: string;
  name: string;
  profile?: string;
  shop: ShopSpec;
  expect: Outcome;
  /** Evidence ids the finding must name (a subset check). */
  rests?: { sightings?: string[]; pages?: string[]; widgets?: string[]; facts?: string[] };
}

export const phoneHome = { kind: 'phone', page: HOME } as const;
export const emailHome = { kind: 'email', page: HOME } as const;
export const both = (page: number) =>
  [
    { kind: 'phone', page },
    { kind: 'email', page },
  ] as const;

export const EXEMPLARY: ShopSpec = {
  pages: SITE,
  sightings: [
    { kind: 'phone', page: HOME, presentation: 'text' },
    { kind: 'phone', page: HOME, presentation: 'tel-link' },
    { kind: 'email', page: HOME, presentation: 'text' },
    { kind: 'email', page: HOME, presentation: 'mailto-link' },
    { kind: 'phone', page: CONTACT },
    { kind: 'email', page: CONTACT },
  ],
  widgets: [{ kind: 'contact-form', page: CONTACT }],
  facts: [
    { kind: 'legal-name', page: HOME },
    { kind: 'postal-address', page: HOME },
    { kind: 'registry-number', page: HOME, scheme: 'kvk' },
    { kind: 'vat-number', page: HOME },
  ],
};
/** A shop with a company name but no register or VAT number. */
export const NAME_ONLY: ShopSpec = { pages: SITE, facts: [{ kind: 'legal-name' }] };
/** The pages of SITE, with the terms giving the withdrawal information. */
export const SITE_WITHDRAWAL = [SITE[0], SITE[1], { ...SITE[2], withdrawalInfo: true }];
export const UNREACHABLE: ShopSpec = { status: 'unreachable' };
/** Home, contact, terms and a returns page whose withdrawal instructions give the phone. */
export const SITE_RETURNS = [...SITE, { kind: 'returns', depth: 1, withdrawalInfo: true } as const];
export const RETURNS = 3;
export const inWithdrawal = (kind: 'phone' | 'email') =>
  ({ kind, page: RETURNS, region: 'main', withdrawalSection: true }) as const;
/** "Telefoon: +32 9 123 45 67": written as a phone number, not a valid one. */
export const INVALID = {
  kind: 'phone',
  value: '+3291234567',
  raw: '+32 9 123 45 67',
  phoneType: 'invalid',
} as const;
export const BANK = {
  kind: 'phone',
  value: '+31207654321',
  thirdParty: { kind: 'bank', name: 'de bank' },
} as const;
export const PER_MINUTE = {
  kind: 'per-minute',
  amount: 0.8,
  currency: 'EUR',
  raw: '€0,80 per minuut',
} as const;
export const NOTHING: ShopSpec = { pages: SITE };
export const DEEP: ShopSpec = {
  pages: [...SITE, { kind: 'other', depth: 2 }, { kind: 'contact', depth: 3 }],
  sightings: [...both(4)],
};

export { CONTACT, HOME, type ShopSpec, SITE, TERMS };
