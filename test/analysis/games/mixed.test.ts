import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng/rng.js';
import { mixedEquilibria } from '../../../src/analysis/games/mixed.js';
import { makeGame, regret, undominated } from '../../../src/analysis/games/normal-form.js';
import { parseNfg, toNfg } from '../../../src/analysis/games/nfg.js';
import { MATCHING_PENNIES, MCKELVEY_2X2X2 } from './fixtures.js';

const rng = () => makeRng('mixed-test', 'chance');

describe('mixed equilibria by support enumeration', () => {
  it("finds all 9 equilibria of McKelvey and McLennan's 2x2x2 game, 2 of them totally mixed", () => {
    const g = parseNfg(MCKELVEY_2X2X2);
    const r = mixedEquilibria(g, rng());
    expect(r.equilibria).toHaveLength(9);
    const totallyMixed = r.equilibria.filter((e) => e.sigma.every((p) => p.every((v) => v > 1e-6)));
    expect(totallyMixed).toHaveLength(2);
    for (const e of r.equilibria) expect(regret(g, e.sigma)).toBeLessThan(1e-6);
  });

  it('matching pennies: the one equilibrium is 50/50 for both', () => {
    const g = parseNfg(MATCHING_PENNIES);
    const r = mixedEquilibria(g, rng());
    expect(r.equilibria).toHaveLength(1);
    for (const p of r.equilibria[0]?.sigma ?? []) for (const v of p) expect(v).toBeCloseTo(0.5, 9);
  });

  it('rock-paper-scissors with a bonus for winning with rock: its unique mixed equilibrium', () => {
    // Row's payoffs; zero-sum. With rock's win worth 2 the row plays (1/4, 5/12, 1/3) and the
    // column (1/3, 5/12, 1/4), each making the other indifferent (worked by hand: value 1/12).
    const A = [
      [0, -1, 2],
      [1, 0, -1],
      [-1, 1, 0],
    ];
    const g = makeGame('rps', ['Row', 'Col'], [['R', 'P', 'S'], ['R', 'P', 'S']], ([a, b]) => [A[a as number]![b as number]!, -A[a as number]![b as number]!]);
    const r = mixedEquilibria(g, rng());
    expect(r.equilibria).toHaveLength(1);
    const col = r.equilibria[0]?.sigma[1] as number[];
    // The column player's mix makes the row player indifferent.
    expect(col[0]).toBeCloseTo(1 / 3, 8);
    expect(col[1]).toBeCloseTo(5 / 12, 8);
    expect(col[2]).toBeCloseTo(1 / 4, 8);
    const row = r.equilibria[0]?.sigma[0] as number[];
    expect(row[0]).toBeCloseTo(1 / 4, 8);
    expect(row[1]).toBeCloseTo(5 / 12, 8);
  });

  it('a strictly dominated strategy is removed before supports are enumerated', () => {
    const g = makeGame('pd', ['A', 'B'], [['C', 'D'], ['C', 'D']], ([a, b]) => {
      const t = [[3, 0], [5, 1]];
      return [t[a as number]![b as number]!, t[b as number]![a as number]!];
    });
    expect(undominated(g)).toEqual([[1], [1]]);
    const r = mixedEquilibria(g, rng());
    expect(r.equilibria.map((e) => e.sigma)).toEqual([[[0, 1], [0, 1]]]);
  });

  it('writes .nfg that reads back to the same game', () => {
    const g = parseNfg(MCKELVEY_2X2X2);
    const back = parseNfg(toNfg(g));
    expect(back.strategies).toEqual(g.strategies);
    expect([...back.payoffs]).toEqual([...g.payoffs]);
  });
});
