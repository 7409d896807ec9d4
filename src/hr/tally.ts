import type { Graded } from './grade.ts';

// The counts above a check's list, the same on HR's page and in `npm run verify`: practice
// results and duplicates are listed but never counted as genuine results of an assignment;
// a duplicate is counted once, and a result of an assignment not checked is counted apart.

export interface Tally {
  records: number;
  /** genuine results of an assignment or a workshop, each counted once */
  genuine: number;
  /** of those, the ones that count and passed */
  passed: number;
  notGenuine: number;
  duplicates: number;
  /** genuine practice results: listed, not counted */
  practice: number;
  /** genuine but not signed by the server, where only signed results count */
  notSigned: number;
  /** results of an assignment the links files given do not hold: listed apart, not counted */
  outside: number;
}

export function tally(graded: readonly Graded[]): Tally {
  // a result of another assignment is counted apart, whatever its verdict
  const ours = graded.filter((g) => g.outside === undefined);
  const kept = ours.filter((g) => g.genuine && !g.duplicate);
  const counted = kept.filter((g) => !g.practice);
  return {
    records: graded.length,
    genuine: counted.length,
    passed: counted.filter((g) => g.passed && g.counts).length,
    // a duplicate, genuine or not, is counted once: among the duplicates
    notGenuine: ours.filter((g) => !g.genuine && !g.duplicate).length,
    duplicates: ours.filter((g) => g.duplicate).length,
    practice: kept.length - counted.length,
    notSigned: counted.filter((g) => g.notSigned).length,
    outside: graded.length - ours.length,
  };
}

/** "2 genuine (1 passed), 1 practice (not counted)": the practice part only when there is one. */
export function genuineText(t: Tally): string {
  const practice = t.practice > 0 ? `, ${t.practice} practice (not counted)` : '';
  return `${t.genuine} genuine (${t.passed} passed)${practice}`;
}
