import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BatchSpec } from '../../src/engine/batch/batch.js';
import { runBatch } from '../../src/engine/batch/batch.js';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { playBaseline } from '../../bench/baseline-loop.js';
import { PAYOFF_TERMS } from '../../src/model/outcomes.js';
import { addGame, emptyAcc, mergeAcc, meanInterval, proportionInterval } from '../../src/engine/batch/stats.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { resolveProfile } from '../../src/engine/batch/batch.js';
import { makeRng } from '../../src/rng/rng.js';
import { STRATEGIES } from '../../src/strategies/registry.js';

function spec(runs: number): BatchSpec {
  const scenarios = ['2022', 'one-shot'].map((n) => {
    const s = resolveScenario(n);
    return { name: s.name, source: s.source, sha256: s.sha256, params: s.params };
  });
  return {
    command: 'batch',
    seed: 'w',
    runs,
    scenarios,
    profiles: [
      { us: 'columns', china: 'opportunist', kim: 'regimeFirst' },
      { us: 'appeaser', china: 'covertFirst', kim: 'independent' },
    ],
  };
}

describe('batch results do not depend on how the work is spread', () => {
  it('gives identical cells on 1 and 2 workers', async () => {
    const s = spec(2500);
    const one = await runBatch(s, { workers: 1 });
    const two = await runBatch(s, { workers: 2 });
    expect(two).toEqual(one);
    expect(one[0]?.acc.n).toBe(2500);
  });

  it('plays each unit once with two units in flight per worker, also when there are fewer units than that', async () => {
    // 1 unit, 3 units (fewer than 2 workers x 2 in flight) and 12: the same cells as the main thread, each unit reported once.
    for (const [runs, scenarios, profiles] of [[700, 1, 1], [2100, 1, 1], [2500, 2, 2]] as const) {
      const s = { ...spec(runs), scenarios: spec(runs).scenarios.slice(0, scenarios), profiles: spec(runs).profiles.slice(0, profiles) };
      const reports: number[] = [];
      const pooled = await runBatch(s, { workers: 2, onProgress: (p) => reports.push(p.gamesDone) });
      expect(pooled).toEqual(await runBatch(s, { workers: 0 }));
      const units = s.scenarios.length * s.profiles.length * Math.ceil(runs / 1000);
      expect(reports).toHaveLength(units);
      expect(reports.at(-1)).toBe(s.scenarios.length * s.profiles.length * runs);
    }
  });
});

describe('the fast batch path', () => {
  it('plays exactly the games of the hand-written baseline loop of the benchmark', () => {
    const sc = resolveScenario('2023');
    for (let i = 0; i < 300; i++) {
      const ids = { us: STRATEGIES.us[i % 8]!.id, china: STRATEGIES.china[i % 5]!.id, kim: STRATEGIES.kim[i % 4]!.id };
      const profile = resolveProfile(ids);
      expect(playFast(sc.params, sc.name, 'b', i, profile)).toEqual(playBaseline(sc.params, sc.name, 'b', i, profile));
    }
  });
});

describe('batch game i is the game `leverage run --index i` tells', () => {
  it('has the same outcome and payoffs', async () => {
    const { playGame } = await import('../../src/engine/reference/session.js');
    const sc = resolveScenario('2022');
    const ids = { us: 'reciprocator', china: 'opportunist', kim: 'independent' };
    for (let i = 0; i < 50; i++) {
      const fast = playFast(sc.params, sc.name, '9', i, resolveProfile(ids));
      const told = playGame(sc, '9', i, resolveProfile(ids));
      expect(fast.outcome).toBe(told.outcome());
      expect([fast.payoffUs, fast.payoffChina, fast.payoffKim]).toEqual(Object.values(told.payoffs()!));
    }
  });
});

describe('streaming statistics', () => {
  it('merging accumulators agrees with accumulating in one pass', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.nat(), (xs, cut) => {
        const k = cut % xs.length;
        const game = (x: number) => ({ outcome: 'stalemate' as const, payoffUs: x, payoffChina: 0, payoffKim: 0, concededTaiwan: 0, concededChips: 0, aidToKim: 0, peakTension: 0, exposure: 0, europeAlignment: 0, kimStanding: 0, rounds: 1, chinaPressure: 0, kimObeyed: 0, kimDefied: 0, requestsMade: 0, requestsDetected: 0, roundsAtTop: 0, roundsTensionFell: 0, anyTensionFall: 0, kimHolds: 0, kimTests: 0, nuclearTests: 0, rungsTested: 0, requestsDefied: 0, rollsAtTop: 0, warsAtTop: 0, exposedEarly: 0, payoffParts: PAYOFF_TERMS.map(() => x) });
        const whole = emptyAcc();
        xs.forEach((x) => addGame(whole, game(x)));
        const a = emptyAcc();
        const b = emptyAcc();
        xs.slice(0, k).forEach((x) => addGame(a, game(x)));
        xs.slice(k).forEach((x) => addGame(b, game(x)));
        mergeAcc(a, b);
        const [w, m] = [whole.metrics[0]!, a.metrics[0]!];
        expect(m.n).toBe(w.n);
        expect(m.mean).toBeCloseTo(w.mean, 9);
        expect(m.m2).toBeCloseTo(w.m2, 6);
        expect(m.hist).toEqual(w.hist);
      }),
    );
  });

  it('95% intervals cover a known mean about 95% of the time', () => {
    const rng = makeRng('coverage', 'chance');
    let covered = 0;
    let coveredP = 0;
    const trials = 1000;
    for (let t = 0; t < trials; t++) {
      const acc = emptyAcc();
      let hits = 0;
      for (let i = 0; i < 200; i++) {
        const x = rng.next(); // uniform: mean 0.5
        if (x < 0.3) hits++;
        addGame(acc, { outcome: 'stalemate', payoffUs: x, payoffChina: 0, payoffKim: 0, concededTaiwan: 0, concededChips: 0, aidToKim: 0, peakTension: 0, exposure: 0, europeAlignment: 0, kimStanding: 0, rounds: 1, chinaPressure: 0, kimObeyed: 0, kimDefied: 0, requestsMade: 0, requestsDetected: 0, roundsAtTop: 0, roundsTensionFell: 0, anyTensionFall: 0, kimHolds: 0, kimTests: 0, nuclearTests: 0, rungsTested: 0, requestsDefied: 0, rollsAtTop: 0, warsAtTop: 0, exposedEarly: 0, payoffParts: PAYOFF_TERMS.map(() => x) });
      }
      const ci = meanInterval(acc.metrics[0]!);
      if (ci.low <= 0.5 && 0.5 <= ci.high) covered++;
      const pi = proportionInterval(hits, 200);
      if (pi.low <= 0.3 && 0.3 <= pi.high) coveredP++;
    }
    expect(covered / trials).toBeGreaterThan(0.92);
    expect(covered / trials).toBeLessThan(0.98);
    expect(coveredP / trials).toBeGreaterThan(0.92);
    expect(coveredP / trials).toBeLessThan(0.98);
  });
});
