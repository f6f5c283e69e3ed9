import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeHref } from '../../src/report/escape.js';
import { safeFileName, safeFolderName } from '../../src/report/file-names.js';
import { HOSTILE } from './fixtures.js';

describe('escapeHtml', () => {
  it('neutralises markup and attribute breakouts', () => {
    const out = escapeHtml(HOSTILE);
    expect(out).not.toMatch(/[<>"]/);
    expect(out).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(escapeHtml("it's & co")).toBe('it&#39;s &amp; co');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('escapes every interpolated value in the html template, but not built fragments', () => {
    const inner = html`<b>${HOSTILE}</b>`;
    const out = html`<p title="${HOSTILE}">${inner}${[HOSTILE, raw('<i>ok</i>')]}${null}${false}</p>`.value;
    expect(out.startsWith('<p title="&lt;script&gt;')).toBe(true);
    expect(out).toContain('<b>&lt;script&gt;');
    expect(out).toContain('<i>ok</i>');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
  });
});

describe('safeHref', () => {
  it('keeps http(s) and relative links and drops other schemes', () => {
    expect(safeHref('https://shop.example/contact?a=1&b=2')).toBe('https://shop.example/contact?a=1&amp;b=2');
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref(' JavaScript:alert(1)')).toBe('#');
    expect(safeHref('data:text/html,<script>')).toBe('#');
    expect(safeHref('//evil.example/')).toBe('#');
    expect(safeHref('shops/a.html')).toBe('shops/a.html');
    expect(safeHref('https://x.example/"><script>')).toBe('https://x.example/&quot;&gt;&lt;script&gt;');
    expect(safeHref(null)).toBe('#');
  });
});

describe('safe file names', () => {
  it('makes readable, distinct, file-safe names', () => {
    const a = safeFileName('https://shop.example/nl');
    const b = safeFileName('https://shop.example/NL');
    expect(a).toMatch(/^shop\.example-nl-[0-9a-f]{8}\.html$/);
    expect(a).not.toBe(b);
    expect(safeFileName(`https://x.example/${HOSTILE}`)).toMatch(/^[a-z0-9.-]+\.html$/);
    expect(safeFolderName('twinkle100-2026')).toBe('twinkle100-2026');
    expect(safeFolderName('Twinkle 100 / 2026')).toMatch(/^twinkle-100-2026-[0-9a-f]{8}$/);
    expect(safeFolderName('../..')).toMatch(/^run-[0-9a-f]{8}$/);
  });

  it('gives names that a slug alone would merge files of their own', () => {
    const names = ['Ärzte', 'Arzte', 'arzte', 'ÄRZTE', '家电', '服装', '家電', 'Mode', 'mode', '', ' ', '..'];
    const files = names.map((name) => safeFolderName(name, 'group'));
    expect(new Set(files).size).toBe(names.length);
    for (const file of files) expect(file).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    // On a disk that ignores case, too.
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(names.length);
    // A name made to look like another's slug and hash gets a hash of its own.
    const taken = safeFolderName('Mode');
    expect(safeFolderName(taken)).not.toBe(taken);
  });
});
