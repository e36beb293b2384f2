import type { Rng } from '../../rng/rng.js';
import type { Mixed, NormalForm } from './normal-form.js';
import { makeGame, profileIndex, sizes, strategyValues } from './normal-form.js';
import { mixedEquilibria } from './mixed.js';

// One side as a Stackelberg leader: it commits to a pure strategy first, in the open; the
// others see it and play an equilibrium of the game that is left. Where the followers' game
// has several equilibria the leader's value is a range: the worst for it (the pessimistic
// leader) and the best.

export interface Commitment {
  strategy: number;
  /** The leader's payoff over the followers' equilibria: worst and best. */
  worst: number;
  best: number;
  followers: Mixed[];
}

export interface StackelbergResult {
  leader: number;
  commitments: Commitment[];
  /** The commitment with the best worst case. */
  choice: number;
}

export function stackelberg(g: NormalForm, leader: number, rng: Rng): StackelbergResult {
  const sz = sizes(g);
  const P = g.players.length;
  const followers = g.players.map((_, i) => i).filter((i) => i !== leader);
  const commitments: Commitment[] = [];
  for (let s = 0; s < (sz[leader] as number); s++) {
    const sub = makeGame(`${g.title} | ${g.players[leader]} commits to ${g.strategies[leader]?.[s]}`, g.players, g.strategies.map((names, i) => (i === leader ? [names[s] as string] : names)), (pure) => {
      const full = pure.map((x, i) => (i === leader ? s : x));
      const p = profileIndex(g, full);
      return Array.from({ length: P }, (_, i) => g.payoffs[p * P + i] as number);
    });
    const eqs = mixedEquilibria(sub, rng).equilibria;
    const values = eqs.map((e) => strategyValues(sub, e.sigma, leader)[0] as number);
    commitments.push({
      strategy: s,
      worst: values.length ? Math.min(...values) : NaN,
      best: values.length ? Math.max(...values) : NaN,
      followers: eqs.map((e) => followers.map((f) => e.sigma[f] as number[])),
    });
  }
  let choice = 0;
  commitments.forEach((c, i) => {
    if (c.worst > (commitments[choice] as Commitment).worst) choice = i;
  });
  return { leader, commitments, choice };
}
