import type { Outcome } from '../../src/rules/types.js';
import { CONTACT, HOME, type ShopSpec, SITE, TERMS } from './evidence-builder.js';

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

const phoneHome = { kind: 'phone', page: HOME } as const;
const emailHome = { kind: 'email', page: HOME } as const;
const both = (page: number) =>
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
const NAME_ONLY: ShopSpec = { pages: SITE, facts: [{ kind: 'legal-name' }] };
/** The pages of SITE, with the terms giving the withdrawal information. */
const SITE_WITHDRAWAL = [SITE[0], SITE[1], { ...SITE[2], withdrawalInfo: true }];
const UNREACHABLE: ShopSpec = { status: 'unreachable' };
/** Home, contact, terms and a returns page whose withdrawal instructions give the phone. */
const SITE_RETURNS = [...SITE, { kind: 'returns', depth: 1, withdrawalInfo: true } as const];
const RETURNS = 3;
const inWithdrawal = (kind: 'phone' | 'email') =>
  ({ kind, page: RETURNS, region: 'main', withdrawalSection: true }) as const;
/** "Telefoon: +32 9 123 45 67": written as a phone number, not a valid one. */
const INVALID = {
  kind: 'phone',
  value: '+3291234567',
  raw: '+32 9 123 45 67',
  phoneType: 'invalid',
} as const;
const BANK = { kind: 'phone', value: '+31207654321', thirdParty: { kind: 'bank', name: 'de bank' } } as const;
const PER_MINUTE = { kind: 'per-minute', amount: 0.8, currency: 'EUR', raw: '€0,80 per minuut' } as const;
const NOTHING: ShopSpec = { pages: SITE };
const DEEP: ShopSpec = {
  pages: [...SITE, { kind: 'other', depth: 2 }, { kind: 'contact', depth: 3 }],
  sightings: [...both(4)],
};

