import { describe, expect, it } from 'vitest';
import { robustness, VALUE_VARIANTS, variants } from '../../src/analysis/robustness.js';
import { runBatch } from '../../src/engine/batch/batch.js';
import { playGame } from '../../src/engine/reference/session.js';
import { METRICS, meanInterval } from '../../src/engine/batch/stats.js';
import { resolveScenario as resolveShipped } from '../../src/scenario/catalog.js';
import { issue13Scenario } from '../fixtures/dynamics/off.js';

// The issue-13 mechanisms and the conclusions as that model drew them, with issue 19's
// dynamics switched off (test/fixtures/dynamics/off.ts says why).
const resolveScenario = (name: string) => issue13Scenario(resolveShipped(name));
import { getStrategy } from '../../src/strategies/registry.js';

// Values, not only claims: robustness also changes payoff weights, and asking is kept apart
// from paying by a Washington that asks but never pays.

describe('robustness varies value weights too', () => {
  it('each value variant changes exactly one payoff weight', () => {
    const base = resolveScenario('baseline').params;
    const vs = variants(base, [], VALUE_VARIANTS);
    for (const v of VALUE_VARIANTS) {
      const p = vs.find((x) => x.id === v.id)!.params;
      const [, actor, key] = v.weight.split('.') as ['payoffs', 'us', keyof typeof base.payoffs.us];
      expect(p.payoffs[actor][key]).toBe(base.payoffs[actor][key] * v.factor);
      expect({ ...p, payoffs: base.payoffs }).toEqual(base);
    }
  });

  // 2023: where the conclusion holds as written (in the recalibrated baseline it no longer does).
  it("a costlier war turns 'don't ask Beijing' round in 2023: the conclusion rests on a value", async () => {
    const r = await robustness(resolveScenario('2023'), '3', 1500, { workers: 2 }, []);
    const cell = (variant: string) => r.rows.find((x) => x.variant === variant)!.results.find((x) => x.conclusion === 'dontAskBeijing')!;
    expect(r.rows.map((x) => x.variant)).toEqual(['as-is', 'one-shot', ...VALUE_VARIANTS.map((v) => v.id)]);
    expect(cell('as-is').verdict).toBe('holds');
    expect(cell('us-war-x4').effects[0]!.diff).toBeLessThan(cell('as-is').effects[0]!.diff);
    expect(cell('us-war-x4').verdict).not.toBe('holds');
  });
});

describe('asking without paying', () => {
  const asker = getStrategy('us', 'asksBeijing');
  const askOnly = getStrategy('us', 'asksNeverPays');

  it('asks exactly when the asker would, and never pays', () => {
    const s = resolveScenario('2022');
    let asks = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const g = playGame(s, String(seed), 0, { us: askOnly, china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') });
      const us = g.steps.filter((x) => x.type === 'move' && x.actor === 'us').map((x) => (x.type === 'move' ? x.move : ''));
      asks += us.filter((m) => m === 'askBeijingForHelp').length;
      expect(us.filter((m) => m === 'concedeTaiwan' || m === 'concedeChips' || m === 'payKim')).toEqual([]);
      expect(g.ctx.concededTaiwan + g.ctx.concededChips + g.ctx.aidToKim).toBe(0);
    }
    expect(asks).toBeGreaterThan(60);
    // Where the asker would not pay, the two choose alike.
    const g = playGame(s, '1', 0, { us: asker, china: getStrategy('china', 'restrained'), kim: getStrategy('kim', 'regimeFirst') });
    const h = playGame(s, '1', 0, { us: askOnly, china: getStrategy('china', 'restrained'), kim: getStrategy('kim', 'regimeFirst') });
    expect(h.steps.map((x) => (x.type === 'move' ? x.move : 'chance'))).toEqual(g.steps.map((x) => (x.type === 'move' ? x.move : 'chance')));
  });

  it('pays nothing, so the bill it refuses is what the asker pays', async () => {
    const s = resolveScenario('baseline');
    const [ask, only] = await runBatch(
      { command: 'check', seed: '8', runs: 1000, scenarios: [s], profiles: ['asksBeijing', 'asksNeverPays'].map((us) => ({ us, china: 'opportunist', kim: 'regimeFirst' })) },
      { workers: 0 },
    );
    const m = (acc: typeof ask, k: string) => meanInterval(acc!.acc.metrics[METRICS.findIndex((x) => x.key === k)] as never);
    expect(m(only, 'concessions').mean).toBe(0);
    expect(m(ask, 'concessions').low).toBeGreaterThan(0.2);
  });
});
