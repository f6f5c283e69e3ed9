import stripAnsi from 'strip-ansi';

/**
 * C0 and C1 control characters (tab and line breaks included: one value is one line), the bidi
 * embeddings, overrides and isolates that can make a line read differently from its bytes
 * ("Trojan Source"), and the Unicode line and paragraph separators.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value from outside (a shop's name, a URL, text from a page, a label from a list) made safe to
 * print on a terminal: whole escape sequences (colours, cursor moves, window titles, hyperlinks)
 * are removed, then every remaining control character becomes a space. Every terminal line
 * built from shop data passes its data through here.
 */
export function terminalSafe(value: unknown): string {
  if (value === null || value === undefined) return '';
  return stripAnsi(String(value)).replace(UNSAFE, ' ');
}

/** The same, for a message of several lines: each line is cleaned, the line breaks stay. */
export function terminalSafeLines(value: unknown): string {
  return String(value ?? '')
    .split(/\r?\n/)
    .map(terminalSafe)
    .join('\n');
}
