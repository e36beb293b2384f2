import { describe, expect, it } from 'vitest';
import { LIMIT_FIELDS, LIMIT_LOOP_VERSION, limitBatch } from '../../bench/limit-loop.js';
import { OUTCOME_NAMES } from '../../src/model/outcomes.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// The bench's limit loop is a frozen, versioned speed yardstick, not the rules (issue 17):
// it may drift from src/model, so nothing here compares its games with the batch path's.
// This only checks that it still runs and folds what it plays into its statistics, so the
// bench does not break silently.
describe('the limit loop (a frozen speed yardstick) still runs', () => {
  it('plays the games it is asked for and counts each in its statistics', () => {
    const scenario = resolveScenario('baseline');
    const games = 3000;
    let seen = 0;
    const s = limitBatch(scenario.params, scenario.name, 'smoke', 0, games, (g) => {
      expect(g.length).toBeGreaterThanOrEqual(LIMIT_FIELDS.length);
      expect(Number.isInteger(g[0]) && g[0]! >= 0 && g[0]! < OUTCOME_NAMES.length).toBe(true);
      seen++;
    });
    expect(LIMIT_LOOP_VERSION).toMatch(/^limit loop v\d+/);
    expect(seen).toBe(games);
    expect(s.n).toBe(games);
    expect(Array.from(s.outcomes).reduce((a, b) => a + b, 0)).toBe(games);
    expect(s.rounds).toBeGreaterThanOrEqual(games);
  });
});
