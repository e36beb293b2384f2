import { getShortestPaths } from 'xstate/graph';
import type { SnapshotFrom } from 'xstate';
import type { Actor } from '../model/context.js';
import type { GameEvent } from '../model/events.js';
import type { Outcome } from '../model/outcomes.js';
import type { Params } from '../model/params.js';
import type { ProfileIds, RunOptions } from '../engine/batch/batch.js';
import { leverageMachine, PHASE_ACTOR } from '../model/machine.js';
import { MOVES, movesOf } from '../model/moves.js';
import { OUTCOME_NAMES } from '../model/outcomes.js';
import { resolveProfile, runBatch } from '../engine/batch/batch.js';
import { playFast } from '../engine/batch/fast-game.js';
import { playGame } from '../engine/reference/session.js';
import { proportionInterval } from '../engine/batch/stats.js';

// Every ending of a scenario: the shortest way to reach it, and how often it happens under
// each strategy profile. Short endings are found by xstate's own graph search over the
// first rounds (the state space is infinite, so states are keyed coarsely and the search is
// bounded); endings that take longer are taken from the shortest games seen in simulation.

type Snap = SnapshotFrom<typeof leverageMachine>;

export interface AtlasPath {
  outcome: Outcome;
  foundBy: 'graph search' | 'simulation' | 'not found';
  rounds: number;
  /** Readable steps, e.g. "R1 China offer-taiwan". */
  steps: string[];
  /** For simulation finds: where to see the game again. */
  game?: { seed: string; index: number; profile: ProfileIds };
}

export interface AtlasReport {
  kind: 'leverage-atlas';
  scenario: string;
  searchRounds: number;
  paths: AtlasPath[];
  profiles: ProfileIds[];
  runs: number;
  /** frequencies[profile][outcome] */
  frequencies: Record<Outcome, { p: number; low: number; high: number }>[];
}

/** Chance in the search: a request caught or not; war or not. */
const CHANCE: GameEvent[] = [
  { type: 'chance', detection: 0.001, war: 0.999, drift: 0.5 },
  { type: 'chance', detection: 0.999, war: 0.999, drift: 0.5 },
  { type: 'chance', detection: 0.999, war: 0, drift: 0.5 },
];

const bucket = (x: number) => Math.round(x * 5) / 5;

function coarseKey(s: Snap): string {
  const c = s.context;
  return [
    s.value,
    c.round,
    bucket(c.tension),
    bucket(c.diplomacy),
    bucket(c.exposure),
    bucket(c.europeAlignment),
    bucket(c.kimStanding),
    bucket(c.nkEconomy),
    Math.min(2, c.concededTaiwan + c.concededChips + c.aidToKim),
    c.requestChannel,
    c.offerPrice,
    c.kimOfferedPause,
  ].join('|');
}

function describe(round: number, e: GameEvent): string {
  if (e.type === 'chance') return `R${round} chance: ${e.war === 0 ? 'war breaks out' : e.detection < 0.5 ? 'request caught' : 'nothing caught'}`;
  const who: Record<Actor, string> = { us: 'US', china: 'China', kim: 'Kim' };
  return `R${round} ${who[MOVES[e.type].actor]} ${MOVES[e.type].short}`;
}

export function searchEndings(params: Params, rounds: number): Map<Outcome, AtlasPath> {
  const paths = getShortestPaths(leverageMachine, {
    input: { params },
    events: (s: Snap) => {
      const who = PHASE_ACTOR[s.value as keyof typeof PHASE_ACTOR];
      if (!who) return [];
      return who === 'chance' ? CHANCE : movesOf(who).map((type) => ({ type }) as GameEvent);
    },
    serializeState: (s: Snap) => coarseKey(s),
    stopWhen: (s: Snap) => s.status === 'done' || s.context.round > rounds,
    limit: 500_000,
  });
  const found = new Map<Outcome, AtlasPath>();
  for (const p of paths) {
    const end = p.state as Snap;
    if (end.status !== 'done') continue;
    const outcome = String(end.value) as Outcome;
    // steps[0] is xstate's synthetic start; each later step carries the event that led to it.
    const events = p.steps.slice(1).map((st) => ({ e: st.event as GameEvent, round: (st.state as Snap).context.round }));
    const prev = found.get(outcome);
    if (prev && prev.steps.length <= events.length) continue;
    found.set(outcome, { outcome, foundBy: 'graph search', rounds: end.context.roundsPlayed, steps: events.map((x, i) => describe(i === 0 ? 1 : (events[i - 1]?.round ?? 1), x.e)) });
  }
  return found;
}

export async function atlas(
  scenario: { name: string; source: string; sha256: string; params: Params },
  profiles: ProfileIds[],
  seed: string,
  runs: number,
  searchRounds: number,
  opts: Pick<RunOptions, 'workers' | 'onProgress' | 'signal'>,
): Promise<AtlasReport> {
  const found = searchEndings(scenario.params, searchRounds);
  // The rest: the shortest game ending that way among the first games of each profile.
  const missing = OUTCOME_NAMES.filter((o) => !found.has(o));
  if (missing.length) {
    const best = new Map<Outcome, { rounds: number; index: number; profile: ProfileIds }>();
    for (const ids of profiles) {
      const profile = resolveProfile(ids);
      for (let i = 0; i < Math.min(runs, 400); i++) {
        const g = playFast(scenario.params, scenario.name, seed, i, profile);
        const b = best.get(g.outcome);
        if (missing.includes(g.outcome) && (!b || g.rounds < b.rounds)) best.set(g.outcome, { rounds: g.rounds, index: i, profile: ids });
      }
    }
    for (const [outcome, b] of best) {
      const session = playGame(scenario, seed, b.index, resolveProfile(b.profile));
      const steps = session.steps.map((s) => {
        if (s.type === 'move') return describe(s.round, { type: s.move });
        // What chance decided, from the step's facts (never from its words).
        const caught = s.requestCaught;
        const war = s.state.phase === 'war';
        return `R${s.round} chance: ${war ? 'war breaks out' : caught ? 'request caught' : 'nothing caught'}`;
      });
      found.set(outcome, { outcome, foundBy: 'simulation', rounds: b.rounds, steps, game: { seed, index: b.index, profile: b.profile } });
    }
  }
  const paths = OUTCOME_NAMES.map((o) => found.get(o) ?? { outcome: o, foundBy: 'not found' as const, rounds: 0, steps: [] });
  const cells = await runBatch({ command: 'atlas', seed, runs, scenarios: [{ ...scenario }], profiles }, opts);
  const frequencies = cells.map((c) => {
    const out = {} as Record<Outcome, { p: number; low: number; high: number }>;
    OUTCOME_NAMES.forEach((o, i) => (out[o] = proportionInterval(c.acc.outcomes[i] as number, c.acc.n)));
    return out;
  });
  return { kind: 'leverage-atlas', scenario: scenario.name, searchRounds, paths, profiles, runs, frequencies };
}
