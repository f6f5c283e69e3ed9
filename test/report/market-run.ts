import { judgeShop } from '../../src/audit/judge-shop.js';
import { loadRuleSet } from '../../src/rules/index.js';
import type { RuleSet } from '../../src/rules/types.js';
import type { Store } from '../../src/store/types.js';
import { EXEMPLARY } from '../rules/cases/shared.js';
import { buildEvidence, CONTACT, type ShopSpec, SITE } from '../rules/evidence-builder.js';

/** Shops judged by the shipped rules, one per market profile, as an NL/DE/BE/FR/UK run would hold them. */
export const SHOPS: Array<{ key: string; name: string; country: string; spec: ShopSpec }> = [
  { key: 'https://good.example', name: 'Goed', country: 'NL', spec: EXEMPLARY },
  {
    key: 'https://premium.example',
    name: 'Duurbellen',
    country: 'NL',
    spec: {
      ...EXEMPLARY,
      sightings: (EXEMPLARY.sightings ?? []).map((s) =>
        s.kind === 'phone' ? { ...s, phoneType: 'premium' as const, value: '+319001234567' } : s,
      ),
    },
  },
  {
    key: 'https://terms.example',
    name: 'Voorwaarden',
    country: 'DE',
    spec: {
      pages: SITE,
      sightings: [
        { kind: 'phone', page: 2 },
        { kind: 'email', page: CONTACT },
      ],
    },
  },
  { key: 'https://be.example', name: 'Belgisch', country: 'BE', spec: EXEMPLARY },
  { key: 'https://fr.example', name: 'Français', country: 'FR', spec: EXEMPLARY },
  {
    key: 'https://uk.example',
    name: 'British',
    country: 'GB',
    spec: { pages: SITE, sightings: [{ kind: 'email' }] },
  },
];
export const PROFILE: Record<string, string> = { NL: 'nl', DE: 'de', BE: 'be', FR: 'fr', GB: 'uk' };

/**
 * Stores a run of SHOPS, each judged by the shipped profile of its market, as an NL/DE/BE/FR/UK
 * audit would: its options name a local list file, which no report may show.
 */
export function storeMarketRun(store: Store): { runId: number; sets: Map<string, RuleSet> } {
  const sets = new Map<string, RuleSet>();
  for (const profile of ['eu', ...Object.values(PROFILE)]) sets.set(profile, loadRuleSet({ profile }));
  const runId = store.createRun({
    label: 'nl-de-2026',
    kind: 'audit',
    ruleSet: sets.get('eu') as RuleSet,
    options: {
      list: '/home/someone/lists/shops.csv',
      args: { mode: 'static' },
      crawl: { mode: 'static', maxPages: 15, maxDepth: 3 },
    },
    toolVersion: '0.1.0-test',
    startedAt: '2026-03-01T10:00:00.000Z',
  });
  for (const shop of SHOPS) {
    const ruleSet = sets.get(PROFILE[shop.country]) as RuleSet;
    store.addRuleSet(runId, ruleSet);
    const evidence = buildEvidence({ ...shop.spec, key: shop.key, country: shop.country });
    const target = { key: shop.key, url: `${shop.key}/`, name: shop.name, country: shop.country };
    store.saveShop(runId, judgeShop(target, evidence, ruleSet));
  }
  return { runId, sets };
}
