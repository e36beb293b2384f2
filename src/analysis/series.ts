import type { Actor, GameContext } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { Params } from '../model/params.js';
import type { Scenario } from '../scenario/load.js';
import type { MonthRow, Series } from '../record/month-row.js';
import type { Profile } from '../engine/batch/fast-game.js';
import { MOVES } from '../model/moves.js';
import { emptyMonth } from '../record/month-row.js';
import { computeMoments } from './moments.js';
import { resolveProfile } from '../engine/batch/batch.js';
import { playFast } from '../engine/batch/fast-game.js';
import { CompiledPlayer } from '../engine/batch/compiled-game.js';
import { freezesAreContracts, settlementsAreContracts } from '../model/deals.js';
import { runGame } from '../engine/game-loop.js';
import { leverageGame } from '../engine/reference/stepper.js';
import { gameStreams } from '../engine/streams.js';
import { defaultStrategyId } from '../strategies/registry.js';

// Simulated games as monthly series, to be read against the record by the same moments
// (moments.ts). Each game is played by the reference loop (runGame on the stepper), with a
// hook that sees every move; a round is a month (the clock, scenarios/README.md).
//
// The map from the model's moves to the record's rows:
//   testShortRange -> launches.short      missileOverJapan -> launches.medium
//   testIcbm       -> launches.icbm       nuclearTest      -> nuclearTests
//   (the model has no SLBM or satellite launch: those stay 0)
//   a test in a round with no request from Beijing         -> unaskedTests
//   a nuclear test in a round Beijing made no overt request -> testsAgainstBeijing
//     (Beijing's public word is always restraint unless it asks openly; a courier is secret)
//   payKim after Kim offered a pause (a paid freeze)       -> dealsReached
//   Kim's first test after such a freeze                   -> dealsCollapsed
//   (issue 19: with agreements as contracts on, a deal is a state the rules keep, signed
//   and collapsed where no move shows it (a walkout, a track reaching its threshold): the
//   rows count the rules' own tallies, freezesReached and freezesCollapsed, instead)
//   backSanctions -> chinaBacksSanctions    blockSanctions -> chinaBlocksSanctions
//   posture (exercises, a carrier, Japan)                  -> exercises
//   courtBeijing (Kim's summit with Xi)                    -> summitsWithBeijing
// A game that ends early (war, a settlement) gives only the months it played.
//
// Batches build the rows from the move stream of the compiled path (seriesFromMoves: China
// moves first each round, so its move opens a month); simulateGame reads the same from the
// reference loop's state, and a test proves the two give the same rows game for game.

const LAUNCH_OF_RUNG = { 1: 'short', 2: 'medium', 3: 'icbm' } as const;

export interface SimulateOptions {
  games: number;
  seed: number | string;
  /** Strategy ids by side; the scenario's own defaults otherwise. */
  strategies?: Partial<Record<Actor, string>>;
  /** Parameters to play instead of the scenario's (the fit plays candidate parameters). */
  params?: Params;
}

function simRow(round: number): MonthRow {
  return { ...emptyMonth(`r${round}`), unaskedTests: 0, testsAgainstBeijing: 0, dealsReached: 0, dealsCollapsed: 0, chinaBacksSanctions: 0, chinaBlocksSanctions: 0, summitsWithBeijing: 0, exercises: 0 };
}

/** One game, `index` under `seed`, as a monthly series. */
/** Issue 19: deals are states the rules keep (model/deals.ts), so the rows read their tallies. */
export function dealsAreContracts(params: Params): boolean {
  return freezesAreContracts(params) || settlementsAreContracts(params);
}

export function simulateGame(params: Params, scenarioName: string, seed: number | string, index: number, profile: Profile): Series {
  const contracts = dealsAreContracts(params);
  const state = leverageGame.initial(params);
  const streams = gameStreams(String(seed), scenarioName, index);
  const rows: MonthRow[] = [];
  let freezeOpen = false;
  const rowOf = (round: number) => {
    while (rows.length < round) rows.push(simRow(rows.length + 1));
    return rows[round - 1]!;
  };
  runGame(leverageGame, state, streams, profile, {
    apply(event) {
      const ctx = state.ctx;
      if (contracts) {
        const round = ctx.round;
        const [reached, collapsed] = [ctx.freezesReached, ctx.freezesCollapsed];
        leverageGame.apply(state, event);
        const row = rowOf(round);
        row.dealsReached! += state.ctx.freezesReached - reached;
        row.dealsCollapsed! += state.ctx.freezesCollapsed - collapsed;
        countMove(event);
        return;
      }
      countMove(event);
      leverageGame.apply(state, event);
    },
  });
  rowOf(state.ctx.round);
  return rows;

  function countMove(event: Parameters<typeof leverageGame.apply>[1]): void {
      const ctx = state.ctx;
      if (event.type !== 'chance') {
        const move: MoveName = event.type;
        const row = rowOf(ctx.round);
        const rung = (MOVES[move] as { rung?: number }).rung;
        if (rung !== undefined) {
          if (rung === 4) row.nuclearTests++;
          else row.launches[LAUNCH_OF_RUNG[rung as 1 | 2 | 3]]++;
          if (ctx.requestChannel === 'none') row.unaskedTests!++;
          if (rung === 4 && ctx.requestChannel !== 'overt') row.testsAgainstBeijing!++;
          if (freezeOpen && !contracts) {
            row.dealsCollapsed!++;
            freezeOpen = false;
          }
        } else if (move === 'payKim' && ctx.kimOfferedPause && !contracts) {
          row.dealsReached!++;
          freezeOpen = true;
        } else if (move === 'backSanctions') row.chinaBacksSanctions!++;
        else if (move === 'blockSanctions') row.chinaBlocksSanctions!++;
        else if (move === 'posture') row.exercises!++;
        else if (move === 'courtBeijing') row.summitsWithBeijing!++;
      }
  }
}

