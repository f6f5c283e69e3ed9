import { alternation, escapeRegex, identityWords, type TextFact } from './identity-vocabulary.js';

interface LegalFormMatcher {
  forms: RegExp;
  canonical: Map<string, string>;
  nameBefore: RegExp;
  notNameStart: Set<string>;
}

let cached: LegalFormMatcher | null = null;

const NAME_WORD = "[\\p{Lu}\\p{N}][\\p{L}\\p{N}'’&.+-]*";
const GAP = '[ \\u00a0]+';
/** Lower-case particles that join a description to a name ("Kunden der", "directeur van"). */
const PARTICLES = new Set(['der', 'des', 'dem', 'den', 'van', 'von', 'de', 'du', 'la', 'le', 'het']);
/** Words a footer puts before the name that are not part of it. */
const LEAD = /^(?:(?:©|\(c\)|copyright|\d{4}(?:\s*[-–]\s*\d{4})?)[\s,]*)+/iu;

function matcher(): LegalFormMatcher {
  if (cached) return cached;
  const words = identityWords();
  const canonical = new Map<string, string>();
  for (const [canon, variants] of Object.entries(words.legalForms)) {
    for (const variant of variants) canonical.set(variant, canon);
  }
  const joiner = words.nameJoiners.map(escapeRegex).join('|');
  cached = {
    // The form must not run on into a word ("AGB", "SAS" in "SASSY"); "B.V." may end a sentence.
    forms: new RegExp(`(?<=[ \\u00a0,])(?:${alternation([...canonical.keys()])})(?![\\p{L}\\p{N}])`, 'gu'),
    canonical,
    // Capitalised words (lower-case joiners allowed inside) right before the form, then an optional comma.
    nameBefore: new RegExp(
      `(?<![\\p{L}\\p{N}])(${NAME_WORD}(?:${GAP}(?:(?:${joiner})${GAP})*${NAME_WORD}){0,5})[ \\u00a0]*,?[ \\u00a0]*$`,
      'u',
    ),
    notNameStart: new Set(words.notNameStart.map((w) => w.toLowerCase())),
  };
  return cached;
}

/** Company names with a legal form ("Voorbeeldwinkel B.V.", "Muster GmbH & Co. KG") in a text. */
export function legalNames(text: string): TextFact[] {
  const m = matcher();
  const out: TextFact[] = [];
  m.forms.lastIndex = 0;
  for (let hit = m.forms.exec(text); hit; hit = m.forms.exec(text)) {
    const windowStart = Math.max(0, hit.index - 80);
    const window = text.slice(windowStart, hit.index);
    const before = m.nameBefore.exec(window);
    if (!before) continue;
    // "Limited edition" is no company.
    if (/^limited$/i.test(hit[0]) && /^[ \u00a0]+\p{Ll}/u.test(text.slice(hit.index + hit[0].length)))
      continue;
    const name = trimName(before[1], m.notNameStart);
    if (!/\p{L}.*\p{L}/u.test(name)) continue;
    const at = window.search(
      new RegExp(`${name.split(' ').map(escapeRegex).join('\\s+')}[ \\u00a0]*,?[ \\u00a0]*$`, 'u'),
    );
    const start = windowStart + Math.max(0, at);
    const form = m.canonical.get(hit[0].replace(/\s+/g, ' ')) ?? hit[0];
    out.push({ kind: 'legal-name', value: `${name} ${form}`, start, end: hit.index + hit[0].length });
  }
  return out;
}

/** Drops what a footer or sentence puts before the name: "© 2024", a sentence end, "Die", "bij". */
function trimName(candidate: string, notNameStart: Set<string>): string {
  let words = candidate.replace(LEAD, '').split(/\s+/).filter(Boolean);
  for (let i = words.length - 2; i >= 0; i--) {
    if (/^\p{L}{3,}\.$/u.test(words[i])) {
      words = words.slice(i + 1);
      break;
    }
  }
  // "Geschäftsführer der Muster GmbH": the name starts after a particle that follows an ordinary
  // word; "Van der Berg BV" keeps its particles, which follow another particle.
  for (let i = words.length - 2; i >= 1; i--) {
    const particle = PARTICLES.has(words[i]);
    if (particle && !PARTICLES.has(words[i - 1].toLowerCase())) {
      words = words.slice(i + 1);
      break;
    }
  }
  while (words.length > 0 && notNameStart.has(words[0].toLowerCase())) words = words.slice(1);
  return words.join(' ');
}
