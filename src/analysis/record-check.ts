import type { Actor } from '../model/context.js';
import type { Scenario } from '../scenario/load.js';
import type { RecordEvent } from '../record/load.js';
import type { MomentTarget, YearSet } from './moments.js';
import { InputError } from '../input-error.js';
import { recordWindow, recordYears } from '../record/load.js';
import { MOMENTS, momentInterval, RECORD_PERIODS, recordTargets, yearSet } from './moments.js';
import { scenarioProfile, simulateSeries } from './series.js';

// The model as it is, read against the record on the scenario's own clock: for each
// scenario year and each moment, the record's value and two-sided interval, the model's
// value over simulated games, and whether it falls inside. Years are grouped into the
// declared fit set and the held-out set (moments.ts), shown apart.

export interface RecordRow {
  scenario: string;
  year: number;
  firstMonth: string;
  set: YearSet;
  momentId: string;
  label: string;
  record: number;
  lo: number;
  hi: number;
  model: number;
  /** null when the record gives no target (e.g. a share of nuclear tests in a year with none). */
  pass: boolean | null;
}

export interface RecordReport {
  games: number;
  seed: string;
  strategies: Record<string, Partial<Record<Actor, string>>>;
  rows: RecordRow[];
  /** The record alone across its periods (RECORD_PERIODS): Beijing's stance before and during the rivalry. */
  periods: { label: string; years: number[]; targets: MomentTarget[] }[];
  summary: Record<YearSet, { pass: number; fail: number; noTarget: number }>;
}

export function checkAgainstRecord(scenarios: readonly Scenario[], events: readonly RecordEvent[], opts: { games: number; seed: string; strategies?: Partial<Record<Actor, string>> }): RecordReport {
  const rows: RecordRow[] = [];
  const strategies: RecordReport['strategies'] = {};
  for (const sc of scenarios) {
    const firstMonth = sc.clock?.firstMonth;
    if (!firstMonth) throw new InputError(`${sc.source}: the scenario has no clock.firstMonth, so no months of the record to read it against. Fix: add 'clock: { round: month, firstMonth: "YYYY-MM" }'.`);
    const year = Number(firstMonth.slice(0, 4));
    const months = sc.params.rounds;
    const record = [recordWindow(events, firstMonth, months)];
    const sims = simulateSeries(sc, { games: opts.games, seed: opts.seed, ...(opts.strategies ? { strategies: opts.strategies } : {}) });
    const profile = scenarioProfile(sc, opts.strategies);
    strategies[sc.name] = { us: profile.us.id, china: profile.china.id, kim: profile.kim.id };
    for (const m of MOMENTS) {
      const r = momentInterval(m, record);
      const model = m.compute(sims);
      const target = !Number.isNaN(r.value);
      rows.push({
        scenario: sc.name,
        year,
        firstMonth,
        set: yearSet(year),
        momentId: m.id,
        label: m.label,
        record: r.value,
        lo: r.lo,
        hi: r.hi,
        model,
        pass: target ? !Number.isNaN(model) && model >= r.lo && model <= r.hi : null,
      });
    }
  }
  const summary = { fit: { pass: 0, fail: 0, noTarget: 0 }, 'held-out': { pass: 0, fail: 0, noTarget: 0 }, other: { pass: 0, fail: 0, noTarget: 0 } };
  for (const r of rows) summary[r.set][r.pass === null ? 'noTarget' : r.pass ? 'pass' : 'fail']++;
  const byYear = recordYears(events);
  const periods = RECORD_PERIODS.map((p) => ({ label: p.label, years: [...p.years], targets: recordTargets(byYear, [...p.years]) }));
  return { games: opts.games, seed: opts.seed, strategies, rows, periods, summary };
}

/** The record's targets for one scenario: its clock's months, each moment with its interval (what the fit aims at for that scenario). */
export function scenarioTargets(scenario: Scenario, events: readonly RecordEvent[]): MomentTarget[] {
  const firstMonth = scenario.clock?.firstMonth;
  if (!firstMonth) throw new InputError(`${scenario.source}: the scenario has no clock.firstMonth, so no months of the record to fit it to. Fix: add 'clock: { round: month, firstMonth: "YYYY-MM" }'.`);
  const series = [recordWindow(events, firstMonth, scenario.params.rounds)];
  const year = Number(firstMonth.slice(0, 4));
  return MOMENTS.flatMap((m) => {
    const { value, lo, hi } = momentInterval(m, series);
    return Number.isNaN(value) ? [] : [{ momentId: m.id, years: [year], value, lo, hi }];
  });
}
