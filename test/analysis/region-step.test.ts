import { describe, expect, it } from 'vitest';
import type { DiscoverReport } from '../../src/analysis/discover.js';
import type { Factor } from '../../src/analysis/sensitivity.js';
import { discover } from '../../src/analysis/discover.js';
import { LESSONS, REGION_FACTORS, REGION_SETTINGS, regionResult } from '../../src/analysis/lessons.js';
import { parseFactor } from '../../src/analysis/sensitivity.js';
import { prim, resamplingStability } from '../../src/analysis/gsa/prim.js';
import { makeRng } from '../../src/rng/rng.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// The walk-through's region step: "the conclusion holds when ..., and here is where it
// breaks", computed by a discover run with the settings its rules text states.

const region = LESSONS.find((l) => l.id === 'the-region');

/** A discover report over made-up points: the conclusion holds exactly where `holds` says. */
function made(factors: Factor[], values: number[][], holds: (v: number[]) => boolean): DiscoverReport {
  const y = values.map(holds);
  return {
    kind: 'leverage-discover', scenario: 'made', conclusion: 'x', plus: { us: 'columns', china: 'opportunist', kim: 'regimeFirst' }, minus: { us: 'appeaser', china: 'opportunist', kim: 'regimeFirst' },
    factors, seed: 's', runs: 10,
    points: values.map((v, i) => ({ values: v, diff: y[i] ? 1 : -1, low: y[i] ? 0.5 : -1.5, high: y[i] ? 1.5 : -0.5, holds: y[i] as boolean })),
    holdsShare: y.filter(Boolean).length / y.length, undecidedShare: 0,
    prim: prim(values, y, { minDensity: 0.8 }), stability: resamplingStability(values, y, makeRng('t', 'chance'), 5, { minDensity: 0.8 }),
  };
}

describe('the region step of explain', () => {
  const s = resolveScenario('2022');
  const factors = REGION_FACTORS.map((f) => parseFactor(f.path, s.params));

  it('is the last step and reports exactly what a discover run with its stated settings finds', async () => {
    expect(LESSONS.at(-1)?.id).toBe('the-region');
    const runs = 500;
    const r = await (region as NonNullable<typeof region>).experiment({ scenario: s, seed: '3', runs, run: { workers: 0 } });
    const { points, runs: per } = REGION_SETTINGS(runs);
    const plus = { us: 'columns', china: 'opportunist', kim: 'regimeFirst' };
    const fresh = await discover(s, factors, plus, { ...plus, us: 'appeaser' }, 'x', points, '3', per, { workers: 0 });
    expect(r.numbers.holdsShare).toBe(fresh.holdsShare);
    expect(r.numbers.density).toBe(fresh.prim.chosen.density);
    expect(r.numbers.broken).toBe(fresh.points.filter((p) => !p.holds).length);
    // Inside and outside split the settings; the region is purer than what is outside it.
    const [inside, outside, all] = r.table.rows as [string[], string[], string[]];
    expect(Number(inside[1]) + Number(outside[1])).toBe(points);
    expect(all[1]).toBe(String(points));
    const shareOf = (row: number) => (r.table.values?.[row]?.[2]?.mean ?? NaN);
    if (fresh.prim.chosen.restricted.length) expect(shareOf(0)).toBeGreaterThan(shareOf(1));
    expect(r.finding).toContain(`at ${(100 * fresh.holdsShare).toFixed(1)}% of ${points} settings`);
    expect(r.finding).toMatch(/Where it breaks: \d+ of 100 settings/);
  }, 120_000);

  it('names the assumption the region leans on, in words, and says where it breaks', () => {
    // Holds exactly where the credibility weight is in the top 40% of its range.
    const values = Array.from({ length: 200 }, (_, i) => [2 + 6 * ((i * 0.618) % 1), 0.35 + 0.65 * ((i * 0.414) % 1), i % 2]);
    const r = regionResult(made(factors, values, (v) => (v[0] as number) > 5.6));
    expect(r.answer).toBe('c');
    // PRIM keeps the widest box at least 80% pure, so its lower edge sits a little below 5.6.
    const low = /the weight Washington puts on its credibility \(C8\) is (?:at least|between) (\d\.\d\d)/.exec(r.finding);
    expect(Number(low?.[1])).toBeGreaterThan(4.8);
    expect(Number(low?.[1])).toBeLessThanOrEqual(5.6);
    expect(r.finding).toMatch(/Where it breaks: 1[12]\d of 200 settings/);
    expect(r.more?.[0]?.table.rows[0]?.[2]).toMatch(/credibility \(C8\) is/);
    expect(r.more?.[0]?.table.rows[1]?.[2]).toBe('no limit');
    // Holding only with C10 off points the answer at exposure.
    const off = regionResult(made(factors, values, (v) => v[2] === 0));
    expect(off.answer).toBe('e');
    expect(off.finding).toContain('exposing Beijing moves no one (C10 off)');
  });

  it('says when the advice wins almost everywhere, and then names no limit', () => {
    const values = Array.from({ length: 100 }, (_, i) => [2 + 6 * ((i * 0.618) % 1), 0.35 + 0.65 * ((i * 0.414) % 1), i % 2]);
    const r = regionResult(made(factors, values, (v) => (v[1] as number) > 0.36));
    expect(r.answer).toBe('x');
  });
});
