import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCheckView, type CheckJudgement } from '../../src/report/check-view.js';
import { csvCell } from '../../src/report/csv-writer.js';
import { exportRun, formatShopForTerminal, RESULT_VERSION, toShopResult } from '../../src/report/index.js';
import { unjudgedLine } from '../../src/report/terminal.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { HOSTILE, makeRun, RULE_SET, sampleShops } from './fixtures.js';

let store: Store;
let runId: number;

beforeEach(() => {
  store = openStore(':memory:');
  runId = store.createRun(makeRun('results-2026'));
  store.planShops(
    runId,
    sampleShops().map((s) => s.target),
  );
  for (const s of sampleShops()) store.saveShop(runId, s);
});
afterEach(() => store.close());

function resultOf(key: string) {
  const run = store.getRun(runId);
  const shop = store.shop(runId, key);
  if (!run || !shop) throw new Error('fixture missing');
  return toShopResult(shop, run);
}

describe('toShopResult', () => {
  it('has the fields check --json promises', () => {
    const json = JSON.parse(JSON.stringify(resultOf('https://good.example')));
    expect(json.resultVersion).toBe(RESULT_VERSION);
    expect(json.status).toBe('ok');
    expect(json.score).toBe(100);
    expect(json.grade).toBe('A');
    expect(json.verdict).toEqual({ outcome: 'pass', phoneClicks: 1, emailClicks: 1 });
    expect(json.target).toEqual({
      key: 'https://good.example',
      url: 'https://good.example/',
      origin: 'https://good.example',
      name: 'Good Shop',
      country: 'NL',
      language: 'nl',
      group: 'Fashion',
    });
    expect(json.contacts.phones).toHaveLength(1);
    expect(json.contacts.phones[0]).toMatchObject({ e164: '+31201234567', type: 'fixed', label: 'phone' });
    expect(json.contacts.phones[0].sightings[0]).toMatchObject({
      id: 's1',
      pageUrl: 'https://good.example/contact',
      region: 'footer',
      presentation: 'tel-link',
      pageDepth: 1,
    });
    expect(json.contacts.emails[0].address).toBe('info@example.nl');
    expect(json.contacts.emails[0].sightings[0].id).toBe('s2');
    expect(json.findings.map((f: { rule: string; outcome: string }) => [f.rule, f.outcome])).toEqual([
      ['phone-present', 'pass'],
      ['email-present', 'pass'],
      ['contact-within-two-clicks', 'pass'],
      ['phone-not-premium-rate', 'pass'],
    ]);
    expect(json.findings[0].title).toBe('Phone present: yes');
    expect(json.ruleSet).toEqual({ id: 'test-nl', version: '2026.1', hash: RULE_SET.hash });
    expect(json.provenance).toMatchObject({
      runId,
      runLabel: 'results-2026',
      toolVersion: '0.1.0-test',
      mode: 'static',
    });
    expect(json.pages.map((p: { id: string }) => p.id)).toEqual(['p1', 'p2']);
  });

  it('uses the fail title for failed rules and keeps an unrated shop unrated', () => {
    const evil = resultOf('https://evil.example');
    expect(evil.findings.find((f) => f.rule === 'contact-within-two-clicks')?.title).toBe(
      'Within two clicks: no',
    );
    const down = resultOf('https://down.example');
    expect(down.score).toBeNull();
    expect(down.status).toBe('unreachable');
    expect(down.contacts).toEqual({ phones: [], emails: [] });
    expect(down.crawl.errors[0].code).toBe('ECONNREFUSED');
  });
});

