import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/common/paths.js';
import {
  evaluateRules,
  explainRule,
  findingReason,
  type LocalText,
  lintRules,
  listProfiles,
  loadRuleSet,
  RULE_LANGUAGES,
  ruleSetLoader,
} from '../../src/rules/index.js';
import { buildEvidence } from './evidence-builder.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-rules-'));
  temps.push(dir);
  cpSync(RULES_DIR, dir, { recursive: true, filter: (source) => !source.includes('vocabulary') });
  return dir;
}

function lineOf(file: string, needle: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1
  );
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit found nothing to replace in ${file}`);
  writeFileSync(file, next);
}

/** Every text of every rule of every shipped profile, as loaded (refinements laid over their base). */
type Text = { where: string; text: LocalText | string | undefined };
let shipped: Text[] | undefined;
function shippedTexts(): Text[] {
  if (shipped) return shipped;
  const texts: Text[] = [];
  const load = ruleSetLoader();
  for (const profile of listProfiles()) {
    for (const rule of load(profile).rules) {
      const at = (field: string) => `${profile}/${rule.id} ${field}`;
      for (const field of ['title', 'failTitle', 'description', 'advice', 'help', 'short'] as const)
        if (rule[field]) texts.push({ where: at(field), text: rule[field] });
      if (rule.adviceFor) texts.push({ where: at('adviceFor.text'), text: rule.adviceFor.text });
      for (const [outcome, text] of Object.entries(rule.reasons ?? {}))
        texts.push({ where: at(`reasons.${outcome}`), text });
      for (const reference of rule.references) {
        texts.push({ where: at(`reference ${reference.key} title`), text: reference.title });
        if (reference.note)
          texts.push({ where: at(`reference ${reference.key} note`), text: reference.note });
      }
    }
  }
  shipped = texts;
  return texts;
}

describe('rule texts in every shipped language', () => {
  it('every shipped rule, refinement, reason and reference has en, nl, de and fr', () => {
    const texts = shippedTexts();
    expect(texts.length).toBeGreaterThan(500);
    const gaps = texts.flatMap(({ where, text }) =>
      RULE_LANGUAGES.filter(
        (lang) => typeof text !== 'object' || typeof text[lang] !== 'string' || text[lang].trim() === '',
      ).map((lang) => `${where}: ${lang}`),
    );
    expect(gaps).toEqual([]);
  });

  it('the translations are not copies of the English', () => {
    const copies = shippedTexts().filter(
      ({ text }) =>
        typeof text === 'object' &&
        text.en.length > 25 &&
        (text.de === text.en || text.fr === text.en || text.nl === text.en) &&
        // Names of foreign laws are cited in their own language everywhere.
        !/Regulations|Code de|Gesetz|Wetboek/.test(text.en),
    );
    expect(copies.map((c) => c.where)).toEqual([]);
  });

  it('lint names the file, line, field and language of a rule text without fr, and the rules still load', () => {
    const dir = copyRules();
    const file = join(dir, 'eu', 'email-present.yaml');
    edit(file, /^ {2}fr: Aucune adresse e-mail trouvée sur le site\n/m, '');
    const diagnostics = lintRules(dir);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file, line: lineOf(file, 'failTitle:'), ruleId: 'email-present' });
    expect(diagnostics[0].message).toBe(
      'failTitle has no "fr" text (every rule text needs en, nl, de and fr)',
    );
    const rule = loadRuleSet({ dir }).rules.find((r) => r.id === 'email-present');
    expect(rule?.failTitle.fr).toBeUndefined();
    expect(explainRule(rule!, 'fr')).toContain('(en cas d’échec : No e-mail address found on the site)');
  });

  it('lint names a reason given as an English string, and a reference title without de', () => {
    const dir = copyRules();
    const phone = join(dir, 'eu', 'phone-present.yaml');
    const text = readFileSync(phone, 'utf8');
    writeFileSync(
      phone,
      text.replace(/^reasons:\n[\s\S]*$/m, 'reasons:\n  needs-review: A person checks this number.\n'),
    );
    const references = join(dir, 'references.yaml');
    edit(references, /^ {4}de: Digitale-Dienste-Gesetz \(DDG\)\n/m, '');
    const messages = lintRules(dir).map((d) => `${d.file}:${d.line}: ${d.message}`);
    expect(messages).toEqual([
      `${references}:${lineOf(references, 'DDG-5:') + 1}: reference DDG-5: title has no "de" text (every rule text needs en, nl, de and fr)`,
      `${phone}:${lineOf(phone, 'needs-review:')}: reasons.needs-review has no "nl", "de", "fr" text (every rule text needs en, nl, de and fr)`,
    ]);
    const rule = loadRuleSet({ dir }).rules.find((r) => r.id === 'phone-present');
    expect(rule?.reasons?.['needs-review']).toEqual({ en: 'A person checks this number.' });
  });
});

describe('reasons and references in the reader’s language', () => {
  it('a finding keeps the English reason and findingReason gives the rule’s translation', () => {
    const set = loadRuleSet({ profile: 'de' });
    const shop = buildEvidence({ sightings: [{ kind: 'phone' }] });
    const findings = evaluateRules(set, shop);
    const rule = set.rules.find((r) => r.id === 'contact-form-not-sole-channel')!;
    const finding = findings.find((f) => f.rule === rule.id)!;
    expect(finding.outcome).toBe('not-applicable');
    expect(finding.reason).toBe('The site has no contact form.');
    expect(findingReason(rule, finding, 'de')).toBe('Die Site hat kein Kontaktformular.');
    expect(findingReason(rule, finding, 'fr')).toBe("Le site n'a pas de formulaire de contact.");
    // A reason the engine wrote names its catalogue message, and is said in the reader's language.
    const unreached = evaluateRules(set, buildEvidence({ status: 'dns-error' })).find(
      (f) => f.rule === rule.id,
    )!;
    expect(unreached.reason).toBe('The shop could not be judged: crawl status dns-error.');
    expect(findingReason(rule, unreached, 'de')).toMatch(/^Der Shop konnte nicht beurteilt werden/);
    // A finding stored before reasons named their source: the rule's own English reason is
    // recognised; any other reason comes back as stored.
    const { reasonFrom: _source, ...stored } = finding;
    expect(findingReason(rule, stored, 'de')).toBe('Die Site hat kein Kontaktformular.');
    const other = { ...stored, reason: 'The shop could not be judged: crawl status dns-error.' };
    expect(findingReason(rule, other, 'de')).toBe(other.reason);
  });

  it('a rule set stored before reasons were translated (plain strings) still judges and explains', () => {
    const set = loadRuleSet({ profile: 'eu' });
    const legacy = {
      ...set,
      rules: set.rules.map((rule) =>
        rule.reasons
          ? {
              ...rule,
              reasons: Object.fromEntries(
                Object.entries(rule.reasons).map(([k, v]) => [k, typeof v === 'string' ? v : v.en]),
              ),
            }
          : rule,
      ),
    };
    const findings = evaluateRules(legacy, buildEvidence({ sightings: [{ kind: 'phone' }] }));
    expect(findings.find((f) => f.rule === 'contact-form-not-sole-channel')?.reason).toBe(
      'The site has no contact form.',
    );
    const rule = legacy.rules.find((r) => r.id === 'contact-form-not-sole-channel')!;
    expect(findingReason(rule, findings.find((f) => f.rule === rule.id)!, 'nl')).toBe(
      'The site has no contact form.',
    );
  });

  it('explains a German rule in German and French, with translated reference titles', () => {
    const rule = loadRuleSet({ profile: 'de' }).rules.find((r) => r.id === 'phone-in-withdrawal-info')!;
    const de = explainRule(rule, 'de');
    expect(de).toContain(
      'phone-in-withdrawal-info: Die angegebene Telefonnummer steht auch in der Widerrufsbelehrung',
    );
    expect(de).toContain('Ebene: Gesetz');
    expect(de).toContain('BGH-I-ZR-169-17: Bundesgerichtshof (BGH), 24. September 2020, I ZR 169/17');
    expect(de).toContain('Muster-Widerrufsbelehrung, Anlage 1 zum EGBGB');
    const fr = explainRule(rule, 'fr');
    expect(fr).toContain('Niveau : loi');
    expect(fr).toContain("Cour de justice de l'UE (CJUE), EIS (2020), C-266/19");
    expect(fr).toContain('Ce qui est vérifié :');
  });

  it('a reference keeps a one-line English instrument for readers of one language', () => {
    const rule = loadRuleSet({ profile: 'de' }).rules.find((r) => r.id === 'contact-within-two-clicks')!;
    const bgh = rule.references.find((r) => r.key === 'BGH-I-ZR-228-03')!;
    expect(bgh.instrument).toBe(
      'Bundesgerichtshof (German Federal Court of Justice), 2006, provider details two clicks away are directly reachable',
    );
    expect(bgh.title?.de).toBe('Bundesgerichtshof (BGH), 2006');
  });
});
