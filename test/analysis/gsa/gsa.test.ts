import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng/rng.js';
import { designPoints, ishigami, ISHIGAMI_EXACT, jansen, saltelliDesign, sobolIndices } from '../../../src/analysis/gsa/sobol.js';
import { morrisDesign, morrisEffects } from '../../../src/analysis/gsa/morris.js';
import { binomialTail, prim, resamplingStability } from '../../../src/analysis/gsa/prim.js';

const rng = (s: string) => makeRng(`gsa-test|${s}`, 'chance');

describe('Sobol indices (Saltelli design, Jansen estimators)', () => {
  it('the closed form of the Ishigami indices is the published one', () => {
    expect(ISHIGAMI_EXACT.first.map((x) => +x.toFixed(3))).toEqual([0.314, 0.442, 0]);
    expect(ISHIGAMI_EXACT.total.map((x) => +x.toFixed(3))).toEqual([0.558, 0.442, 0.244]);
  });

  it('recovers the Ishigami indices, and the bootstrap intervals cover them', () => {
    const n = 6000;
    const d = saltelliDesign(3, n, rng('ishigami'));
    const y = designPoints(d).map(ishigami);
    const s = sobolIndices(y, 3, n, rng('boot'), 100);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs((s.first[i] as { estimate: number }).estimate - (ISHIGAMI_EXACT.first[i] as number))).toBeLessThan(0.04);
      expect(Math.abs((s.total[i] as { estimate: number }).estimate - (ISHIGAMI_EXACT.total[i] as number))).toBeLessThan(0.04);
      const t = s.total[i] as { low: number; high: number };
      expect(t.low).toBeLessThanOrEqual(ISHIGAMI_EXACT.total[i] as number);
      expect(t.high).toBeGreaterThanOrEqual(ISHIGAMI_EXACT.total[i] as number);
    }
  });

  it('an input the function ignores gets indices near 0; an additive one equal first and total', () => {
    const n = 4000;
    const d = saltelliDesign(3, n, rng('additive'));
    const y = designPoints(d).map((u) => 3 * (u[0] as number) + (u[1] as number));
    const e = jansen(y, 3, n);
    expect(Math.abs(e.first[2] as number)).toBeLessThan(0.02);
    expect(e.total[2]).toBeLessThan(0.001);
    // Variances 9/12 and 1/12: shares 0.9 and 0.1.
    expect(Math.abs((e.first[0] as number) - 0.9)).toBeLessThan(0.03);
    expect(Math.abs((e.total[1] as number) - 0.1)).toBeLessThan(0.02);
  });

  it('a constant output attributes nothing', () => {
    const d = saltelliDesign(2, 50, rng('flat'));
    const e = jansen(designPoints(d).map(() => 1), 2, 50);
    expect(e.first).toEqual([0, 0]);
    expect(e.total).toEqual([0, 0]);
  });
});

describe('Morris screening', () => {
  it('ranks inputs by mu* and flags the nonlinear one by sigma', () => {
    const d = morrisDesign(3, 40, rng('morris'));
    const y = d.points.map((u) => 5 * (u[0] as number) + 10 * ((u[1] as number) - 0.5) ** 2);
    const m = morrisEffects(d, y);
    expect(m.muStar[0]).toBeCloseTo(5, 6);
    expect(m.sigma[0]).toBeLessThan(1e-9);
    expect(m.muStar[2]).toBe(0);
    expect(m.sigma[1]).toBeGreaterThan(0.5);
  });
});

describe('PRIM', () => {
  const r = rng('prim');
  const X = Array.from({ length: 2000 }, () => [r.next(), r.next(), r.next()]);
  const y = X.map((x) => (x[0] as number) > 0.6 && (x[1] as number) < 0.5);

  it('finds the box where the outcome holds and leaves the noise input free', () => {
    const res = prim(X, y, { minDensity: 0.9 });
    const [b0, b1] = res.chosen.box as [{ low: number; high: number }, { low: number; high: number }];
    expect(Math.abs(b0.low - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(b1.high - 0.5)).toBeLessThan(0.05);
    expect(res.chosen.restricted).toEqual([0, 1]);
    expect(res.chosen.density).toBeGreaterThan(0.9);
    expect(res.chosen.coverage).toBeGreaterThan(0.8);
    for (const q of res.quasiP) expect(q.p).toBeLessThan(1e-6);
  });

  it('the trajectory trades coverage for density', () => {
    const t = prim(X, y).trajectory;
    expect(t[0]?.coverage).toBe(1);
    expect((t.at(-1) as { density: number }).density).toBeGreaterThan(t[0]?.density as number);
    for (let i = 1; i < t.length; i++) expect((t[i] as { coverage: number }).coverage).toBeLessThanOrEqual((t[i - 1] as { coverage: number }).coverage);
  });

  it('resampling restricts the real inputs almost always and the noise input rarely', () => {
    const s = resamplingStability(X.slice(0, 600), y.slice(0, 600), rng('resample'), 10, { minDensity: 0.9 });
    expect(s[0]).toBeGreaterThanOrEqual(0.9);
    expect(s[1]).toBeGreaterThanOrEqual(0.9);
    expect(s[2]).toBeLessThanOrEqual(0.3);
  });

  it('binomial tail', () => {
    expect(binomialTail(0, 10, 0.3)).toBe(1);
    expect(binomialTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 10);
    expect(binomialTail(1, 3, 0.5)).toBeCloseTo(7 / 8, 10);
  });
});
