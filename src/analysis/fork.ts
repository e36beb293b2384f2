import type { Actor } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { Outcome } from '../model/outcomes.js';
import type { ParsedLog } from '../engine/reference/replay.js';
import type { GameEvent } from '../model/events.js';
import type { MoveStep, ScenarioRef, Step } from '../engine/reference/session.js';
import type { GameState } from '../engine/reference/stepper.js';
import type { Profile } from '../engine/batch/fast-game.js';
import { finishFast } from '../engine/batch/fast-game.js';
import { leverageGame } from '../engine/reference/stepper.js';
import { runGame } from '../engine/game-loop.js';
import { recordedPlay } from '../engine/reference/recorded.js';
import { InputError } from '../input-error.js';
import { MOVES } from '../model/moves.js';
import { OUTCOME_NAMES } from '../model/outcomes.js';
import type { Interval } from '../engine/batch/stats.js';
import { addGame, emptyAcc, METRICS, meanInterval, proportionInterval } from '../engine/batch/stats.js';
import { contrast } from './robustness.js';

// Counterfactual: the same game up to a round, then one side plays a different move there,
// and both branches are played on N times with the same N seeds (paired continuations).

export interface ForkBranch {
  label: string;
  move: MoveName;
  outcomes: Record<Outcome, { p: number; low: number; high: number }>;
  payoffs: Record<Actor, Interval>;
}

export interface ForkReport {
  kind: 'leverage-fork';
  round: number;
  actor: Actor;
  runs: number;
  asPlayed: ForkBranch;
  forked: ForkBranch;
  /** Forked minus as played, per side's payoff. */
  difference: Record<Actor, { diff: number; low: number; high: number }>;
}

/** Play the log's steps again, through the one game loop, until `actor` is about to move in `round`. */
export function stateAtFork(log: ParsedLog, scenario: ScenarioRef, round: number, actor: Actor, file: string): { state: GameState; played: MoveName } {
  const at = log.steps.findIndex((s) => s.type === 'move' && s.round === round && s.actor === actor);
  if (at < 0) {
    const last = (log.steps.at(-1) as Step | undefined)?.round ?? 0;
    throw new InputError(`--at ${round}: ${actor} does not move in round ${round} of this game (it has ${last} round${last === 1 ? '' : 's'}). Fix: choose a round from 1 to ${last}.`);
  }
  const state = leverageGame.initial(scenario.params);
  const { deciders, streams } = recordedPlay(log.steps.slice(0, at), log.header.seed);
  let applied = 0;
  const apply = (event: GameEvent) => {
    // The loop asks whoever is to move; the record must have that side (or chance) next.
    const rec = log.steps[applied] as Step;
    const same = rec.type === 'chance' ? event.type === 'chance' : event.type === rec.move;
    if (!same || !leverageGame.apply(state, event)) {
      throw new InputError(`${file}:${applied + 2}: the log does not replay under this scenario (step ${applied + 1}). Fix: fork under the scenario it was played with.`);
    }
    applied++;
  };
  runGame(leverageGame, state, streams, deciders, { apply }, at);
  if (applied < at) throw new InputError(`${file}:${applied + 2}: the log does not replay under this scenario (step ${applied + 1}). Fix: fork under the scenario it was played with.`);
  return { state, played: (log.steps[at] as MoveStep).move };
}

function branch(label: string, start: GameState, move: MoveName, seed: string, runs: number, profile: Profile): ForkBranch {
  const acc = emptyAcc();
  for (let k = 0; k < runs; k++) {
    const state = leverageGame.clone(start);
    leverageGame.apply(state, { type: move });
    addGame(acc, finishFast(state, `${seed}|fork|${k}`, profile));
  }
  const outcomes = {} as ForkBranch['outcomes'];
  OUTCOME_NAMES.forEach((o, i) => (outcomes[o] = proportionInterval(acc.outcomes[i] as number, acc.n)));
  const stat = (key: string) => meanInterval(acc.metrics[METRICS.findIndex((m) => m.key === key)] as never);
  return {
    label,
    move,
    outcomes,
    payoffs: { us: stat('payoffUs'), china: stat('payoffChina'), kim: stat('payoffKim') },
  };
}

export function fork(
  log: ParsedLog,
  scenario: ScenarioRef,
  round: number,
  actor: Actor,
  move: MoveName,
  runs: number,
  profile: Profile,
  file: string,
): ForkReport {
  if (MOVES[move].actor !== actor) throw new InputError(`--${actor} ${move}: that is not a ${actor} move.`);
  const { state, played } = stateAtFork(log, scenario, round, actor, file);
  if (!leverageGame.isLegal(state, move)) {
    throw new InputError(`--${actor} ${MOVES[move].short}: not legal for ${actor} in round ${round} of this game. Legal then: ${leverageGame.legalMoves(state).map((m) => MOVES[m].short).join(', ')}.`);
  }
  const seed = log.header.seed;
  const asPlayed = branch(`as played (${MOVES[played].short})`, state, played, seed, runs, profile);
  const forked = branch(`forked (${MOVES[move].short})`, state, move, seed, runs, profile);
  // The branches share seeds, so this interval (which treats them as independent) is conservative.
  const difference = {} as ForkReport['difference'];
  for (const a of ['us', 'china', 'kim'] as Actor[]) {
    const x = forked.payoffs[a];
    const y = asPlayed.payoffs[a];
    difference[a] = contrast([{ mean: x.mean, sd: x.sd, n: runs }], [{ mean: y.mean, sd: y.sd, n: runs }]);
  }
  return { kind: 'leverage-fork', round, actor, runs, asPlayed, forked, difference };
}
