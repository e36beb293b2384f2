import { describe, expect, it } from 'vitest';
import type { GameSummary } from '../../src/engine/batch/fast-game.js';
import { addGame, emptyAcc, HIST_BINS, METRICS, metricValue } from '../../src/engine/batch/stats.js';
import { OUTCOME_NAMES, PAYOFF_TERMS } from '../../src/model/outcomes.js';

// addGame looks up the bins of small whole numbers in a table made once; every other value
// goes through the formula. Both must put a value where the formula in METRICS' terms does.

/** A summary whose every metric field holds x (concessions then sum three of them). */
function summaryOf(x: number, outcome = OUTCOME_NAMES[0]): GameSummary {
  const g: Record<string, unknown> = { outcome, payoffParts: PAYOFF_TERMS.map(() => 0), concededTaiwan: x, concededChips: x, aidToKim: x };
  for (const m of METRICS) if (m.key !== 'concessions') g[m.key] = x;
  return g as unknown as GameSummary;
}

function expectedBin(lo: number, hi: number, v: number): number {
  const bin = Math.floor(((v - lo) / (hi - lo)) * HIST_BINS);
  return Math.min(HIST_BINS - 1, Math.max(0, bin));
}

describe("addGame's histogram bins", () => {
  const values = [-3, -0, 0, 0.25, 1, 2, 3, 5, 7.5, 12, 16, 17, 23, 24, 25, 40, 47, 48, 63, 64, 65, 100, 1e9, 0.999, 1 / 3];
  it("put every value where the formula over the metric's range does, whole numbers and others alike", () => {
    for (const x of values) {
      const acc = emptyAcc();
      const g = summaryOf(x);
      addGame(acc, g);
      METRICS.forEach((m, i) => {
        const hist = acc.metrics[i]?.hist as number[];
        const want = expectedBin(m.lo, m.hi, metricValue(g, m.key));
        expect(hist.indexOf(1), `${m.label} at ${x}`).toBe(want);
        expect(hist.reduce((t, c) => t + c, 0), `${m.label} at ${x}`).toBe(1);
      });
    }
  });

  it('count each outcome under its own name', () => {
    const acc = emptyAcc();
    OUTCOME_NAMES.forEach((o, i) => {
      for (let k = 0; k <= i; k++) addGame(acc, summaryOf(1, o));
    });
    expect(acc.outcomes).toStrictEqual(OUTCOME_NAMES.map((_, i) => i + 1));
  });
});
