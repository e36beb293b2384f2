// One month of the peninsula, as the record tells it or as a simulated game plays it.
// It lives at the record's layer (below analysis) so the loader can build it; the analysis
// layer re-exports it as the interface moments are computed on (src/analysis/moments.ts).

/** Launch types the record distinguishes (CNS-style ranges). */
export const LAUNCH_TYPES = ['short', 'medium', 'icbm', 'slbm', 'satellite'] as const;
export type LaunchType = (typeof LAUNCH_TYPES)[number];

export interface MonthRow {
  /** YYYY-MM for the record; the round index ("r1".."r12") for a simulated game. */
  month: string;
  /** Missiles launched that month, by type (a simulated test counts one). */
  launches: Record<LaunchType, number>;
  nuclearTests: number;
  /** Tests made with no request from Beijing (the model knows; the record cannot see it). */
  unaskedTests?: number;
  /** Tests made while Beijing publicly urged restraint or backed sanctions. */
  testsAgainstBeijing?: number;
  dealsReached?: number;
  dealsCollapsed?: number;
  chinaBacksSanctions?: number;
  /** Beijing vetoed, or declined to back (abstained on), a sanctions measure. */
  chinaBlocksSanctions?: number;
  summits?: number;
  /** Summits of North Korea's leader with China's (the model: Kim courts Beijing). */
  summitsWithBeijing?: number;
  exercises?: number;
}

/** One year of the record, or one simulated game: one row a month (a round). */
export type Series = readonly MonthRow[];

export function emptyMonth(month: string): MonthRow {
  return { month, launches: { short: 0, medium: 0, icbm: 0, slbm: 0, satellite: 0 }, nuclearTests: 0 };
}
