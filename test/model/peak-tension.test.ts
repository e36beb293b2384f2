import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/engine/reference/session.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';

// "Peak tension" is what a reader remembers of a crisis: the highest the meter showed after
// any move, not only the level left once a round has settled (which can never pass the start).

describe('peak tension', () => {
  it('is the highest tension after any step of the game, including the start', () => {
    let aboveStart = 0;
    for (const name of ['2020', '2022', '2023', 'baseline']) {
      const scenario = resolveScenario(name);
      for (let seed = 0; seed < 15; seed++) {
        const sides = { us: getStrategy('us', 'sanctioner'), china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') };
        const s = new GameSession(scenario, String(seed), 0, sides);
        s.advanceUntilHuman();
        const shown = Math.max(scenario.params.start.tension, ...s.steps.map((x) => x.state.tension));
        expect(s.ctx.peakTension).toBe(shown);
        if (shown > scenario.params.start.tension) aboveStart++;
      }
    }
    // Tests do push the meter above where the game began in some games.
    expect(aboveStart).toBeGreaterThan(0);
  });
});
