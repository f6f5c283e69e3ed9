import type { TextFact } from './identity-vocabulary.js';
import { legalNames } from './legal-entity.js';
import { INLINE_EDGE, type PageModel, segmentAt } from './page-model.js';
import { postalAddresses } from './postal-address.js';
import { registerNumbers } from './registry-numbers.js';
import { clipRaw, type PagePlace, visibilityOf } from './sighting-factory.js';
import type { Fact } from './types.js';
import { mentionsWithdrawal } from './withdrawal-info.js';

/** The page text as phones read it: inline edges become spaces, so offsets stay those of model.text. */
const readingText = (model: PageModel): string => model.text.replaceAll(INLINE_EDGE, ' ');

/**
 * The trader's identity facts on one page: street addresses and PO boxes, company names with a
 * legal form, register and VAT numbers, each placed in its region. One fact per kind, value,
 * region and visibility: a footer repeated in the main text is kept once per region.
 */
export function identityFacts(model: PageModel, place: PagePlace): Fact[] {
  const text = readingText(model);
  const found: TextFact[] = [...postalAddresses(text), ...legalNames(text), ...registerNumbers(text)];
  const seen = new Set<string>();
  const facts: Fact[] = [];
  for (const f of found.sort((a, b) => a.start - b.start)) {
    const firstChar = f.start + Math.max(0, text.slice(f.start, f.end).search(/\S/));
    const seg = segmentAt(model, firstChar);
    if (!seg) continue;
    const fact: Fact = {
      kind: f.kind,
      value: f.value,
      raw: clipRaw(text.slice(f.start, f.end)),
      region: seg.ctx.region,
      visible: visibilityOf({ ...place, ctx: seg.ctx, source: seg.source }),
    };
    if (f.scheme) fact.scheme = f.scheme;
    const key = `${fact.kind}\u0000${fact.value}\u0000${fact.region}\u0000${fact.visible}`;
    if (seen.has(key)) continue;
    seen.add(key);
    facts.push(fact);
  }
  return facts;
}

/**
 * Whether the page's own content (main region, shown, outside links) speaks of the right of
 * withdrawal. Links and footers are left out: a footer link "Herroepingsrecht" on every page
 * does not make every page withdrawal information.
 */
export function pageGivesWithdrawalInfo(model: PageModel): boolean {
  const parts: string[] = [];
  for (const seg of model.segments) {
    if (seg.source !== 'text' || seg.ctx.hidden || seg.ctx.anchor || seg.ctx.region !== 'main') continue;
    parts.push(model.text.slice(seg.start, seg.end));
  }
  return mentionsWithdrawal(parts.join(' '));
}
