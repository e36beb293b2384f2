import type { NormalForm } from './normal-form.js';
import { profileIndex, sizes } from './normal-form.js';
import { eliminate } from './mixed.js';

// alpha-Rank (Omidshafiei et al. 2019, as OpenSpiel defines it for several populations): a
// Markov chain over pure strategy profiles. From a profile, one side's population may switch
// to another of its strategies; a mutant fixes with the Fermi fixation probability of a
// population of m individuals under selection intensity alpha, so better replies spread and
// worse ones rarely do. The chain's stationary distribution ranks the profiles: where an
// evolving population of each side spends its time. It exists and is unique for any game.

export interface AlphaRankResult {
  alpha: number;
  populationSize: number;
  /** Each profile's share of time, with its pure strategies. */
  profiles: { pure: number[]; mass: number }[];
  /** Each side's strategies' marginal mass. */
  marginals: number[][];
}

/** Probability that a single mutant whose payoff exceeds the residents' by `gain` takes over. */
export function fixation(gain: number, alpha: number, m: number): number {
  const a = -alpha * gain;
  if (Math.abs(a) < 1e-12) return 1 / m;
  // (1 - e^a) / (1 - e^{a m}); for a > 0 (a worse mutant) divided through by e^{a m}, so it
  // stays finite: e^{a (1 - m)} (1 - e^{-a}) / (1 - e^{-a m}).
  if (a > 0) return (Math.exp(a * (1 - m)) * (1 - Math.exp(-a))) / (1 - Math.exp(-a * m));
  return (1 - Math.exp(a)) / (1 - Math.exp(a * m));
}

export function alphaRank(g: NormalForm, alpha = 10, m = 50): AlphaRankResult {
  const sz = sizes(g);
  const P = g.players.length;
  const n = g.payoffs.length / P;
  const eta = 1 / sz.reduce((t, k) => t + (k - 1), 0);
  const pureOf = (p: number) => {
    let rest = p;
    return sz.map((k) => {
      const s = rest % k;
      rest = Math.floor(rest / k);
      return s;
    });
  };
  // pi = pi T, solved as the rows of (T^T - I) with the last equation replaced by sum pi = 1:
  // T's entry (p, q) is written straight into the flat system at row q, column p.
  const W = n + 1;
  const M = new Float64Array(n * W);
  for (let p = 0; p < n; p++) {
    const pure = pureOf(p);
    let out = 0;
    for (let i = 0; i < P; i++)
      for (let s = 0; s < (sz[i] as number); s++) {
        if (s === pure[i]) continue;
        const q = profileIndex(g, pure.map((x, j) => (j === i ? s : x)));
        const gain = (g.payoffs[q * P + i] as number) - (g.payoffs[p * P + i] as number);
        const rate = eta * fixation(gain, alpha, m);
        M[q * W + p] = rate;
        out += rate;
      }
    M[p * W + p] = 1 - out - 1;
  }
  for (let c = 0; c < n; c++) M[(n - 1) * W + c] = 1;
  M[(n - 1) * W + n] = 1;
  const x = new Float64Array(n);
  const pi = eliminate(M, n, x) ? Array.from(x) : new Array<number>(n).fill(1 / n);
  const marginals = sz.map((k) => new Array<number>(k).fill(0));
  const profiles = pi.map((mass, p) => {
    const pure = pureOf(p);
    pure.forEach((s, i) => ((marginals[i] as number[])[s] = ((marginals[i] as number[])[s] as number) + mass));
    return { pure, mass };
  });
  profiles.sort((x, y) => y.mass - x.mass);
  return { alpha, populationSize: m, profiles, marginals };
}
