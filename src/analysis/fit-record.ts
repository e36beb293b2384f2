import type { Actor } from '../model/context.js';
import type { Scenario } from '../scenario/load.js';
import type { RecordEvent } from '../record/load.js';
import type { MomentTarget, Simulate, Theta } from './fit.js';
import { targetSd } from './fit.js';
import { withTheta } from './fit-batch.js';
import { scenarioTargets } from './record-check.js';
import { simulateMoments } from './series.js';

// The fit against the record (issue 18 items 4-5): the structural parameters are shared by
// every crisis year, so they are fitted jointly to the moments of the fit years (each year's
// scenario playing that year's months), and then judged, with no further change, on the
// held-out years. A moment is named `YEAR:moment` so one objective spans the years.

export interface YearScenario {
  year: number;
  scenario: Scenario;
}

export function yearOf(s: Scenario): number {
  const m = s.clock?.firstMonth;
  if (!m) throw new Error(`${s.source}: no clock.firstMonth`);
  return Number(m.slice(0, 4));
}

/** Every year's record targets, each moment named `YEAR:moment`. */
export function yearTargets(years: readonly YearScenario[], events: readonly RecordEvent[]): MomentTarget[] {
  return years.flatMap(({ year, scenario }) => scenarioTargets(scenario, events).map((t) => ({ ...t, momentId: `${year}:${t.momentId}` })));
}

/** Plays every year's scenario with the candidate parameters; `games` a year, common seeds for a seed set. */
export function recordSimulator(years: readonly YearScenario[], games: number, seed: string, strategies: Partial<Record<Actor, string>> = {}): Simulate {
  return async (theta: Theta, seedSet: number) => {
    const out: Record<string, number> = {};
    for (const { year, scenario } of years) {
      const m = simulateMoments(scenario, { games, seed: `${seed}|fit|${seedSet}`, strategies, params: withTheta(scenario.params, theta) });
      for (const [id, v] of Object.entries(m)) out[`${year}:${id}`] = v;
    }
    return out;
  };
}

export interface JudgedMoment extends MomentTarget {
  simulated: number;
  pass: boolean;
  z: number;
}

/** Each target beside the simulated value: pass when inside the record's interval. */
export function judge(targets: readonly MomentTarget[], simulated: Record<string, number>): JudgedMoment[] {
  return targets.map((t) => {
    const v = simulated[t.momentId] ?? NaN;
    return { ...t, simulated: v, pass: v >= t.lo && v <= t.hi, z: (v - t.value) / targetSd(t) };
  });
}
