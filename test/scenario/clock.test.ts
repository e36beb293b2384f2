import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { listBuiltIn } from '../../src/scenario/catalog.js';

const HEAD = 'schema: 1\nname: t\ntitle: T\ndescription: d\n';

describe('the clock: a round is a month', () => {
  it('reads a clock and keeps it on the scenario', () => {
    expect(parseScenario(`${HEAD}clock:\n  round: month\n  firstMonth: "2022-01"\n`, 'c.yaml').clock).toEqual({ round: 'month', firstMonth: '2022-01' });
    expect(parseScenario(`${HEAD}clock: { round: month }\n`, 'c.yaml').clock).toEqual({ round: 'month' });
    expect(parseScenario(HEAD, 'c.yaml').clock).toBeUndefined();
  });

  it.each([
    ['a round that is not a month', 'clock:\n  round: week\n', /^c\.yaml:6:3: clock\.round is "week"; a round is a month\. Fix: set 'round: month'\./],
    ['a month written wrong', 'clock:\n  round: month\n  firstMonth: "2022-1"\n', /^c\.yaml:7:3: clock\.firstMonth is "2022-1"; it must be a month written YYYY-MM/],
    ['an unknown clock field', 'clock:\n  round: month\n  firstMnth: "2022-01"\n', /^c\.yaml:7:3: unknown field 'firstMnth' in clock\. Did you mean 'firstMonth'\? Allowed: round, firstMonth\./],
  ])('refuses %s on one line naming the place and the fix', (_w, body, expected) => {
    let msg = '';
    try {
      parseScenario(HEAD + body, 'c.yaml');
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(expected);
    expect(msg.split('\n')).toHaveLength(1);
  });

  it('every shipped crisis year has a 12-month clock starting in its January; the baseline has no date', () => {
    const clocks = Object.fromEntries(listBuiltIn().map((s) => [s.name, s.clock?.firstMonth ?? null]));
    expect(clocks).toMatchObject({ '2020': '2020-01', '2022': '2022-01', '2023': '2023-01', baseline: null });
    for (const s of listBuiltIn().filter((x) => x.clock?.firstMonth)) expect(s.params.rounds).toBe(12);
  });
});
