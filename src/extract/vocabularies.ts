import { loadVocabulary } from '../common/vocabulary.js';
import type { NumberLabel, PhoneType, ThirdPartyKind } from './types.js';

export type LabelVocabulary = Record<NumberLabel, { words: string[]; short?: string[] }>;

export interface CountryPhoneFacts {
  trunkPrefix?: string;
  /** Names of the country that say a number in the same sentence is written for it. */
  hints?: string[];
  tariffs?: Partial<Record<Extract<PhoneType, 'premium' | 'shared-cost' | 'toll-free'>, string[]>>;
}

export interface ChatVendor {
  name: string;
  scriptSrc?: string[];
  inline?: string[];
  iframe?: string[];
}

export interface PageKindVocabulary {
  order: string[];
  kinds: Record<string, { path: string[]; text: string[] }>;
}

export interface WidgetWords {
  callback: string[];
  notContactForm: string[];
  messageFields: string[];
}

export interface CallPriceWords {
  currencies: Record<string, { before: string[]; after: string[]; minor: string[] }>;
  qualifiers: string[];
  connectors: string[];
  units: Record<'per-minute' | 'per-call', string[]>;
  phrases: Record<'basic-rate' | 'free', string[]>;
}

/** Words for "@" and "." in obfuscated addresses (rules/vocabulary/extract-email-words.yaml). */
export interface EmailWords {
  at: string[];
  bracketOnly: string[];
  dot: string[];
}

export interface ThirdPartyWords {
  kinds: Record<ThirdPartyKind, string[]>;
  ownWords: string[];
}

export const numberLabels = (): LabelVocabulary => loadVocabulary<LabelVocabulary>('number-labels');
export const phoneCountries = (): Record<string, CountryPhoneFacts> =>
  loadVocabulary<{ countries: Record<string, CountryPhoneFacts> }>('extract-phone-countries').countries;
export const chatVendors = (): ChatVendor[] =>
  loadVocabulary<{ vendors: ChatVendor[] }>('chat-vendors').vendors;
export const pageKindWords = (): PageKindVocabulary => loadVocabulary<PageKindVocabulary>('page-kinds');
export const widgetWords = (): WidgetWords => loadVocabulary<WidgetWords>('extract-widget-words');
export const callPriceWords = (): CallPriceWords => loadVocabulary<CallPriceWords>('extract-call-prices');
export const thirdPartyWords = (): ThirdPartyWords =>
  loadVocabulary<ThirdPartyWords>('extract-third-parties');
export const emailWords = (): EmailWords => loadVocabulary<EmailWords>('extract-email-words');
