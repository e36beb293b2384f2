import { describe, expect, it } from 'vitest';
import type { Game3, Payoff3 } from '../../src/analysis/equilibria.js';
import { bestResponses, pureEquilibria } from '../../src/analysis/equilibria.js';

function table(sizes: [number, number, number], f: (a: number, b: number, c: number) => Payoff3): Game3 {
  return { sizes, payoff: f };
}

describe('pure-strategy equilibria of 3-player tables', () => {
  it('a 3-player prisoners\' dilemma has defect-defect-defect as its only equilibrium', () => {
    // Strategy 0 cooperates, 1 defects. Each gains 2 per cooperator among the others, and 1 for defecting.
    const g = table([2, 2, 2], (a, b, c) => {
      const coop = [a, b, c].map((s) => (s === 0 ? 1 : 0));
      const pay = (i: number) => 2 * (coop[0]! + coop[1]! + coop[2]! - coop[i]!) + (1 - coop[i]!);
      return [pay(0), pay(1), pay(2)];
    });
    expect(pureEquilibria(g)).toEqual([[1, 1, 1]]);
  });

  it('a coordination game has both "all choose the same" profiles', () => {
    const g = table([2, 2, 2], (a, b, c) => (a === b && b === c ? [1, 1, 1] : [0, 0, 0]));
    expect(pureEquilibria(g)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
  });

  it('a cyclic game has none', () => {
    // Player 1 wants to match player 2, player 2 to mismatch player 1; player 3 is indifferent.
    const g = table([2, 2, 1], (a, b) => [a === b ? 1 : 0, a === b ? 0 : 1, 0]);
    expect(pureEquilibria(g)).toEqual([]);
  });

  it('finds every best reply, ties included, and uneven strategy counts work', () => {
    const g = table([3, 2, 2], (a, b, c) => [a === 2 ? 5 : a === 1 ? 5 : 0, b, c]);
    expect(bestResponses(g, 0, [0, 0, 0])).toEqual([1, 2]);
    expect(pureEquilibria(g)).toEqual([
      [1, 1, 1],
      [2, 1, 1],
    ]);
  });
});
