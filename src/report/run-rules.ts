import { type Lang, translator } from '../i18n/index.js';
import type { RunProfile, RunRecord } from '../store/types.js';

/** Hashes are shown by their first 8 hex digits; the full ones are in the methodology. */
export const shortHash = (hash: string): string => hash.slice(0, 8);

/** "nl 2026.1 27a7c4f8 (NL)": a profile, its version, its hash, the markets it judged. */
export function profileText(profile: RunProfile): string {
  const markets = profile.markets.length > 0 ? ` (${profile.markets.join(', ')})` : '';
  return `${profile.id} ${profile.version} ${shortHash(profile.hash)}${markets}`;
}

/** Every profile a run used, and the combined hash: "nl 2026.1 27a7c4f8 (NL), de … · combined 3f0d194e". */
export function profilesText(run: Pick<RunRecord, 'profiles' | 'rulesHash'>, lang: Lang = 'en'): string {
  return translator(lang)('report.profiles', {
    profiles: run.profiles.map(profileText).join(', '),
    hash: shortHash(run.rulesHash),
  });
}
