import type { Actor } from '../model/context.js';
import type { Outcome } from '../model/outcomes.js';
import type { ScenarioRef, Sides } from '../engine/reference/session.js';
import type { Strategy } from '../strategies/types.js';
import { playFast } from '../engine/batch/fast-game.js';
import { STRATEGIES } from '../strategies/registry.js';

// The end of a game, as every screen shows it (a local `play`, a seat at a class game, the
// host that serves it): each AI strategy of your side in the very same game, and what is
// typical for it over many seeded games.

const TYPICAL_GAMES = 200;

/** What a strategy of your side would have done with the same scenario, seed and opponents. */
export interface Counterfactual {
  id: string;
  name: string;
  /** The same game (same seed, same luck) with this strategy in your place. */
  outcome: Outcome;
  payoff: number;
  /** Its mean payoff over many seeded games, for a sense of what is typical... */
  typicalPayoff: number;
  /**
   * ...and the range of its middle 95% of single games. You played one game, so this, not
   * the interval of a mean, is the noise your one payoff must be set against.
   */
  rangeLow: number;
  rangeHigh: number;
}

/** Every AI strategy of `human`'s side in the same game, the other sides played by `sides` (which must be AI). */
export function counterfactualsFor(scenario: ScenarioRef, seed: string, index: number, human: Actor, sides: Sides): Counterfactual[] {
  return (STRATEGIES[human] as Strategy[]).map((s) => {
    const profile = { ...sides, [human]: s } as { us: Strategy<'us'>; china: Strategy<'china'>; kim: Strategy<'kim'> };
    const game = playFast(scenario.params, scenario.name, seed, index, profile);
    const all: number[] = [];
    for (let i = 0; i < TYPICAL_GAMES; i++) all.push(payoffOf(playFast(scenario.params, scenario.name, `${seed}|typical`, i, profile), human));
    const mean = all.reduce((t, x) => t + x, 0) / TYPICAL_GAMES;
    const sorted = [...all].sort((a, b) => a - b);
    const cut = Math.floor(TYPICAL_GAMES * 0.025);
    return {
      id: s.id,
      name: s.name,
      outcome: game.outcome,
      payoff: payoffOf(game, human),
      typicalPayoff: mean,
      rangeLow: sorted[cut] as number,
      rangeHigh: sorted[TYPICAL_GAMES - 1 - cut] as number,
    };
  });
}

/** Each side's payoff in a game summary, by actor: a new actor without one fails to compile. */
const PAYOFF_KEY = { us: 'payoffUs', china: 'payoffChina', kim: 'payoffKim' } as const satisfies Record<Actor, string>;

function payoffOf(g: { payoffUs: number; payoffChina: number; payoffKim: number }, a: Actor): number {
  return g[PAYOFF_KEY[a]];
}
