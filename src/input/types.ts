import type { ListMessage } from './list-message.js';

/** One shop to audit, as read from a list (txt, CSV or JSON) or given on the command line. */
export interface ShopTarget {
  /** Stable key of the shop within a run: the normalised URL (origin + path, no trailing slash). */
  key: string;
  /** The URL to start from, normalised to an absolute http(s) URL. */
  url: string;
  name?: string;
  /** ISO 3166-1 alpha-2, upper case (GB, not UK), when the list gives one. */
  country?: string;
  group?: string;
  /** 1-based line in the input file, for error messages. */
  line?: number;
}

/** A problem of one row, or of the list from that line on: what it is (a catalogue key and values) and where. */
export interface InputProblem extends ListMessage {
  line: number;
  /** 1-based column, for problems that point into a line (a JSON syntax error). */
  column?: number;
  /** The row as written (credentials in a URL removed); '' when the problem is not one row's. */
  text: string;
}

/**
 * What reading a list yields, row by row and in order: a shop (with a warning when something in its
 * row was dropped, such as a password in the URL), or a problem that skips the row. A problem with
 * `fatal` ends the list there (the file cannot be read past that point).
 */
export type ListEntry =
  | { kind: 'shop'; target: ShopTarget; warning?: ListMessage }
  | { kind: 'problem'; problem: InputProblem; fatal?: boolean };

export interface ParsedShopList {
  targets: ShopTarget[];
  problems: InputProblem[];
  /** Rows that were kept with something removed, by line. */
  warnings: InputProblem[];
}
