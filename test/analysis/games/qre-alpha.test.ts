import { describe, expect, it } from 'vitest';
import { alphaRank, fixation } from '../../../src/analysis/games/alpha-rank.js';
import { LogitSystem, logitTrace } from '../../../src/analysis/games/qre.js';
import { makeRng } from '../../../src/rng/rng.js';
import { makeGame, regret, strategyValues, valueSlopes } from '../../../src/analysis/games/normal-form.js';
import { parseNfg } from '../../../src/analysis/games/nfg.js';
import { MATCHING_PENNIES, MCKELVEY_2X2X2 } from './fixtures.js';

const pd = makeGame('pd', ['A', 'B'], [['C', 'D'], ['C', 'D']], ([a, b]) => {
  const t = [[3, 0], [5, 1]];
  return [t[a as number]![b as number]!, t[b as number]![a as number]!];
});

describe('logit QRE traced over lambda', () => {
  it('with one side choosing between payoffs 1 and 0, it plays the better with e^l / (1 + e^l)', () => {
    const g = makeGame('one', ['A', 'B'], [['good', 'bad'], ['x']], ([a]) => [a === 0 ? 1 : 0, 0]);
    const t = logitTrace(g, { maxLambda: 20, steps: 30 });
    expect(t.stopped).toBe(false);
    for (const p of t.points) expect(p.sigma[0]?.[0]).toBeCloseTo(Math.exp(p.lambda) / (1 + Math.exp(p.lambda)), 8);
  });

  it('matching pennies stays at 50/50 for every lambda', () => {
    const t = logitTrace(parseNfg(MATCHING_PENNIES), { maxLambda: 100, steps: 20 });
    for (const p of t.points) for (const s of p.sigma) expect(s[0]).toBeCloseTo(0.5, 8);
  });

  it('the branch from the centre of the 2x2x2 game ends at a Nash equilibrium', () => {
    const g = parseNfg(MCKELVEY_2X2X2);
    const t = logitTrace(g, { maxLambda: 2000, steps: 200 });
    const last = t.points.at(-1)!;
    expect(last.lambda).toBeGreaterThan(100);
    expect(last.regret).toBeLessThan(0.05);
    expect(t.points[0]!.regret).toBeGreaterThan(last.regret);
  });
});

describe("the QRE corrector's written-out Jacobian", () => {
  it('has the slopes a finite difference of the strategy values gives', () => {
    const g = parseNfg(MCKELVEY_2X2X2);
    const sigma = [[0.3, 0.7], [0.6, 0.4], [0.2, 0.8]];
    for (const [i, k] of [[0, 1], [0, 2], [1, 2], [2, 0]] as const)
      for (let t = 0; t < 2; t++) {
        // Strategy values are linear in each other side's play: a unit step in sigma[k][t] moves them by the slope exactly.
        const moved = sigma.map((p) => [...p]);
        moved[k]![t]! += 1;
        const diff = strategyValues(g, moved, i).map((v, s) => v - strategyValues(g, sigma, i)[s]!);
        valueSlopes(g, sigma, i, k).forEach((row, s) => expect(row[t]).toBeCloseTo(diff[s]!, 12));
      }
  });

  it("gathers, in its one pass over the table, exactly the plain definitions' values and slopes", () => {
    // A seeded 4x3x2 table and a mixed profile with a zero in it (the zero-skipping path).
    const r = makeRng('qre-gather', 'chance');
    const g = makeGame('random', ['A', 'B', 'C'], [['a', 'b', 'c', 'd'], ['e', 'f', 'g'], ['h', 'i']], () => [r.next() * 10 - 5, r.next() * 10 - 5, r.next() * 10 - 5]);
    const sigma = [[0.1, 0.2, 0.3, 0.4], [0.5, 0, 0.5], [0.25, 0.75]];
    const system = new LogitSystem(g);
    system.gather(sigma.flat().map(Math.log), true);
    // The profile it read back from log-probabilities (exp(log p) may differ from p in the last bit).
    const read = [system.sigma.slice(0, 4), system.sigma.slice(4, 7), system.sigma.slice(7)].map((x) => [...x]);
    expect(read.flat()).toEqual(sigma.flat().map((p) => Math.exp(Math.log(p))));
    expect([...system.values]).toEqual([0, 1, 2].flatMap((i) => strategyValues(g, read, i)));
    const pairs = [0, 1, 2].flatMap((i) => [0, 1, 2].filter((k) => k !== i).map((k) => [i, k] as const));
    expect([...system.slopes]).toEqual(pairs.flatMap(([i, k]) => valueSlopes(g, read, i, k).flat()));
  });
});

describe('alpha-Rank', () => {
  it('the fixation probability is 1/m for a neutral mutant, rises with its gain and vanishes for a much worse one', () => {
    expect(fixation(0, 10, 50)).toBeCloseTo(1 / 50, 12);
    expect(fixation(1, 10, 50)).toBeGreaterThan(0.99);
    expect(fixation(-1, 10, 50)).toBeLessThan(1e-100);
    expect(Number.isFinite(fixation(-1000, 1000, 50))).toBe(true);
  });

  it("puts nearly all mass on the prisoner's dilemma's dominant profile", () => {
    const r = alphaRank(pd, 10, 50);
    expect(r.profiles[0]?.pure).toEqual([1, 1]);
    expect(r.profiles[0]?.mass).toBeGreaterThan(0.99);
    expect(r.profiles.reduce((t, p) => t + p.mass, 0)).toBeCloseTo(1, 10);
  });

  it('matching pennies cycles: every profile an equal share', () => {
    const r = alphaRank(parseNfg(MATCHING_PENNIES), 10, 50);
    for (const p of r.profiles) expect(p.mass).toBeCloseTo(0.25, 8);
  });

  it('a regret of 0 is what the other tools call an equilibrium', () => {
    expect(regret(pd, [[0, 1], [0, 1]])).toBe(0);
    expect(regret(pd, [[1, 0], [1, 0]])).toBe(2);
  });
});
