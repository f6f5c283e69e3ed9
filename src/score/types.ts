import type { Outcome } from '../rules/types.js';

export const HEADLINE_RULE_ID = 'consumer-contact-findable';

export interface HeadlineVerdict {
  rule: typeof HEADLINE_RULE_ID;
  outcome: Outcome;
  /** Fewest clicks from the home page to a page where the phone / e-mail is visible as text. */
  phoneClicks: number | null;
  emailClicks: number | null;
}

/** How a failed rule of level law lowered the score. */
export interface ScoreCap {
  /** The score the shop got: the top of grade C. */
  limit: number;
  /** The score the weights alone gave. */
  uncapped: number;
  /** The rules of level law the shop fails. */
  rules: string[];
}

export interface ShopScore {
  /** 0–100, or null ("not rated") when the shop could not be crawled or no rule was judged. */
  score: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | null;
  verdict: HeadlineVerdict;
  /** Present when a failed rule of level law capped the score (see src/score/README.md). */
  cap?: ScoreCap;
}
