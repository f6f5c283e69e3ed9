import type { ShopEvidence } from '../evidence/types.js';
import type { Finding, Outcome } from './types.js';

/** A person's decision about one rule for one shop, with the written reason that justifies it. */
export interface Override {
  /** The shop's key or origin (as in the evidence's target). */
  shop: string;
  rule: string;
  outcome: Outcome | 'off';
  reason: string;
  by?: string;
  at?: string;
  /** The line of the overrides file the entry starts on (1-based), for messages. */
  line?: number;
  /** Set when the entry was brought forward from an earlier run (`--carry-overrides`). */
  carriedFrom?: CarriedFrom;
}

/** The run an override was first recorded in. */
export interface CarriedFrom {
  runId: number;
  runLabel: string;
}

export class OverrideError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'OverrideError';
  }
}

/** Lower-case scheme and host, no trailing slash: how shop keys are compared. */
export function normaliseShop(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return trimmed.toLowerCase();
  }
}

export function overrideFor(
  overrides: Override[],
  evidence: ShopEvidence,
  ruleId: string,
): Override | undefined {
  if (overrides.length === 0) return undefined;
  const names = [evidence.target.key, evidence.target.origin, evidence.target.input]
    .filter((name): name is string => typeof name === 'string' && name.length > 0)
    .map(normaliseShop);
  // The last matching entry wins, so a later line in the file can correct an earlier one.
  for (let i = overrides.length - 1; i >= 0; i--) {
    const entry = overrides[i];
    if (entry.rule === ruleId && names.includes(normaliseShop(entry.shop))) return entry;
  }
  return undefined;
}

export function applyOverride(computed: Finding, override: Override): Finding {
  // The reason becomes the person's own words: the computed reason's source no longer applies.
  const { reasonFrom: _computedReason, ...rest } = computed;
  return {
    ...rest,
    outcome: override.outcome === 'off' ? computed.outcome : override.outcome,
    reason: override.reason,
    override: {
      outcome: override.outcome,
      computed: computed.outcome,
      reason: override.reason,
      ...(override.by ? { by: override.by } : {}),
      ...(override.at ? { at: override.at } : {}),
      ...(override.carriedFrom ? { carriedFrom: override.carriedFrom } : {}),
    },
  };
}
