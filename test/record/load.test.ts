import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input-error.js';
import { computeMoments } from '../../src/analysis/moments.js';
import { loadRecord, parseCsv, parseRecord, recordWindow, recordYears } from '../../src/record/load.js';

const HEAD = 'date,kind,subtype,count,detail,source,uncertainty\n';
const row = (date: string, kind = 'launch', subtype = 'short', count = '1') => `${date},${kind},${subtype},${count},two missiles east,CNS database,\n`;

function errorOf(text: string): string {
  try {
    parseRecord(text, 'data/record/x.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const msg = (e as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    return msg;
  }
  throw new Error('expected the record to be refused');
}

describe('record files that are refused, with file, line and fix', () => {
  it.each([
    ['a wrong header', 'date,kind\n', /^data\/record\/x\.csv:1: the header .* Fix: the first line must be date,kind,subtype/],
    ['a malformed row (too few fields)', HEAD + '2016-01-06,nuclear_test,underground,1\n', /^data\/record\/x\.csv:2: 4 fields, expected 7/],
    ['an unknown kind', HEAD + row('2016-01-06', 'lunch'), /^data\/record\/x\.csv:2: kind 'lunch' is not one of launch, nuclear_test.* Fix:/],
    ['a launch of an unknown type', HEAD + row('2016-01-06', 'launch', 'rocket'), /:2: subtype 'rocket' is not one of short, medium, icbm, slbm, satellite, cruise for kind launch/],
    ['a bad date', HEAD + row('2016-13-06'), /:2: date '2016-13-06': date must be YYYY-MM-DD.* Fix: e\.g\. 2017-09-03/],
    ['a count of zero', HEAD + row('2016-01-06', 'launch', 'short', '0'), /:2: count '0' must be a whole number from 1 to 1000/],
    ['a count that is not a number', HEAD + row('2016-01-06', 'launch', 'short', 'many'), /:2: count 'many'/],
    ['an empty source', HEAD + '2016-01-06,launch,short,1,two missiles,,\n', /:2: source is empty\. Fix: every row says what happened and its public source/],
    ['a date out of order', HEAD + row('2016-03-01') + row('2016-02-20'), /^data\/record\/x\.csv:3: 2016-02-20 comes before the row above it \(2016-03-01\)\. Fix: keep the rows in date order/],
    ['a day out of order within a month', HEAD + row('2016-03-09') + row('2016-03') + row('2016-03-02'), /:4: 2016-03-02 comes before/],
    ['a year the record does not cover', HEAD + row('1998-08-31'), /:2: 1998-08-31 is outside the years the record covers \(2006-2024\)/],
    ['an unclosed quote', HEAD + '2016-01-06,launch,short,1,"two missiles,CNS,\n', /:\d+: a quoted field is never closed/],
  ])('%s', (_what, text, expected) => {
    expect(errorOf(text)).toMatch(expected);
  });

  it('accepts a month without a day, quoted commas and a month-only row among dated ones', () => {
    const rows = parseRecord(HEAD + row('2016-03-02') + row('2016-03') + '2016-03-09,unsc_vote,china_backed,1,"sanctions, wider",UN resolution 2270 (2016),\n', 'x.csv');
    expect(rows.map((r) => [r.month, r.kind, r.detail])).toEqual([
      ['2016-03', 'launch', 'two missiles east'],
      ['2016-03', 'launch', 'two missiles east'],
      ['2016-03', 'unsc_vote', 'sanctions, wider'],
    ]);
    expect(rows[2]!.place).toBe('x.csv:4');
  });

  it('parses quoted fields with doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b ""c"", d",e\n"x\ny",z\n', 'f')).toEqual([
      ['a', 'b "c", d', 'e'],
      ['x\ny', 'z'],
    ]);
  });

  it('refuses a folder without a record, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-'));
    expect(() => loadRecord(dir)).toThrow(/no \.csv files\. Fix:/);
    writeFileSync(join(dir, 'a.csv'), HEAD + row('2016-01-06', 'lunch'));
    expect(() => loadRecord(dir)).toThrow(/a\.csv:2: kind 'lunch'/);
  });
});

describe('the record as monthly series', () => {
  const text =
    HEAD +
    row('2017-02-11', 'launch', 'medium', '1') +
    row('2017-03-05', 'launch', 'medium', '4') +
    row('2017-03-21', 'launch', 'short', '1') +
    row('2017-09-03', 'nuclear_test', 'underground', '1') +
    row('2017-09-03', 'china_statement', 'opposes_test', '1') +
    row('2017-09-11', 'unsc_vote', 'china_backed', '1') +
    row('2018-04-20', 'freeze', 'test_moratorium', '1');
  const events = parseRecord(text, 'x.csv');

  it('lays events on the months of a window', () => {
    const s = recordWindow(events, '2017-01');
    expect(s.map((m) => m.month)).toEqual(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06', '2017-07', '2017-08', '2017-09', '2017-10', '2017-11', '2017-12']);
    expect(s[2]!.launches).toEqual({ short: 1, medium: 4, icbm: 0, slbm: 0, satellite: 0 });
    expect(s[8]).toMatchObject({ nuclearTests: 1, testsAgainstBeijing: 1, chinaBacksSanctions: 1 });
    const across = recordWindow(events, '2017-09');
    expect(across[0]!.month).toBe('2017-09');
    expect(across[7]).toMatchObject({ month: '2018-04', dealsReached: 1 });
  });

  it('refuses a window outside the record', () => {
    expect(() => recordWindow(events, '2024-06')).toThrow(/2024-06\.\.2025-05 fall outside the record/);
  });

  it('reads the shipped record: every year 2006-2024, the six nuclear tests, each answered by a resolution Beijing backed', () => {
    const years = recordYears(loadRecord());
    expect([...years.keys()]).toEqual(Array.from({ length: 19 }, (_, i) => 2006 + i));
    const all = [...years.values()];
    const nuclear = all.flatMap((s) => s.filter((m) => m.nuclearTests > 0).map((m) => m.month));
    expect(nuclear).toEqual(['2006-10', '2009-05', '2013-02', '2016-01', '2016-09', '2017-09']);
    const v = computeMoments(all);
    expect(v['sanctions.afterNuclear']).toBe(1);
    expect(v['nuclear.againstBeijing']).toBe(1);
    // The busiest launch years stand out: 2022 has more test months than 2018 (the freeze) has any.
    expect(computeMoments([years.get(2022)!])['months.anyTest']).toBeGreaterThan(0.75);
    expect(computeMoments([years.get(2018)!])['months.anyTest']).toBe(0);
  });
});
