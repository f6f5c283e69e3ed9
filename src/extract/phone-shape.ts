import type { ParsedPhone } from './phone-parse.js';
import { phoneCountries } from './vocabularies.js';

/** The digit groups of a written number, as lengths. */
const groupLengths = (written: string): number[] => (written.match(/\d+/g) ?? []).map((g) => g.length);

/**
 * A run of short digit groups: three groups or more, at least half of them one or two digits long.
 * Sizes, bundle lengths, quantities and tables are written so ("8 8 8 8", "36 38 40 42",
 * "10/12 12/14 16/18"); so are French and Dutch numbers ("01 43 31 80 49"), which carry a trunk
 * prefix or a label and are told apart by that.
 */
export function isShortGroupRun(written: string): boolean {
  const lengths = groupLengths(written);
  if (lengths.length < 3) return false;
  return lengths.filter((n) => n <= 2).length * 2 >= lengths.length;
}

/** Whether a national number starts with the trunk prefix its country always dials (rules/vocabulary). */
export function startsWithTrunkPrefix(written: string, region: string | null): boolean {
  const trunk = region ? phoneCountries()[region]?.trunkPrefix : undefined;
  return (
    trunk !== undefined && written.replace(/\D/g, '').startsWith(trunk) && !written.trim().startsWith('+')
  );
}

const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * Whether the number is grouped the way libphonenumber-js groups numbers of its country, in the
 * national or the international format, a leading country code, "(0)" or dialled-only prefix
 * ("1-800-…") aside: "403.999.1095" and "(587) 206-3393" are; "10 10 12 12" is not.
 */
export function usualGrouping(written: string, parsed: ParsedPhone): boolean {
  const digits: string[] = written.match(/\d+/g) ?? [];
  const national = parsed.number.nationalNumber;
  let rest = digits;
  if (written.trim().startsWith('+') || /^\(?\s*00/.test(written.trim())) {
    rest = rest.slice(1).filter((g) => g !== '0');
  } else if (rest.length > 1 && rest.slice(1).join('') === national) {
    rest = rest.slice(1);
  }
  const writtenLengths = rest.map((g) => g.length);
  const nationalFormat = groupLengths(parsed.number.formatNational());
  const internationalFormat = groupLengths(parsed.number.formatInternational()).slice(1);
  return same(writtenLengths, nationalFormat) || same(writtenLengths, internationalFormat);
}
