import { describe, expect, it } from 'vitest';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { resolveProfile } from '../../src/engine/batch/batch.js';
import { METRICS, metricValue, metricValuesInto } from '../../src/engine/batch/stats.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { STRATEGIES } from '../../src/strategies/registry.js';

describe('the batch path reads every metric of a game field by field', () => {
  it('the same values as metricValue, metric for metric, over varied games', () => {
    const sc = resolveScenario('2022');
    const out = new Float64Array(METRICS.length);
    for (let i = 0; i < 300; i++) {
      const ids = { us: STRATEGIES.us[i % 9]!.id, china: STRATEGIES.china[i % 7]!.id, kim: STRATEGIES.kim[i % 4]!.id };
      const g = playFast(sc.params, sc.name, 'mv', i, resolveProfile(ids));
      metricValuesInto(g, out);
      expect(Array.from(out)).toStrictEqual(METRICS.map((m) => metricValue(g, m.key)));
    }
  });
});
