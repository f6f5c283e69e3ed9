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

export interface InputProblem {
  line: number;
  message: string;
  text: string;
}

export interface ParsedShopList {
  targets: ShopTarget[];
  problems: InputProblem[];
}