/**
 * A game's monthly rows from its moves alone, in the order they were made. With `dealTallies`
 * (issue 19: deals as contracts), deals come from the rules' tallies instead: entry k is
 * (freezesReached, freezesCollapsed) as round k ended (entry 0: as the game began).
 */
export function seriesFromMoves(moves: readonly MoveName[], dealTallies?: readonly (readonly [number, number])[]): Series {
  const rows: MonthRow[] = [];
  let row: MonthRow | undefined;
  let channel: 'none' | 'overt' | 'covert' = 'none';
  let offered = false;
  let freezeOpen = false;
  for (const move of moves) {
    const decl = MOVES[move];
    if (decl.actor === 'china') {
      rows.push((row = simRow(rows.length + 1)));
      channel = move === 'askEscalationOvertly' ? 'overt' : move === 'askEscalationByCourier' ? 'covert' : 'none';
      offered = false;
      if (move === 'backSanctions') row.chinaBacksSanctions!++;
      else if (move === 'blockSanctions') row.chinaBlocksSanctions!++;
      continue;
    }
    if (!row) throw new Error(`move ${move} before China's first move: a round starts with China`);
    const rung = (decl as { rung?: number }).rung;
    if (rung !== undefined) {
      if (rung === 4) row.nuclearTests++;
      else row.launches[LAUNCH_OF_RUNG[rung as 1 | 2 | 3]]++;
      if (channel === 'none') row.unaskedTests!++;
      if (rung === 4 && channel !== 'overt') row.testsAgainstBeijing!++;
      if (freezeOpen && !dealTallies) {
        row.dealsCollapsed!++;
        freezeOpen = false;
      }
    } else if (move === 'suspendTestsForPayment') offered = true;
    else if (move === 'payKim' && offered && !dealTallies) {
      row.dealsReached!++;
      freezeOpen = true;
    } else if (move === 'posture') row.exercises!++;
    else if (move === 'courtBeijing') row.summitsWithBeijing!++;
  }
  if (dealTallies) {
    rows.forEach((r, k) => {
      const [before, after] = [dealTallies[k], dealTallies[k + 1]];
      if (!before || !after) throw new Error(`deal tallies for ${dealTallies.length - 1} rounds, moves for ${rows.length}`);
      r.dealsReached = after[0] - before[0];
      r.dealsCollapsed = after[1] - before[1];
    });
  }
  return rows;
}

// One player per profile for series with deals as contracts: it lends the live state to read
// the rules' tallies from (playFast's shared player does not).
const contractPlayers = new WeakMap<Profile, CompiledPlayer>();

/** One game on the batch path (compiled round), as a monthly series: the same rows as simulateGame. */
export function simulateGameFast(params: Params, scenarioName: string, seed: number | string, index: number, profile: Profile): Series {
  const moves: MoveName[] = [];
  if (!dealsAreContracts(params)) {
    playFast(params, scenarioName, String(seed), index, profile, (m) => moves.push(m));
    return seriesFromMoves(moves);
  }
  let player = contractPlayers.get(profile);
  if (!player) contractPlayers.set(profile, (player = new CompiledPlayer(profile)));
  const p = player;
  const tallies: [number, number][] = [];
  // China moves first in a round: the tallies then are those the last round ended with.
  p.onMove = (m) => {
    moves.push(m);
    if (MOVES[m].actor === 'china') {
      const c = p.lastContext as GameContext;
      tallies.push([c.freezesReached, c.freezesCollapsed]);
    }
  };
  try {
    p.play(params, scenarioName, String(seed), index);
  } finally {
    p.onMove = undefined;
  }
  const end = p.lastContext as GameContext;
  tallies.push([end.freezesReached, end.freezesCollapsed]);
  return seriesFromMoves(moves, tallies);
}

/** The profile a scenario plays by default, with any side overridden. */
export function scenarioProfile(scenario: Scenario, strategies: Partial<Record<Actor, string>> = {}): Profile {
  return resolveProfile({
    us: strategies.us ?? defaultStrategyId('us', scenario.strategies),
    china: strategies.china ?? defaultStrategyId('china', scenario.strategies),
    kim: strategies.kim ?? defaultStrategyId('kim', scenario.strategies),
  });
}

/** `games` seeded games of the scenario, each as a monthly series (game i is `leverage run --seed S --index i`). */
export function simulateSeries(scenario: Scenario, opts: SimulateOptions): Series[] {
  const profile = scenarioProfile(scenario, opts.strategies);
  const params = opts.params ?? scenario.params;
  const out: Series[] = [];
  for (let i = 0; i < opts.games; i++) out.push(simulateGameFast(params, scenario.name, opts.seed, i, profile));
  return out;
}

/** Every moment over `games` simulated games: the `simulate(params, seed)` the fit calls. */
export function simulateMoments(scenario: Scenario, opts: SimulateOptions): Record<string, number> {
  return computeMoments(simulateSeries(scenario, opts));
}
