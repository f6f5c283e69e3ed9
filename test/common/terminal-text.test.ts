import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeLines } from '../../src/common/terminal-text.js';

const ESC = '\u001b';

describe('terminalSafe', () => {
  it('removes whole escape sequences, not only their first byte', () => {
    expect(terminalSafe(`${ESC}[31mRed${ESC}[0m Shop`)).toBe('Red Shop');
    expect(terminalSafe(`${ESC}]0;owned${'\u0007'}Shop`)).toBe('Shop');
    expect(terminalSafe(`${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\`)).toBe('link');
    expect(terminalSafe(`\u009b2JShop`)).toBe('Shop');
  });

  it('turns C0 and C1 controls, line breaks and bidi overrides into spaces', () => {
    expect(terminalSafe('a\rb\nc\td\u0007e\u0085f')).toBe('a b c d e f');
    expect(terminalSafe('shop\u202eexe.txt')).toBe('shop exe.txt');
    expect(terminalSafe('\u2066x\u2069\u200f\u2028')).toBe(' x   ');
  });

  it('keeps ordinary text, accents and CJK as they are', () => {
    expect(terminalSafe('Bäckerei Müller · 東京ショップ · “Toon telefoonnummer”')).toBe(
      'Bäckerei Müller · 東京ショップ · “Toon telefoonnummer”',
    );
    expect(terminalSafe(null)).toBe('');
  });

  it('keeps the line breaks of a message of several lines', () => {
    expect(terminalSafeLines(`one ${ESC}[2J\ntwo\u202e`)).toBe('one \ntwo ');
  });
});