export const RULE_CASES: RuleCase[] = [
  // phone-present
  {
    rule: 'phone-present',
    name: 'phone in the footer',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { sightings: ['s1', 's2'] },
  },
  { rule: 'phone-present', name: 'no phone', shop: { pages: SITE, sightings: [emailHome] }, expect: 'fail' },
  {
    rule: 'phone-present',
    name: 'only an invalid number',
    shop: { sightings: [INVALID] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only the number of the bank named in its sentence',
    shop: { sightings: [BANK] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'a hidden carrier number is no reason for review',
    shop: { sightings: [{ ...BANK, visible: false, thirdParty: { kind: 'carrier', name: 'DHL' } }] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only a fax number',
    shop: { sightings: [{ kind: 'phone', label: 'fax' }] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only in structured data',
    shop: { sightings: [{ kind: 'phone', region: 'structured-data' }] },
    expect: 'fail',
  },
  {
    rule: 'phone-present',
    name: 'only a hidden number',
    shop: { sightings: [{ kind: 'phone', visible: false }] },
    expect: 'needs-review',
  },
  {
    rule: 'phone-present',
    name: 'only a number hidden with nothing on the page that shows it',
    shop: { sightings: [{ kind: 'phone', visible: false, revealable: false }] },
    expect: 'fail',
  },
  { rule: 'phone-present', name: 'unreachable shop', shop: UNREACHABLE, expect: 'not-assessable' },
  {
    rule: 'phone-present',
    name: 'UK shop with a phone',
    profile: 'uk',
    shop: { sightings: [phoneHome] },
    expect: 'pass',
  },
  { rule: 'phone-present', name: 'UK shop without phone', profile: 'uk', shop: NOTHING, expect: 'fail' },
  // email-present
  { rule: 'email-present', name: 'e-mail in the footer', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'email-present',
    name: 'decoded obfuscated address',
    shop: {
      sightings: [
        { kind: 'email', presentation: 'deobfuscated' },
        { kind: 'email', presentation: 'cf-email' },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'email-present',
    name: 'address only in an href',
    shop: { sightings: [{ kind: 'email', presentation: 'href-only' }] },
    expect: 'fail',
  },
  { rule: 'email-present', name: 'no e-mail', shop: { sightings: [phoneHome] }, expect: 'fail' },
  {
    rule: 'email-present',
    name: 'only a hidden address that a control on the page may show',
    shop: { sightings: [{ kind: 'email', visible: false }] },
    expect: 'needs-review',
  },
  {
    rule: 'email-present',
    name: 'only an address hidden with nothing on the page that shows it',
    shop: { sightings: [{ kind: 'email', visible: false, revealable: false }] },
    expect: 'fail',
  },
  { rule: 'email-present', name: 'blocked shop', shop: { status: 'blocked' }, expect: 'not-assessable' },
  // contact-within-two-clicks
  { rule: 'contact-within-two-clicks', name: 'details on the home page', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-within-two-clicks',
    name: 'details three clicks deep',
    shop: DEEP,
    expect: 'fail',
    rests: { sightings: ['s1', 's2'] },
  },
  {
    rule: 'contact-within-two-clicks',
    name: 'e-mail only on an unlinked page',
    shop: {
      pages: [...SITE, { kind: 'contact', depth: null }],
      sightings: [phoneHome, { kind: 'email', page: 3 }],
    },
    expect: 'fail',
  },
  { rule: 'contact-within-two-clicks', name: 'no details at all', shop: NOTHING, expect: 'not-applicable' },
  {
    rule: 'contact-within-two-clicks',
    name: 'timed-out shop',
    shop: { status: 'timeout' },
    expect: 'not-assessable',
  },
  // contact-not-only-in-terms
  {
    rule: 'contact-not-only-in-terms',
    name: 'details in footer and terms',
    shop: { pages: SITE, sightings: [...both(TERMS), ...both(HOME)] },
    expect: 'pass',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'details only in the terms',
    shop: { pages: SITE, sightings: [...both(TERMS)] },
    expect: 'fail',
    rests: { sightings: ['s1', 's2'] },
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'phone outside, e-mail only in terms',
    shop: { pages: SITE, sightings: [phoneHome, { kind: 'email', page: TERMS }] },
    expect: 'fail',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'phone only in the withdrawal instructions of a returns page',
    shop: { pages: SITE_RETURNS, sightings: [inWithdrawal('phone'), emailHome] },
    expect: 'fail',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'phone in the withdrawal instructions and on the contact page',
    shop: {
      pages: SITE_RETURNS,
      sightings: [inWithdrawal('phone'), emailHome, { kind: 'phone', page: CONTACT }],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-not-only-in-terms',
    name: 'details in the content of a returns page outside its withdrawal instructions',
    shop: { pages: SITE_RETURNS, sightings: [{ kind: 'phone', page: RETURNS, region: 'main' }, emailHome] },
    expect: 'pass',
  },
  { rule: 'contact-not-only-in-terms', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  {
    rule: 'contact-not-only-in-terms',
    name: 'DNS error',
    shop: { status: 'dns-error' },
    expect: 'not-assessable',
  },
  // contact-as-text
  { rule: 'contact-as-text', name: 'text and links', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-as-text',
    name: 'phone only in an image',
    shop: { sightings: [{ kind: 'phone', presentation: 'image-hint' }, emailHome] },
    expect: 'fail',
  },
  { rule: 'contact-as-text', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  { rule: 'contact-as-text', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // contact-without-chat-gate
  { rule: 'contact-without-chat-gate', name: 'details on the page', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-without-chat-gate',
    name: 'phone only after opening the chat',
    shop: {
      sightings: [
        { kind: 'phone', afterInteraction: 'click: chat launcher', region: 'chat-widget' },
        emailHome,
      ],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'e-mail only inside the chat widget',
    shop: { sightings: [phoneHome, { kind: 'email', region: 'chat-widget' }] },
    expect: 'fail',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'phone only after a click on a chat launcher outside the chat region',
    shop: {
      sightings: [{ kind: 'phone', afterInteraction: 'clicked "Chat met ons"', region: 'dialog' }, emailHome],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'phone behind a "show number" button, no chat anywhere',
    shop: {
      sightings: [{ kind: 'phone', afterInteraction: 'clicked "Toon telefoonnummer"' }, emailHome],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-without-chat-gate',
    name: 'e-mail behind an "E-Mail anzeigen" button (a word with "bot" inside is no bot)',
    shop: {
      sightings: [phoneHome, { kind: 'email', afterInteraction: 'clicked "Robotics: E-Mail anzeigen"' }],
    },
    expect: 'pass',
  },
  { rule: 'contact-without-chat-gate', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  // contact-form-not-sole-channel
  { rule: 'contact-form-not-sole-channel', name: 'form and e-mail', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-form-not-sole-channel',
    name: 'form without e-mail',
    shop: { pages: SITE, sightings: [phoneHome], widgets: [{ kind: 'contact-form', page: CONTACT }] },
    expect: 'fail',
  },
  {
    rule: 'contact-form-not-sole-channel',
    name: 'no form',
    shop: { sightings: [phoneHome] },
    expect: 'not-applicable',
  },
  {
    rule: 'contact-form-not-sole-channel',
    name: 'robots forbid',
    shop: { status: 'robots-disallowed' },
    expect: 'not-assessable',
  },
  // phone-not-premium-rate
  { rule: 'phone-not-premium-rate', name: 'geographic number', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'phone-not-premium-rate',
    name: 'premium and geographic number',
    shop: {
      sightings: [
        { kind: 'phone', phoneType: 'premium' },
        { kind: 'phone', phoneType: 'fixed' },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'phone-not-premium-rate',
    name: 'only a 0900 number',
    shop: { sightings: [{ kind: 'phone', phoneType: 'premium', value: '+319001234567' }] },
    expect: 'fail',
    rests: { sightings: [] },
  },
  {
    rule: 'phone-not-premium-rate',
    name: 'only a number of unknown type',
    shop: { sightings: [{ kind: 'phone', phoneType: 'unknown' }] },
    expect: 'needs-review',
  },
  { rule: 'phone-not-premium-rate', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
  { rule: 'phone-not-premium-rate', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // consumer-contact-findable (the headline)
  { rule: 'consumer-contact-findable', name: 'exemplary shop', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'consumer-contact-findable',
    name: 'details only in the terms',
    shop: { pages: SITE, sightings: [...both(TERMS)] },
    expect: 'fail',
  },
  { rule: 'consumer-contact-findable', name: 'three clicks deep', shop: DEEP, expect: 'fail' },
  { rule: 'consumer-contact-findable', name: 'nothing', shop: NOTHING, expect: 'fail' },
  {
    rule: 'consumer-contact-findable',
    name: 'phone deep but outside terms, and in terms near the top',
    shop: {
      pages: [...SITE, { kind: 'other', depth: 2 }, { kind: 'contact', depth: 3 }],
      sightings: [{ kind: 'phone', page: TERMS }, { kind: 'phone', page: 4 }, emailHome],
    },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'hidden phone',
    shop: { sightings: [{ kind: 'phone', visible: false }, emailHome] },
    expect: 'needs-review',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'only a 0900 number, with an e-mail address',
    shop: {
      pages: SITE,
      sightings: [
        { kind: 'phone', phoneType: 'premium', value: '+319001234567' },
        { kind: 'phone', phoneType: 'premium', value: '+319001234567', page: CONTACT },
        emailHome,
      ],
    },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'a 0900 number on the home page, the basic-rate number only in the terms',
    shop: {
      pages: SITE,
      sightings: [{ kind: 'phone', phoneType: 'premium' }, { kind: 'phone', page: TERMS }, emailHome],
    },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'a 0900 number beside a basic-rate one',
    shop: { pages: SITE, sightings: [{ kind: 'phone', phoneType: 'premium' }, phoneHome, emailHome] },
    expect: 'pass',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'phone behind a "show number" button, no chat',
    shop: { sightings: [{ kind: 'phone', afterInteraction: 'clicked "Toon telefoonnummer"' }, emailHome] },
    expect: 'pass',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'phone only in the withdrawal instructions',
    shop: { pages: SITE_RETURNS, sightings: [inWithdrawal('phone'), emailHome] },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: "the only number is a bank's",
    shop: { pages: SITE, sightings: [BANK, emailHome] },
    expect: 'fail',
  },
  {
    rule: 'consumer-contact-findable',
    name: 'the only number is invalid',
    shop: { pages: SITE, sightings: [INVALID, emailHome] },
    expect: 'fail',
  },
  { rule: 'consumer-contact-findable', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // second-direct-channel
  { rule: 'second-direct-channel', name: 'phone published', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'second-direct-channel',
    name: 'chat widget only',
    shop: { sightings: [emailHome], widgets: [{ kind: 'chat', vendor: 'Tidio' }] },
    expect: 'pass',
    rests: { widgets: ['w1'] },
  },
  {
    rule: 'second-direct-channel',
    name: 'only a form besides e-mail',
    shop: { sightings: [emailHome], widgets: [{ kind: 'contact-form' }] },
    expect: 'needs-review',
  },
  {
    rule: 'second-direct-channel',
    name: 'a WhatsApp button with its number',
    shop: { sightings: [emailHome], widgets: [{ kind: 'whatsapp', number: '+31612345678' }] },
    expect: 'pass',
    rests: { widgets: ['w1'] },
  },
  { rule: 'second-direct-channel', name: 'e-mail only', shop: { sightings: [emailHome] }, expect: 'fail' },
  {
    rule: 'second-direct-channel',
    name: "e-mail and a carrier's number",
    shop: { sightings: [emailHome, { ...BANK, thirdParty: { kind: 'carrier', name: 'PostNL' } }] },
    expect: 'fail',
  },
  { rule: 'second-direct-channel', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // evidence not gathered yet
  // geographic-address-present
  {
    rule: 'geographic-address-present',
    name: 'street address in the footer',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { facts: ['f2'], pages: ['p1'] },
  },
  {
    rule: 'geographic-address-present',
    name: 'only a PO box',
    shop: { pages: SITE, facts: [{ kind: 'po-box', page: CONTACT }] },
    expect: 'fail',
  },
  {
    rule: 'geographic-address-present',
    name: 'street address only in a hidden element',
    shop: { pages: SITE, facts: [{ kind: 'postal-address', visible: false }] },
    expect: 'fail',
  },
  { rule: 'geographic-address-present', name: 'nothing (NL)', shop: NOTHING, expect: 'fail' },
  {
    rule: 'geographic-address-present',
    name: 'nothing, in a market whose formats are not recognised',
    shop: { pages: SITE, country: 'PL' },
    expect: 'needs-review',
  },
  {
    rule: 'geographic-address-present',
    name: 'evidence from before facts were extracted',
    shop: { ...EXEMPLARY, legacy: true },
    expect: 'not-assessable',
  },
  { rule: 'geographic-address-present', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // trader-identity-present
  {
    rule: 'trader-identity-present',
    name: 'company name with legal form',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { facts: ['f1'] },
  },
  {
    rule: 'trader-identity-present',
    name: 'no name, no numbers',
    shop: { pages: SITE, facts: [{ kind: 'postal-address' }] },
    expect: 'fail',
  },
  {
    rule: 'trader-identity-present',
    name: 'a KvK number without a company name (maybe a sole trader)',
    shop: { pages: SITE, facts: [{ kind: 'registry-number' }] },
    expect: 'needs-review',
  },
  {
    rule: 'trader-identity-present',
    name: 'company name only in an HTML comment',
    shop: { pages: SITE, facts: [{ kind: 'legal-name', visible: false }] },
    expect: 'fail',
  },
  {
    rule: 'trader-identity-present',
    name: 'old evidence',
    shop: { ...NOTHING, legacy: true },
    expect: 'not-assessable',
  },
  {
    rule: 'contact-mobile-parity',
    name: 'no phone-sized pass (static mode)',
    shop: EXEMPLARY,
    expect: 'not-assessable',
  },
  { rule: 'contact-mobile-parity', name: 'nothing', shop: NOTHING, expect: 'not-assessable' },
  {
    rule: 'contact-mobile-parity',
    name: 'phone and e-mail visible on desktop and on the phone-sized page',
    shop: {
      pages: [
        { kind: 'home', depth: 0, viewport: 'desktop' },
        { kind: 'home', depth: 0, viewport: 'mobile' },
      ],
      sightings: [
        { kind: 'phone', page: 0, visible: true },
        { kind: 'email', page: 0, visible: true },
        { kind: 'phone', page: 1, visible: true },
        { kind: 'email', page: 1, visible: true },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-mobile-parity',
    name: 'the e-mail address is hidden in the mobile layout',
    shop: {
      pages: [
        { kind: 'home', depth: 0, viewport: 'desktop' },
        { kind: 'home', depth: 0, viewport: 'mobile' },
      ],
      sightings: [
        { kind: 'phone', page: 0, visible: true },
        { kind: 'email', page: 0, visible: true },
        { kind: 'phone', page: 1, visible: true },
        { kind: 'email', page: 1, visible: false },
      ],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-mobile-parity',
    name: 'nothing visible on desktop to compare',
    shop: {
      pages: [
        { kind: 'home', depth: 0, viewport: 'desktop' },
        { kind: 'home', depth: 0, viewport: 'mobile' },
      ],
      sightings: [{ kind: 'phone', page: 0, visible: 'unknown' }],
    },
    expect: 'not-applicable',
  },
  // registry-and-vat-present
  {
    rule: 'registry-and-vat-present',
    name: 'KvK and VAT number',
    profile: 'nl',
    shop: EXEMPLARY,
    expect: 'pass',
    rests: { facts: ['f3', 'f4'] },
  },
  { rule: 'registry-and-vat-present', name: 'register and VAT number (eu)', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'registry-and-vat-present',
    name: 'a B.V. without register number',
    shop: NAME_ONLY,
    expect: 'fail',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'register number without VAT number (maybe exempt)',
    shop: { pages: SITE, facts: [{ kind: 'legal-name' }, { kind: 'registry-number' }] },
    expect: 'needs-review',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'nothing and no company name (maybe an unregistered sole trader)',
    shop: NOTHING,
    expect: 'needs-review',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'a Dutch shop without KvK number',
    profile: 'nl',
    shop: NOTHING,
    expect: 'fail',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'a Dutch shop with KvK but no VAT number',
    profile: 'nl',
    shop: { pages: SITE, facts: [{ kind: 'registry-number' }] },
    expect: 'needs-review',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'a Belgian shop without enterprise number',
    profile: 'be',
    shop: { pages: SITE, facts: [{ kind: 'vat-number', value: 'BE0123456789' }] },
    expect: 'fail',
  },
  {
    rule: 'registry-and-vat-present',
    name: 'old evidence',
    shop: { ...EXEMPLARY, legacy: true },
    expect: 'not-assessable',
  },
  { rule: 'registry-and-vat-present', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // contact-link-in-global-chrome
  { rule: 'contact-link-in-global-chrome', name: 'footer of the home page', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'only in the main text of a page without a contact link',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'other', depth: 1 },
      ],
      sightings: [{ kind: 'phone', page: 1, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page one click away, link position not recorded (older evidence)',
    shop: { pages: SITE, sightings: [{ kind: 'email', page: CONTACT, region: 'main' }] },
    expect: 'needs-review',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page linked from the footer of the home page',
    shop: {
      pages: [SITE[0], { ...SITE[1], viaRegion: 'footer' }, SITE[2]],
      sightings: [{ kind: 'email', page: CONTACT, region: 'main' }],
    },
    expect: 'pass',
    rests: { pages: ['p2'] },
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'legal notice linked from the navigation, no details found',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'impressum', depth: 1, viaRegion: 'nav' },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page linked only from the body of the home page',
    shop: {
      pages: [SITE[0], { ...SITE[1], viaRegion: 'body' }, SITE[2]],
      sightings: [{ kind: 'phone', page: CONTACT, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'a page linked from the footer that is not a contact page',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'terms', depth: 1, viaRegion: 'footer' },
      ],
      sightings: [{ kind: 'phone', page: 1, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'contact page two clicks away, reached from a footer link of another page',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'other', depth: 1, viaRegion: 'body' },
        { kind: 'contact', depth: 2, viaRegion: 'footer' },
      ],
      sightings: [{ kind: 'phone', page: 2, region: 'main' }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-in-global-chrome',
    name: 'unreachable shop',
    shop: UNREACHABLE,
    expect: 'not-assessable',
  },
  // contact-link-label-recognisable
  {
    rule: 'contact-link-label-recognisable',
    name: 'contact page reached by a link',
    shop: EXEMPLARY,
    expect: 'pass',
    profile: 'de',
  },
  {
    rule: 'contact-link-label-recognisable',
    name: 'details only behind an unlabelled page',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'other', depth: 1 },
      ],
      sightings: [{ kind: 'email', page: 1 }],
    },
    expect: 'fail',
  },
  {
    rule: 'contact-link-label-recognisable',
    name: 'details on the home page',
    shop: { sightings: [emailHome] },
    expect: 'needs-review',
  },
  { rule: 'contact-link-label-recognisable', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  // contact-link-visible
  {
    rule: 'contact-link-visible',
    name: 'seen visibly in the browser',
    shop: { sightings: [{ kind: 'phone', visible: true }] },
    expect: 'pass',
  },
  {
    rule: 'contact-link-visible',
    name: 'all hidden',
    shop: {
      sightings: [
        { kind: 'phone', visible: false },
        { kind: 'email', visible: false },
      ],
    },
    expect: 'fail',
  },
  { rule: 'contact-link-visible', name: 'static mode, unknown', shop: EXEMPLARY, expect: 'needs-review' },
  { rule: 'contact-link-visible', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  // contact-not-only-in-pdf
  { rule: 'contact-not-only-in-pdf', name: 'on web pages', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-not-only-in-pdf',
    name: 'only in a PDF',
    shop: {
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'document', depth: 1 },
      ],
      sightings: [
        { kind: 'phone', page: 1, presentation: 'pdf' },
        { kind: 'email', page: 1, presentation: 'pdf' },
      ],
    },
    expect: 'fail',
  },
  { rule: 'contact-not-only-in-pdf', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  // contact-without-login
  { rule: 'contact-without-login', name: 'both found on public pages', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-without-login',
    name: 'not both found',
    shop: { sightings: [phoneHome] },
    expect: 'needs-review',
  },
  { rule: 'contact-without-login', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // contact-not-blocked-by-consent
  {
    rule: 'contact-not-blocked-by-consent',
    name: 'banner refused',
    shop: { consent: { platform: 'Cookiebot', action: 'rejected', coveredContactLink: true } },
    expect: 'pass',
  },
  {
    rule: 'contact-not-blocked-by-consent',
    name: 'banner covered the link, accept only',
    shop: { consent: { platform: 'Cookiebot', action: 'accepted', coveredContactLink: true } },
    expect: 'fail',
  },
  {
    rule: 'contact-not-blocked-by-consent',
    name: 'accept only, coverage unknown',
    shop: { consent: { platform: 'OneTrust', action: 'accepted', coveredContactLink: null } },
    expect: 'needs-review',
  },
  { rule: 'contact-not-blocked-by-consent', name: 'no banner', shop: EXEMPLARY, expect: 'not-applicable' },
  // contact-reveal-not-required
  { rule: 'contact-reveal-not-required', name: 'number shown', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-reveal-not-required',
    name: 'number behind a click',
    shop: { sightings: [{ kind: 'phone', afterInteraction: 'click: Toon nummer' }] },
    expect: 'fail',
  },
  { rule: 'contact-reveal-not-required', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
  // phone-cost-disclosed
  {
    rule: 'phone-cost-disclosed',
    name: 'premium number with its price per minute at every mention',
    shop: {
      pages: [
        { kind: 'home', depth: 0, statesCallPrice: true },
        { ...SITE[1], statesCallPrice: true },
      ],
      sightings: [
        { kind: 'phone', phoneType: 'premium', callPrice: PER_MINUTE },
        { kind: 'phone', phoneType: 'premium', callPrice: PER_MINUTE, page: CONTACT },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'shared-cost number with its price per call',
    shop: {
      pages: [{ kind: 'home', depth: 0, statesCallPrice: true }],
      sightings: [
        {
          kind: 'phone',
          phoneType: 'shared-cost',
          callPrice: { kind: 'per-call', amount: 0.2, currency: 'EUR', raw: '20 ct/Anruf' },
        },
      ],
    },
    expect: 'pass',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'premium number without a price anywhere on its pages',
    shop: {
      pages: [
        { kind: 'home', depth: 0, statesCallPrice: false },
        { ...SITE[1], statesCallPrice: false },
      ],
      sightings: [
        { kind: 'phone', phoneType: 'premium' },
        { kind: 'phone', phoneType: 'premium', page: CONTACT },
      ],
    },
    expect: 'fail',
    rests: { sightings: ['s1', 's2'] },
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'price next to one mention, not in the footer',
    shop: {
      pages: [
        { kind: 'home', depth: 0, statesCallPrice: false },
        { ...SITE[1], statesCallPrice: true },
      ],
      sightings: [
        { kind: 'phone', phoneType: 'premium' },
        { kind: 'phone', phoneType: 'premium', callPrice: PER_MINUTE, page: CONTACT },
      ],
    },
    expect: 'needs-review',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'only "lokaal tarief" next to a premium number',
    shop: {
      pages: [{ kind: 'home', depth: 0, statesCallPrice: false }],
      sightings: [
        { kind: 'phone', phoneType: 'premium', callPrice: { kind: 'basic-rate', raw: 'lokaal tarief' } },
      ],
    },
    expect: 'needs-review',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'a price elsewhere on the page',
    shop: {
      pages: [{ kind: 'home', depth: 0, statesCallPrice: true }],
      sightings: [{ kind: 'phone', phoneType: 'premium' }],
    },
    expect: 'needs-review',
  },
  {
    rule: 'phone-cost-disclosed',
    name: 'evidence gathered before prices were read',
    shop: { sightings: [{ kind: 'phone', phoneType: 'premium' }] },
    expect: 'needs-review',
  },
  { rule: 'phone-cost-disclosed', name: 'geographic number', shop: EXEMPLARY, expect: 'not-applicable' },
  { rule: 'phone-cost-disclosed', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // phone-number-valid
  { rule: 'phone-number-valid', name: 'recognised number', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'phone-number-valid',
    name: 'unrecognised number',
    shop: { sightings: [{ kind: 'phone', phoneType: 'unknown' }] },
    expect: 'fail',
  },
  {
    rule: 'phone-number-valid',
    name: 'Dutch number for a Dutch shop',
    profile: 'nl',
    shop: EXEMPLARY,
    expect: 'pass',
  },
  {
    rule: 'phone-number-valid',
    name: 'only a German number for a Dutch shop',
    profile: 'nl',
    shop: { sightings: [{ kind: 'phone', value: '+4930123456' }] },
    expect: 'needs-review',
  },
  {
    rule: 'phone-number-valid',
    name: 'Dutch number for a German shop',
    profile: 'de',
    shop: EXEMPLARY,
    expect: 'needs-review',
  },
  {
    rule: 'phone-number-valid',
    name: 'Austrian number for the German profile',
    profile: 'de',
    shop: { sightings: [{ kind: 'phone', value: '+4312345678' }] },
    expect: 'pass',
  },
  {
    rule: 'phone-number-valid',
    name: 'the only number written is invalid',
    shop: { sightings: [INVALID] },
    expect: 'fail',
    rests: { sightings: ['s1'] },
  },
  {
    rule: 'phone-number-valid',
    name: 'a valid number and an invalid one',
    shop: { sightings: [{ kind: 'phone' }, INVALID] },
    expect: 'fail',
    rests: { sightings: ['s2'] },
  },
  {
    rule: 'phone-number-valid',
    name: 'a Dutch number and an invalid one, Dutch profile',
    profile: 'nl',
    shop: { sightings: [{ kind: 'phone' }, INVALID] },
    expect: 'fail',
  },
  {
    rule: 'phone-number-valid',
    name: 'a foreign number and an invalid one, Dutch profile',
    profile: 'nl',
    shop: { sightings: [{ kind: 'phone', value: '+4930123456' }, INVALID] },
    expect: 'fail',
  },
  {
    rule: 'phone-number-valid',
    name: 'an invalid number only in hidden markup',
    shop: { sightings: [{ ...INVALID, visible: false }] },
    expect: 'not-applicable',
  },
  { rule: 'phone-number-valid', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
  // email-not-noreply
  { rule: 'email-not-noreply', name: 'info address', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'email-not-noreply',
    name: 'only noreply',
    shop: {
      sightings: [
        { kind: 'email', value: 'no-reply@shop.example' },
        { kind: 'email', value: 'donotreply@shop.example' },
      ],
    },
    expect: 'fail',
  },
  { rule: 'email-not-noreply', name: 'no e-mail', shop: NOTHING, expect: 'not-applicable' },
  // other-channels-additional
  {
    rule: 'other-channels-additional',
    name: 'chat besides phone and e-mail',
    shop: { ...EXEMPLARY, widgets: [{ kind: 'chat', vendor: 'Zendesk' }] },
    expect: 'pass',
  },
  {
    rule: 'other-channels-additional',
    name: 'chat only',
    shop: { widgets: [{ kind: 'chat', vendor: 'Tidio' }] },
    expect: 'fail',
  },
  { rule: 'other-channels-additional', name: 'no chat', shop: EXEMPLARY, expect: 'not-applicable' },
  // human-contact-available
  {
    rule: 'human-contact-available',
    name: 'chat and e-mail',
    profile: 'nl',
    shop: { sightings: [emailHome], widgets: [{ kind: 'chat' }] },
    expect: 'pass',
  },
  {
    rule: 'human-contact-available',
    name: 'chat only',
    shop: { widgets: [{ kind: 'chat' }] },
    expect: 'fail',
  },
  { rule: 'human-contact-available', name: 'no chat', shop: EXEMPLARY, expect: 'not-applicable' },
  // contact-details-consistent
  { rule: 'contact-details-consistent', name: 'same details everywhere', shop: EXEMPLARY, expect: 'pass' },
  {
    rule: 'contact-details-consistent',
    name: 'two different numbers',
    shop: {
      sightings: [
        { kind: 'phone', value: '+31201111111' },
        { kind: 'phone', value: '+31202222222' },
      ],
    },
    expect: 'needs-review',
  },
  { rule: 'contact-details-consistent', name: 'no details', shop: NOTHING, expect: 'not-applicable' },
  { rule: 'contact-details-consistent', name: 'unreachable', shop: UNREACHABLE, expect: 'not-assessable' },
  // phone-in-withdrawal-info
  {
    rule: 'phone-in-withdrawal-info',
    name: 'phone in the content of the terms that give the withdrawal information',
    shop: { pages: SITE_WITHDRAWAL, sightings: [phoneHome, { kind: 'phone', page: TERMS, region: 'main' }] },
    expect: 'pass',
    rests: { sightings: ['s2'] },
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'withdrawal information without the phone',
    shop: { pages: SITE_WITHDRAWAL, sightings: [phoneHome] },
    expect: 'fail',
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'phone only in the shared footer of the withdrawal page',
    shop: {
      pages: SITE_WITHDRAWAL,
      sightings: [phoneHome, { kind: 'phone', page: TERMS, region: 'footer' }],
    },
    expect: 'fail',
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'phone in terms that do not speak of withdrawal',
    shop: { pages: SITE, sightings: [phoneHome, { kind: 'phone', page: TERMS, region: 'main' }] },
    expect: 'needs-review',
  },
  {
    rule: 'phone-in-withdrawal-info',
    name: 'no terms page crawled',
    shop: { sightings: [phoneHome] },
    expect: 'needs-review',
  },
  { rule: 'phone-in-withdrawal-info', name: 'no phone', shop: NOTHING, expect: 'not-applicable' },
];
