import { describe, expect, it } from 'vitest';
import { LIMIT_FIELDS, limitBatch } from '../../bench/limit-loop.js';
import type { LimitStats } from '../../bench/limit-stats.js';
import { TIGHT_LOOP_VERSION, tightBatch } from '../../bench/tight-loop.js';
import { PAYOFF_TERMS } from '../../src/model/outcomes.js';
import { builtInNames, resolveScenario } from '../../src/scenario/catalog.js';
import { withoutIssue19 } from '../fixtures/dynamics/off.js';

// Limit loop v2 is limit loop v1 played faster (issue 17 item 5): it must play v1's very
// games, so its statistics must equal v1's number for number. Neither is tied to the rules.
// The games start below 10,000 so a batch crosses a change in the index's digit count (v2
// seeds games in groups of the same length) and a chunk boundary.
const FIRST = 9_990;
const GAMES = 300;

function numbers(s: LimitStats): number[] {
  return [s.n, s.rounds, ...s.outcomes, ...s.payoffParts, ...s.mean, ...s.m2, ...s.min, ...s.max, ...s.hist, ...s.count];
}

describe('limit loop v2 (the tight loop) plays limit loop v1\'s games', () => {
  it.each(builtInNames())('%s: the same summaries and payoff parts game by game, and the same statistics', (name) => {
    const params = withoutIssue19(resolveScenario(name).params);
    // Each game's summary then its payoff parts, one row a game.
    const width = LIMIT_FIELDS.length + PAYOFF_TERMS.length;
    const v1Games = new Float64Array(GAMES * width);
    let k = 0;
    const v1 = limitBatch(params, name, 'tight', FIRST, GAMES, (g, parts) => {
      v1Games.set(g, k * width);
      v1Games.set(parts, k * width + g.length);
      k++;
    });
    k = 0;
    let firstMiss = -1;
    const v2 = tightBatch(params, name, 'tight', FIRST, GAMES, (g, parts) => {
      let same = true;
      for (let i = 0; i < g.length; i++) same &&= Object.is(g[i], v1Games[k * width + i]);
      for (let i = 0; i < parts.length; i++) same &&= Object.is(parts[i], v1Games[k * width + g.length + i]);
      if (!same && firstMiss < 0) firstMiss = FIRST + k;
      k++;
    });
    expect(k).toBe(GAMES);
    expect(firstMiss).toBe(-1);
    expect(v2.n).toBe(GAMES);
    const a = numbers(v1);
    const b = numbers(v2);
    expect(b.length).toBe(a.length);
    expect(b.filter((x, i) => !Object.is(x, a[i])).length).toBe(0);
    expect(TIGHT_LOOP_VERSION).toMatch(/^limit loop v2/);
  });
});
