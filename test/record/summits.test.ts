import { describe, expect, it } from 'vitest';
import type { MoveName } from '../../src/model/moves.js';
import { seriesFromMoves } from '../../src/analysis/series.js';
import { momentById, momentInterval } from '../../src/analysis/moments.js';
import { loadRecord, recordYears } from '../../src/record/load.js';

// Summits with Beijing (issue 19, item 3, C7), counted the same way on the record's years
// and on a simulated game's months.

describe('summits with Beijing a year', () => {
  const summits = momentById('summits.beijing');

  it("counts only the record's Kim-Xi summits: three in 2018 (not Moon's or Trump's), none in 2017 or 2022", () => {
    const years = recordYears(loadRecord());
    expect(summits.compute([years.get(2018)!])).toBe(3);
    expect(summits.compute([years.get(2017)!])).toBe(0);
    expect(summits.compute([years.get(2022)!])).toBe(0);
    expect(years.get(2018)!.reduce((n, m) => n + (m.summits ?? 0), 0)).toBeGreaterThan(3);
    const t = momentInterval(summits, [years.get(2018)!]);
    expect(t.lo).toBeGreaterThan(0);
    expect(t.hi).toBeGreaterThan(3);
  });

  it('counts a game\'s courtBeijing moves in the month they were made', () => {
    const round = (kim: MoveName): MoveName[] => ['chinaWaits', kim, 'usWaits'];
    const s = seriesFromMoves([...round('holdTests'), ...round('courtBeijing'), ...round('holdTests'), ...round('courtBeijing')]);
    expect(s.map((m) => m.summitsWithBeijing)).toEqual([0, 1, 0, 1]);
    expect(summits.compute([s])).toBe(6); // two in four months: six a year
  });
});
