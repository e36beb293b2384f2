import { describe, expect, it } from 'vitest';
import type { Mixed } from '../../../src/analysis/games/normal-form.js';
import type { Rng } from '../../../src/rng/rng.js';
import type { EstimatedGame } from '../../../src/analysis/equilibria-report.js';
import { makeRng } from '../../../src/rng/rng.js';
import { makeGame } from '../../../src/analysis/games/normal-form.js';
import { regretInterval } from '../../../src/analysis/equilibria-report.js';

// regretInterval runs in equilibria's serial tail, so it is laid out flat for speed; its
// numbers must stay those of the plain definition, kept here as it was written: the same
// draws from the stream, summed in the same order, so the same bits.
function plainNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function plainRegretInterval(e: EstimatedGame, sigma: Mixed, rng: Rng, draws = 200): { estimate: number; low: number; high: number } {
  const g = e.game;
  const P = g.players.length;
  const sz = g.strategies.map((x) => x.length);
  const stride: number[] = [];
  sz.reduce((k, n) => (stride.push(k), k * n), 1);
  const terms = sz.map((n, i) => {
    let combos = [{ offset: 0, w: 1 }];
    sz.forEach((m, j) => {
      if (j === i) return;
      combos = combos.flatMap((c) => Array.from({ length: m }, (_, t) => ({ offset: c.offset + t * (stride[j] as number), w: c.w * ((sigma[j] as number[])[t] as number) })).filter((x) => x.w > 0));
    });
    return Array.from({ length: n }, (_, own) => combos.map((c) => ({ slot: (c.offset + own * (stride[i] as number)) * P + i, w: c.w })));
  });
  const once = (noise: boolean): number => {
    let worst = 0;
    terms.forEach((perOwn, i) => {
      const v = perOwn.map((cs) => cs.reduce((t, c) => t + c.w * ((g.payoffs[c.slot] as number) + (noise ? (e.se[c.slot] as number) * plainNormal(rng) : 0)), 0));
      const now = v.reduce((t, x, s) => t + x * ((sigma[i] as number[])[s] as number), 0);
      worst = Math.max(worst, Math.max(...v) - now);
    });
    return worst;
  };
  const rs = Array.from({ length: draws }, () => once(true)).sort((a, b) => a - b);
  return { estimate: once(false), low: rs[Math.floor(0.025 * (draws - 1))] as number, high: rs[Math.ceil(0.975 * (draws - 1))] as number };
}

/** A random mixed strategy over n with `support` strategies played (the rest exactly 0). */
function randomMix(n: number, support: number, rng: Rng): number[] {
  const p = new Array<number>(n).fill(0);
  const order = Array.from({ length: n }, (_, i) => i).sort(() => rng.next() - 0.5);
  let t = 0;
  for (const s of order.slice(0, support)) t += p[s] = rng.next() + 0.01;
  return p.map((v) => v / t);
}

describe('regretInterval', () => {
  it('gives the plain definition\'s numbers to the bit, for pure and mixed profiles, and leaves the stream where it would', () => {
    const rng = makeRng('regret-bits', 'chance');
    const sizes = [6, 5, 3];
    const game = makeGame('random 6x5x3', ['US', 'China', 'Kim'], sizes.map((n, i) => Array.from({ length: n }, (_, s) => `${i}${s}`)), () => [0, 1, 2].map(() => 10 * rng.next() - 5));
    const se = Float64Array.from(game.payoffs, () => 0.05 + rng.next());
    let differentBounds = 0;
    for (let trial = 0; trial < 12; trial++) {
      const sigma = sizes.map((n, i) => randomMix(n, 1 + ((trial + i) % Math.min(3, n)), rng));
      const fast = makeRng(`regret-bits|${trial}`, 'chance');
      const plain = makeRng(`regret-bits|${trial}`, 'chance');
      const a = regretInterval({ game, se }, sigma, fast, 50);
      const b = plainRegretInterval({ game, se }, sigma, plain, 50);
      expect(Object.is(a.estimate, b.estimate)).toBe(true);
      expect(Object.is(a.low, b.low)).toBe(true);
      expect(Object.is(a.high, b.high)).toBe(true);
      expect(fast.next()).toBe(plain.next());
      if (a.low !== a.high) differentBounds++;
    }
    // The profiles were not all trivial: the intervals have width.
    expect(differentBounds).toBeGreaterThan(6);
  });
});
