import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng/rng.js';
import { gamesForEpsilon, regretInterval } from '../../../src/analysis/equilibria-report.js';
import { mixedEquilibria } from '../../../src/analysis/games/mixed.js';
import { regret } from '../../../src/analysis/games/normal-form.js';
import { parseNfg } from '../../../src/analysis/games/nfg.js';
import { MCKELVEY_2X2X2 } from './fixtures.js';

// A game with known payoffs, estimated with noise: the equilibria of the noisy table are
// equilibria of the truth only approximately. The regret interval must cover each one's
// regret on the true table about as often as a 95% interval should.
describe('regret intervals under sampling noise', () => {
  it('cover the true regret of the noisy table\'s equilibria at least 90% of the time', () => {
    const truth = parseNfg(MCKELVEY_2X2X2);
    const rng = makeRng('noise-test', 'chance');
    const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const se = new Float64Array(truth.payoffs.length).fill(0.6);
    let covered = 0;
    let total = 0;
    let positive = 0;
    for (let rep = 0; rep < 40; rep++) {
      const noisy = { ...truth, payoffs: truth.payoffs.map((v) => v + 0.6 * normal()) };
      for (const e of mixedEquilibria(noisy, rng, { starts: 6 }).equilibria) {
        const iv = regretInterval({ game: noisy, se }, e.sigma, rng, 200);
        const real = regret(truth, e.sigma);
        total++;
        if (real > 1e-9) positive++;
        if (real >= iv.low - 1e-12 && real <= iv.high + 1e-12) covered++;
      }
    }
    // The truth's regret is not 0 for most of them: the test is not vacuous.
    expect(positive / total).toBeGreaterThan(0.4);
    expect(covered / total).toBeGreaterThanOrEqual(0.9);
  });

  it('games needed for a given accuracy scale with the square of the noise', () => {
    const g = parseNfg(MCKELVEY_2X2X2);
    const se = new Float64Array(g.payoffs.length).fill(0.2);
    const n1 = gamesForEpsilon({ game: g, se }, 100, 0.1);
    const n2 = gamesForEpsilon({ game: g, se }, 100, 0.05);
    expect(n1).toBe(Math.ceil(100 * ((2 * 1.96 * 0.2) / 0.1) ** 2));
    expect(n2 / n1).toBeCloseTo(4, 1);
  });
});
