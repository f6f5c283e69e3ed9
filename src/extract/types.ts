export const PAGE_KINDS = [
  'home',
  'contact',
  'customer-service',
  'faq',
  'terms',
  'privacy',
  'impressum',
  'about',
  'returns',
  'document',
  'other',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const REGIONS = [
  'header',
  'nav',
  'footer',
  'main',
  'aside',
  'dialog',
  'chat-widget',
  'structured-data',
] as const;
export type Region = (typeof REGIONS)[number];

export const PRESENTATIONS = [
  'text',
  'tel-link',
  'mailto-link',
  'cf-email',
  'deobfuscated',
  'script-written',
  'image-hint',
  'pdf',
  'href-only',
] as const;
export type Presentation = (typeof PRESENTATIONS)[number];

/**
 * What a page says a call costs, read next to a number: an amount per minute or per call, or a
 * statement without an amount that the call costs the basic rate or nothing.
 */
export const CALL_PRICE_KINDS = ['per-minute', 'per-call', 'basic-rate', 'free'] as const;
export type CallPriceKind = (typeof CALL_PRICE_KINDS)[number];

export interface CallPrice {
  kind: CallPriceKind;
  /** Per-minute and per-call prices: the amount in the currency's main unit (14 ct → 0.14). */
  amount?: number;
  /** ISO 4217, with the amount. */
  currency?: string;
  /** The statement as it stood on the page, trimmed, at most 200 characters. */
  raw: string;
}

/**
 * `invalid`: written as a phone number (a tel: link, a phone label, an international prefix) but
 * not a valid number of its country; kept so the rules can say so, never counted as a readable phone.
 */
export const PHONE_TYPES = [
  'fixed',
  'mobile',
  'toll-free',
  'premium',
  'shared-cost',
  'voip',
  'unknown',
  'invalid',
] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

/** The kinds of organisation whose numbers a page gives besides the shop's own. */
export const THIRD_PARTY_KINDS = [
  'bank',
  'card-issuer',
  'carrier',
  'payment-provider',
  'marketplace',
  'dealer',
  'hosting',
] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];

/** Another organisation named in a number's own sentence, before it: the number is theirs. */
export interface ThirdParty {
  kind: ThirdPartyKind;
  /** The name as the page wrote it ("USPS", "your bank"). */
  name: string;
}

/** What a label next to a number says it is. Only `phone` (or none) makes it a contact phone. */
export const NUMBER_LABELS = ['phone', 'fax', 'registry', 'vat', 'iban', 'other'] as const;
export type NumberLabel = (typeof NUMBER_LABELS)[number];

export const VISIBILITIES = [true, false, 'unknown'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SIGHTING_KINDS = ['phone', 'email'] as const;

/** One place a phone number or e-mail address was seen on one page. */
export interface Sighting {
  kind: (typeof SIGHTING_KINDS)[number];
  /** Phone: E.164 (+31201234567). E-mail: lower-case address. */
  value: string;
  /** The text as it stood on the page (or the href), trimmed, at most 200 characters. */
  raw: string;
  region: Region;
  presentation: Presentation;
  visible: Visibility;
  /** Browser mode only: whether the element's top is inside the first viewport. */
  aboveFold?: boolean;
  /**
   * Static mode: the page's CSS shows it at this viewport only; an `@media` rule hides it at the
   * other (`phone`: hidden at desktop size; `desktop`: hidden at phone size, as `hidden-xs` does).
   */
  shownAt?: 'desktop' | 'phone';
  /** The click that revealed it (browser mode), or how the page's stylesheet lets a visitor show it (static mode), else null. */
  afterInteraction: string | null;
  /** `false`: hidden, and nothing on the page (a control, a menu, a hover rule) can show it. */
  revealable?: false;
  phoneType?: PhoneType;
  label?: NumberLabel;
  /** Phones: the call price printed next to the number, when there is one. */
  callPrice?: CallPrice;
  /** Phones: another organisation the number's own sentence names (a bank, a carrier …). */
  thirdParty?: ThirdParty;
  /** The number or address stands in the withdrawal instructions (a section or page under such a heading). */
  withdrawalSection?: true;
  /** Browser mode: the element's box in document coordinates (CSS px), from the nearest `data-sr-box`. */
  box?: ElementBox;
}

/** A rectangle in document coordinates, CSS pixels. */
export interface ElementBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const WIDGET_KINDS = ['chat', 'contact-form', 'whatsapp', 'callback'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export interface Widget {
  kind: WidgetKind;
  /** WhatsApp: the number the link or button opens a chat with (E.164), when it names one. */
  number?: string;
  /** Chat vendor name from rules/vocabulary/chat-vendors.yaml, when known. */
  vendor?: string;
  /** true when the vendor's iframe itself was in the DOM (browser mode). */
  iframeSeen?: boolean;
  /** Evidence: the matched signature, script src or form action. */
  detail?: string;
}

export interface ExtractContext {
  /** ISO 3166-1 alpha-2 used as the default region to parse national numbers. */
  country: string;
  /** Registrable domain of the shop (tldts), for own-vs-third-party hints. */
  shopDomain?: string;
  /** The home page URL, to recognise the home page. */
  homeUrl?: string;
  /** Text of the link that led to this page, a strong hint for its kind. */
  viaText?: string;
}

export const FACT_KINDS = [
  'postal-address',
  'po-box',
  'legal-name',
  'registry-number',
  'vat-number',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One statement about the trader's identity seen on a page (ECD art. 5, CRD art. 6(1)(b)–(c)). */
export interface Fact {
  kind: FactKind;
  /**
   * Normalised: an address as "Street 1, 1234 AB City"; a legal name with its canonical form
   * ("Shop B.V."); a number without separators, upper case ("NL123456789B01", "HRB12345").
   */
  value: string;
  /** The text as it stood on the page, trimmed, at most 200 characters. */
  raw: string;
  region: Region;
  visible: Visibility;
  /** Registry numbers: which register (kvk, handelsregister, rcs, siren, siret, kbo, companies-house, other). */
  scheme?: string;
}

/** Everything extraction learns from one page. Pure data; no judgement. */
export interface PageObservations {
  kind: PageKind;
  title: string | null;
  /** `<html lang>` (primary subtag, lower case), when present. */
  language: string | null;
  sightings: Sighting[];
  widgets: Widget[];
  /** The trader's identity facts: addresses, legal names, register and VAT numbers. */
  facts?: Fact[];
  /** Whether the page's readable text speaks of the right of withdrawal (herroeping, Widerruf …). */
  withdrawalInfo?: boolean;
  /** Whether the page's readable text states a call price per minute or per call anywhere. */
  statesCallPrice?: boolean;
  /** Caps that cut this page's lists (src/extract/caps.ts); absent when none did. */
  limits?: LimitNote[];
}

export type PageLimit =
  | 'candidate-numbers'
  | 'sightings'
  | 'facts'
  | 'widgets'
  | 'css-sources'
  | 'css-selectors';

/** One cap that cut a list: how many there were and how many were kept. */
export interface LimitNote {
  limit: PageLimit;
  max: number;
  found: number;
  kept: number;
}