describe('exportRun', () => {
  it('writes a CSV header and one row per shop with each rule outcome', () => {
    const csv = exportRun(store, runId, 'csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'key,url,name,country,group,status,score,grade,verdict,phone_clicks,email_clicks,phones,emails,faxes,overrides,' +
        'phone-present,email-present,contact-within-two-clicks,phone-not-premium-rate',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      'https://good.example,https://good.example/,Good Shop,NL,Fashion,ok,100,A,pass,1,1,+31201234567,info@example.nl,,,pass,pass,pass,pass',
    );
    expect(lines[3]).toContain(',37.5,E,fail,,1,');
    expect(lines[4]).toBe(
      'https://down.example,https://down.example/,Down Shop,NL,,unreachable,,,not-assessable,,,,,,,not-assessable,not-assessable,not-assessable,',
    );
    // the hostile name is one quoted field
    expect(lines[2]).toContain(`"${HOSTILE.replace(/"/g, '""')}"`);
  });

  it('quotes fields and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell("books;=cmd|' /C calc'!A0")).toBe(`"books;'=cmd|' /C calc'!A0"`);
    expect(csvCell('first\n@SUM(A1)')).toBe(`"first\n'@SUM(A1)"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('+1 +HYPERLINK("x")')).toBe(`"'+1 +HYPERLINK(""x"")"`);
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell('\t=1+1')).toBe(`"'\t'=1+1"`);
    expect(csvCell('+31201234567')).toBe('+31201234567');
    expect(csvCell('+31201234567 +31612345678')).toBe('+31201234567 +31612345678');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
  });

  it('writes JSON and NDJSON of the same result shape', () => {
    const json = JSON.parse(exportRun(store, runId, 'json'));
    expect(json).toHaveLength(4);
    expect(json[0].target.key).toBe('https://good.example');
    const lines = exportRun(store, runId, 'ndjson')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(json);
  });

  it('names an unknown run in one sentence', () => {
    expect(() => exportRun(store, 999, 'csv')).toThrow('There is no run with id 999 in :memory:.');
  });
});

const NO_JUDGEMENT: CheckJudgement = {
  advice: {},
  adviceEvidence: {},
  findable: { phone: null, email: null },
};
const viewOf = (key: string, lang: 'en' | 'nl' = 'en', judgement = NO_JUDGEMENT) =>
  buildCheckView(resultOf(key), RULE_SET, judgement, lang);

describe('formatShopForTerminal', () => {
  it('leads with the verdict, then failures with evidence and advice, then what to check, passes counted', () => {
    const text = formatShopForTerminal(viewOf('https://nophone.example'));
    const lines = text.split('\n');
    expect(lines[1]).toBe('✗ Phone and e-mail are not both easy to find');
    expect(lines[3]).toBe('  Findable phone: not findable · findable e-mail: 1 click');
    expect(lines[5]).toBe('2 failures');
    // law before interpretation
    expect(lines[6]).toBe('  ✗ Phone present: no [phone-present · law · weight 3]');
    expect(lines[7]).toBe('      → Fix phone present.');
    expect(lines[8]).toBe(
      '  ✗ Within two clicks: no [contact-within-two-clicks · interpretation · weight 2]',
    );
    expect(text).toContain('1 rule passed, 0 not applicable, 0 not assessable (--verbose lists them)');
    expect(text).not.toContain('E-mail present: yes');
    expect(text).not.toContain('\u001b[');
  });

  it('writes the advice for this shop and names the evidence of a failure once per detail and page', () => {
    const judgement = {
      advice: { 'contact-within-two-clicks': ['+31201234567 is on /contact: move it.'] },
      adviceEvidence: { 'contact-within-two-clicks': ['s1'] },
      findable: { phone: ['s1'], email: [] },
    };
    const text = formatShopForTerminal(viewOf('https://nophone.example', 'en', judgement));
    expect(text).toContain('  Findable phone: 1 click · findable e-mail: not findable');
    expect(text).toContain(
      '      Phone +31201234567 "020 123 4567" on /contact (contact page, 1 click) · footer, phone link',
    );
    expect(text).toContain('      → +31201234567 is on /contact: move it.');
    expect(text).not.toContain('Fix within two clicks.');
  });

  it('lists passes with --verbose and only the verdict and failures with --quiet', () => {
    const verbose = formatShopForTerminal(viewOf('https://evil.example'), { detail: 'verbose' });
    expect(verbose).toContain('✓ E-mail present: yes [email-present · law · weight 3]');
    expect(verbose).toContain('Pages visited');
    const quiet = formatShopForTerminal(viewOf('https://evil.example'), { detail: 'quiet' });
    expect(quiet).toContain('✗ Within two clicks: no');
    expect(quiet).not.toContain('Not premium');
    expect(quiet).not.toContain('rules passed');
    expect(quiet).not.toContain('Contact details found');
  });

  it('colours on request, speaks Dutch, and strips control characters from crawled text', () => {
    const result = resultOf('https://good.example');
    result.target.name = 'Evil\u001b[2J Shop';
    const text = formatShopForTerminal(buildCheckView(result, RULE_SET, NO_JUDGEMENT, 'nl'), { color: true });
    expect(text).toContain('\u001b[32m✓ Telefoon en e-mail zijn makkelijk te vinden\u001b[0m');
    expect(text).toContain('Vindbare telefoon: 1 klik · vindbaar e-mailadres: 1 klik');
    expect(text).not.toContain('\u001b[2J');
  });

  it('gives a shop that could not be judged one line with the cause and the next step', () => {
    const line = unjudgedLine(resultOf('https://down.example'));
    expect(line).toBe(
      'could not check https://down.example/: the site did not answer, or answered with an HTTP error (unreachable: ECONNREFUSED connection refused). Check that the site is up and the address is right.',
    );
  });
});
