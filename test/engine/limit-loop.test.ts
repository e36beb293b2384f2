import { describe, expect, it } from 'vitest';
import type { GameSummary } from '../../src/engine/fast-game.js';
import { LIMIT_FIELDS, limitBatch } from '../../bench/limit-loop.js';
import { runBatch, resolveProfile } from '../../src/engine/batch.js';
import { playFast } from '../../src/engine/fast-game.js';
import { HIST_BINS, METRICS } from '../../src/engine/stats.js';
import { OUTCOME_NAMES } from '../../src/model/outcomes.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { DEFAULT_STRATEGY } from '../../src/strategies/registry.js';

// The bench's limit loop is a hand-tightened second copy of the rules for the baseline
// scenario and the default profile: it is only an honest yardstick if it plays the batch
// path's very games. A rule change not mirrored there fails here.
const scenario = resolveScenario('baseline');
const profile = resolveProfile({ ...DEFAULT_STRATEGY });

describe('the limit loop plays exactly the batch path\'s games', () => {
  it('game for game: every summary field and payoff part, bit for bit, over 20,000 games', () => {
    let k = 0;
    const outcomes = new Set<number>();
    limitBatch(scenario.params, scenario.name, 'limit', 0, 20_000, (g, parts) => {
      const ref: GameSummary = playFast(scenario.params, scenario.name, 'limit', k, profile);
      const mine: Record<string, unknown> = {};
      LIMIT_FIELDS.forEach((f, i) => (mine[f] = f === 'outcome' ? OUTCOME_NAMES[g[i] as number] : g[i]));
      const want: Record<string, unknown> = {};
      for (const f of LIMIT_FIELDS) want[f] = ref[f];
      if (JSON.stringify(mine) !== JSON.stringify(want) || !Object.is(mine.payoffUs, want.payoffUs)) expect({ game: k, ...mine }).toStrictEqual({ game: k, ...want });
      expect(Array.from(parts)).toStrictEqual(ref.payoffParts);
      outcomes.add(g[0] as number);
      k++;
    });
    expect(k).toBe(20_000);
    // The games reach more than one ending, so the comparison covers more than one path.
    expect(outcomes.size).toBeGreaterThan(2);
  });

  it('and the same statistics as a whole batch, chunks folded in order (5,500 games)', async () => {
    const runs = 5500;
    const [cell] = await runBatch(
      { command: 'batch', seed: 'limit-stats', runs, scenarios: [{ name: scenario.name, source: scenario.source, sha256: scenario.sha256, params: scenario.params }], profiles: [{ ...DEFAULT_STRATEGY }] },
      { workers: 0 },
    );
    const acc = cell!.acc;
    const s = limitBatch(scenario.params, scenario.name, 'limit-stats', 0, runs);
    expect(s.n).toBe(acc.n);
    expect(Array.from(s.outcomes)).toStrictEqual(acc.outcomes);
    expect(Array.from(s.payoffParts)).toStrictEqual(acc.payoffParts);
    METRICS.forEach((_m, i) => {
      const a = acc.metrics[i]!;
      expect({ n: s.count[i], mean: s.mean[i], m2: s.m2[i], min: s.min[i], max: s.max[i], hist: Array.from(s.hist.subarray(i * HIST_BINS, (i + 1) * HIST_BINS)) }).toStrictEqual(a);
    });
  });
});
