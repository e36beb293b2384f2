import { describe, expect, it } from 'vitest';
import type { MonthRow, Series } from '../../src/analysis/moments.js';
import {
  coefficientOfVariation,
  computeMoments,
  hasBuildUpThenDecline,
  longestQuietRun,
  momentById,
  momentInterval,
  poissonInterval,
  recordTargets,
  testGaps,
  topRung,
  wilsonInterval,
} from '../../src/analysis/moments.js';
import { emptyMonth } from '../../src/record/month-row.js';

// Hand-made years with known answers: each moment is computed on a series where the
// answer can be worked out by hand, and on a changed series where it must differ.

/** A year from a string of monthly top rungs: '.' quiet, 1-3 a launch on that rung, 'n' a nuclear test. */
function year(pattern: string, extra: Partial<Record<number, Partial<MonthRow>>> = {}): Series {
  return [...pattern].map((c, i) => {
    const m = emptyMonth(`r${i + 1}`);
    if (c === '1') m.launches.short = 1;
    if (c === '2') m.launches.medium = 2;
    if (c === '3') m.launches.icbm = 1;
    if (c === 'n') m.nuclearTests = 1;
    return { ...m, ...extra[i] };
  });
}

describe('moments on hand-made years', () => {
  it('reads the month top rung, satellites and SLBMs on the ladder', () => {
    const m = emptyMonth('2016-02');
    expect(topRung(m)).toBe(0);
    m.launches.slbm = 1;
    expect(topRung(m)).toBe(2);
    m.launches.satellite = 1;
    expect(topRung(m)).toBe(3);
    m.nuclearTests = 1;
    expect(topRung(m)).toBe(4);
  });

  it('counts test months a year by rung, not missiles', () => {
    const y = year('1.1.22..3..n');
    const v = computeMoments([y]);
    expect(v['months.rung1']).toBe(2);
    expect(v['months.rung2']).toBe(2); // two months of two missiles each: two test months
    expect(v['months.rung3']).toBe(1);
    expect(v['nuclear.perYear']).toBe(1);
    expect(v['months.anyTest']).toBeCloseTo(6 / 12);
    // Two years average: a quiet year halves the rates.
    expect(computeMoments([y, year('............')])['months.rung1']).toBe(1);
  });

  it('measures gaps, their spread and the longest quiet run', () => {
    const even = year('1..1..1..1..');
    expect(testGaps([even])).toEqual([3, 3, 3]);
    expect(coefficientOfVariation(testGaps([even]))).toBe(0);
    const bursty = year('111.......1.');
    expect(testGaps([bursty])).toEqual([1, 1, 8]);
    // mean 10/3, population SD sqrt(98/9): CV = sqrt(98)/10.
    expect(coefficientOfVariation([1, 1, 8])).toBeCloseTo(Math.sqrt(98) / 10, 6);
    expect(momentById('gaps.cv').compute([bursty])).toBeGreaterThan(momentById('gaps.cv').compute([even]));
    expect(longestQuietRun(bursty)).toBe(7);
    expect(longestQuietRun(even)).toBe(2);
    expect(momentById('quiet.longest').compute([bursty, even])).toBe(4.5);
    expect(momentById('gaps.cv').compute([year('1...........')])).toBeNaN();
  });

  it('finds a build-up then decline only when the rung rises twice and later falls', () => {
    expect(hasBuildUpThenDecline(year('123.........'))).toBe(true);
    expect(hasBuildUpThenDecline(year('.12n3.......'))).toBe(true);
    expect(hasBuildUpThenDecline(year('123333333333'))).toBe(false); // never falls
    expect(hasBuildUpThenDecline(year('2.2.2.2.2.2.'))).toBe(false); // rises one month at a time
    expect(hasBuildUpThenDecline(year('.12.........'))).toBe(true); // from a quiet month, up two rungs, then quiet
    expect(momentById('buildup.share').compute([year('123.........'), year('............')])).toBe(0.5);
  });

  it('counts deals and collapses per decade', () => {
    const y = year('............', { 1: { dealsReached: 1 }, 8: { dealsCollapsed: 1 } });
    expect(momentById('deals.reached').compute([y])).toBe(10);
    expect(momentById('deals.collapsed').compute([y, year('............')])).toBe(5);
  });

  it("reads Beijing's stance on nuclear tests and in rivalry", () => {
    const answered = year('n...n.......', { 0: { testsAgainstBeijing: 1, chinaBacksSanctions: 1 }, 4: { testsAgainstBeijing: 0 } });
    expect(momentById('nuclear.againstBeijing').compute([answered])).toBe(0.5);
    expect(momentById('sanctions.afterNuclear').compute([answered])).toBe(0.5);
    const late = year('n...........', { 3: { chinaBacksSanctions: 1 } });
    const tooLate = year('n...........', { 4: { chinaBacksSanctions: 1 } });
    expect(momentById('sanctions.afterNuclear').compute([late])).toBe(1);
    expect(momentById('sanctions.afterNuclear').compute([tooLate])).toBe(0);
    const rivalry = year('............', { 2: { chinaBacksSanctions: 1 }, 4: { chinaBlocksSanctions: 1 }, 9: { chinaBlocksSanctions: 1 } });
    expect(momentById('sanctions.blockShare').compute([rivalry])).toBeCloseTo(2 / 3);
    expect(momentById('sanctions.blockShare').compute([year('............')])).toBeNaN();
  });
});

describe('two-sided intervals from the record', () => {
  it('gives the exact Poisson interval', () => {
    const [lo0, hi0] = poissonInterval(0);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(3.689, 2);
    const [lo, hi] = poissonInterval(10);
    expect(lo).toBeCloseTo(4.795, 2);
    expect(hi).toBeCloseTo(18.39, 1);
  });

  it('gives the Wilson interval', () => {
    const [lo, hi] = wilsonInterval(6, 12);
    expect(lo).toBeCloseTo(0.254, 2);
    expect(hi).toBeCloseTo(0.746, 2);
  });

  it('brackets the value, and narrows with more years', () => {
    const y = year('1.2..1.3...1');
    const one = momentInterval(momentById('months.rung1'), [y]);
    const four = momentInterval(momentById('months.rung1'), [y, y, y, y]);
    expect(one.lo).toBeLessThan(one.value);
    expect(one.hi).toBeGreaterThan(one.value);
    expect(four.value).toBe(one.value);
    expect(four.hi - four.lo).toBeLessThan(one.hi - one.lo);
    const boot = momentInterval(momentById('quiet.longest'), [year('1..........1'), year('111111111111'), year('1.....1.....')]);
    expect(boot.lo).toBeLessThanOrEqual(boot.value);
    expect(boot.hi).toBeGreaterThanOrEqual(boot.value);
    expect(boot.hi).toBeGreaterThan(boot.lo);
  });

  it('gives a target per defined moment for the years asked, and none for an undefined one', () => {
    const record = new Map<number, Series>([
      [2001, year('1.2..1.3...1')],
      [2002, year('............')],
    ]);
    const t = recordTargets(record, [2001, 2002]);
    expect(t.find((x) => x.momentId === 'months.rung1')).toMatchObject({ years: [2001, 2002], value: 1.5 });
    expect(t.find((x) => x.momentId === 'nuclear.againstBeijing')).toBeUndefined();
    for (const x of t) expect(x.lo).toBeLessThanOrEqual(x.hi);
    expect(() => recordTargets(record, [1999])).toThrow(/no year 1999/);
  });
});
