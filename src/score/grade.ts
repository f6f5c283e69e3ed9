import type { ShopScore } from './types.js';

type Grade = NonNullable<ShopScore['grade']>;

/** Lower bounds of each grade, best first; src/score/README.md explains the choice. */
export const GRADE_BANDS: ReadonlyArray<{ grade: Grade; from: number }> = [
  { grade: 'A', from: 90 },
  { grade: 'B', from: 75 },
  { grade: 'C', from: 60 },
  { grade: 'D', from: 45 },
  { grade: 'E', from: 30 },
  { grade: 'F', from: 0 },
];

export function gradeFor(score: number): Grade {
  return (GRADE_BANDS.find((band) => score >= band.from) ?? GRADE_BANDS[GRADE_BANDS.length - 1]).grade;
}
