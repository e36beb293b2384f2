import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { Evaluate, ItemStatus } from '../../src/analysis/knife-edges.js';
import { defaultKnifeEdgeParams, factState, findKnifeEdges, flipSentence, knifeEdges, parseKnifeEdgeParams, targetLine } from '../../src/analysis/knife-edges.js';
import { InputError } from '../../src/input-error.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// Issue 19 item 6: how far a parameter moves before a verdict flips. First the search on
// verdicts whose line is known exactly (so where the flip must be found is known), then on
// real games: a regime that cannot survive a threshold above its own starting economy, a
// weight that changes no move, and the same report for any number of workers.

const base = (): Params => structuredClone(resolveScenario('2022').params);

/** A fact that passes while `read(params)` stays below `line`, with an interval of +-`half` around it. */
function lineFact(read: (p: Params) => number, line: number, half = 0): Evaluate {
  return async (settings) =>
    settings.map((s): ItemStatus[] => {
      const x = read(s.params);
      return [{ kind: 'fact', id: 'synthetic', label: `stays below ${line}`, state: x + half < line ? 'pass' : x - half >= line ? 'fail' : 'undecided', value: x, low: x - half, high: x + half }];
    });
}

describe('knife edges: the search', () => {
  it('finds a flip by bisection on a log scale, bracketing the known line to within 2^(1/16)', async () => {
    const p = base();
    p.kim.testCost = 0.2;
    let calls = 0;
    const evaluate: Evaluate = async (s, replicate) => {
      calls++;
      return lineFact((q) => q.kim.testCost, 0.31)(s, replicate);
    };
    const r = await findKnifeEdges(p, ['kim.testCost'], evaluate, { steps: 4 });
    const e = r.params[0]!;
    expect(e.down.result).toBe('none');
    expect(e.up.result).toBe('flips');
    const f = e.up.flip!;
    expect(f.safe).toBeLessThan(0.31);
    expect(f.at).toBeGreaterThanOrEqual(0.31);
    expect(f.at / f.safe).toBeCloseTo(2 ** (1 / 16), 6);
    expect(f.factor).toBeCloseTo(f.at / 0.2, 9);
    expect(f.items.map((c) => [c.id, c.from, c.to])).toEqual([['synthetic', 'pass', 'fail']]);
    // The shipped values, both ends in one round, one round per step, then the check on fresh seeds.
    expect(calls).toBe(1 + 1 + 4 + 1);
    expect(flipSentence(e, e.up)[0]).toMatch(/^the fact synthetic fails \(stays below 0\.31\) when kim\.testCost rises to 0\.3\d* \(shipped 0\.2, x1\.\d+; not yet at 0\.\d+\)$/);
  });

  it('names the verdicts that flip only further out, by the end', async () => {
    const p = base();
    p.kim.testCost = 0.2;
    const near = lineFact((q) => q.kim.testCost, 0.31);
    const far = lineFact((q) => q.kim.testCost, 0.39);
    const evaluate: Evaluate = async (s, r) => {
      const [a, b] = [await near(s, r), await far(s, r)];
      return a.map((x, i) => [...x, { ...b[i]![0]!, id: 'further' }]);
    };
    const e = (await findKnifeEdges(p, ['kim.testCost'], evaluate)).params[0]!;
    expect(e.up.flip!.items.map((c) => c.id)).toEqual(['synthetic']);
    expect(e.up.alsoAtEnd!.map((c) => [c.id, c.to])).toEqual([['further', 'fail']]);
  });

  it('does not count a flip that fresh seeds do not repeat', async () => {
    const p = base();
    p.kim.testCost = 0.2;
    // The search's seeds put the line at 0.31; fresh seeds (replicate 1) put it beyond double.
    const evaluate: Evaluate = (s, replicate) => lineFact((q) => q.kim.testCost, replicate ? 0.5 : 0.31)(s, replicate);
    const e = (await findKnifeEdges(p, ['kim.testCost'], evaluate)).params[0]!;
    expect(e.up.result).toBe('unconfirmed');
    expect(e.up.flip!.items).toEqual([]);
    expect(e.up.flip!.unconfirmed.map((c) => c.id)).toEqual(['synthetic']);
    expect(flipSentence(e, e.up)).toEqual([]);
  });

  it('reports no flip when the line lies outside x0.5..x2', async () => {
    const p = base();
    p.kim.testCost = 0.2;
    const r = await findKnifeEdges(p, ['kim.testCost'], lineFact((q) => q.kim.testCost, 0.41));
    expect([r.params[0]!.down.result, r.params[0]!.up.result]).toEqual(['none', 'none']);
    expect(r.params[0]!.up.end).toBeCloseTo(0.4, 12);
  });

  it('calls a straddling interval undecided, never a flip, and does not track a verdict undecided as shipped', async () => {
    const p = base();
    p.kim.testCost = 0.2;
    // At double (0.4) the interval [0.3, 0.5] straddles the line 0.45.
    const wide = await findKnifeEdges(p, ['kim.testCost'], lineFact((q) => q.kim.testCost, 0.45, 0.1));
    expect(wide.params[0]!.up.result).toBe('undecided');
    expect(wide.params[0]!.up.flip).toBeUndefined();
    expect(wide.params[0]!.up.undecided.map((c) => c.to)).toEqual(['undecided']);
    // Shipped 0.2 with +-0.1 against a line at 0.25: undecided from the start.
    const edge = await findKnifeEdges(p, ['kim.testCost'], lineFact((q) => q.kim.testCost, 0.25, 0.1));
    expect(edge.shippedUndecided.map((s) => s.id)).toEqual(['synthetic']);
    expect([edge.params[0]!.down.result, edge.params[0]!.up.result]).toEqual(['none', 'none']);
  });

  it('steps a whole-number field through whole numbers and stops at its bounds', async () => {
    const p = base();
    p.dynamics.incidentRungsToWar = 3;
    const r = await findKnifeEdges(p, ['dynamics.incidentRungsToWar'], lineFact((q) => q.dynamics.incidentRungsToWar, 5));
    const e = r.params[0]!;
    expect(e.up.end).toBe(6);
    expect(e.up.flip).toMatchObject({ at: 5, safe: 4 });
    expect(e.down.end).toBe(2);
    // unwantedTestRung 3 doubled is held at its documented maximum, 5.
    const q = base();
    q.dynamics.unwantedTestRung = 3;
    const u = await findKnifeEdges(q, ['dynamics.unwantedTestRung'], lineFact(() => 0, 1));
    expect(u.params[0]!.up.end).toBe(5);
  });

  it('leaves a parameter shipped at 0 alone: halving and doubling cannot move it', async () => {
    const p = base();
    p.payoffs.china.usStrain = 0;
    let settings = 0;
    const r = await findKnifeEdges(p, ['payoffs.china.usStrain'], async (s, replicate) => {
      settings += s.length;
      return lineFact(() => 0, 1)(s, replicate);
    });
    expect([r.params[0]!.down.result, r.params[0]!.up.result]).toEqual(['fixed', 'fixed']);
    expect(settings).toBe(1);
  });
});

describe('knife edges: verdicts judged on their intervals', () => {
  it("reads the line of each of the battery's target forms", () => {
    expect(targetLine('<= 3% in every cell')).toEqual({ kind: 'below', at: 0.03, strict: false });
    expect(targetLine('>= 30% in every scenario')).toEqual({ kind: 'above', at: 0.3, strict: false });
    expect(targetLine('<= 1 in every scenario')).toEqual({ kind: 'below', at: 1, strict: false });
    expect(targetLine('> 0, interval, in both')).toEqual({ kind: 'above', at: 0, strict: true });
    expect(targetLine('15%..60% in every scenario')).toEqual({ kind: 'between', from: 0.15, to: 0.6 });
    expect(targetLine('rising, ends apart')).toEqual({ kind: 'above', at: 0, strict: true });
    expect(targetLine('lower, intervals apart')).toEqual({ kind: 'below', at: 0, strict: true });
  });

  it('keeps a pass or a fail only with the interval clear of the line', () => {
    const t = '<= 3% in every cell';
    expect(factState({ pass: true, target: t, low: 0, high: 0.02 })).toBe('pass');
    expect(factState({ pass: true, target: t, low: 0.01, high: 0.04 })).toBe('undecided');
    expect(factState({ pass: false, target: t, low: 0.02, high: 0.05 })).toBe('undecided');
    expect(factState({ pass: false, target: t, low: 0.04, high: 0.08 })).toBe('fail');
    const d = '> 0, interval, in both';
    expect(factState({ pass: false, target: d, low: -0.5, high: 0.5 })).toBe('undecided');
    expect(factState({ pass: false, target: d, low: -0.5, high: -0.1 })).toBe('fail');
    // A count of cells that clear a line: a pass stands, too few clearing is not a decided fail.
    const c = '>= 5% (corrected low) in 2';
    expect(factState({ pass: true, target: c, low: NaN, high: NaN })).toBe('pass');
    expect(factState({ pass: false, target: c, low: NaN, high: NaN })).toBe('undecided');
  });
});

describe('knife edges: parameters named by a person', () => {
  it('checks issue 19 dynamics and its named parameters by default', () => {
    const d = defaultKnifeEdgeParams();
    for (const p of ['dynamics.tensionMomentum', 'kim.testCost', 'kim.lifelineDependence', 'kim.tensionDecay', 'payoffs.us.credibility', 'payoffs.china.usStrain', 'payoffs.china.unwantedTests']) expect(d).toContain(p);
    expect(parseKnifeEdgeParams(d)).toEqual(d);
  });

  it('refuses an unknown name with the nearest one, and a per-rung list', () => {
    expect(() => parseKnifeEdgeParams(['kim.testcost'])).toThrow(InputError);
    expect(() => parseKnifeEdgeParams(['kim.testcost'])).toThrow(/--param kim\.testcost: .*Did you mean 'kim\.testCost'\?/);
    expect(() => parseKnifeEdgeParams(['kim.rungTension'])).toThrow(/list of four numbers/);
  });
});

describe('knife edges: on real games', () => {
  it('finds the threshold past which the regime cannot survive its own starting economy', async () => {
    // 2022 with the crisis threshold at 0.3: the economy starts at 0.5, so a threshold above
    // it is a crisis in every game, and "regime crisis at most 5% of games" must fail there.
    const s = resolveScenario('2022');
    s.params.kim.regimeCrisisThreshold = 0.3;
    const r = await knifeEdges([s], { runs: 200, seed: '11', rounds: 12, workers: 0, params: ['kim.regimeCrisisThreshold'], facts: ['ending.regimeCrisis.rare'], conclusions: false });
    const e = r.scenarios[0]!.params[0]!;
    expect(r.scenarios[0]!.shipped.map((x) => [x.id, x.state])).toEqual([['ending.regimeCrisis.rare', 'pass']]);
    expect(e.up.result).toBe('flips');
    expect(e.up.flip!.at).toBeGreaterThan(0.3);
    expect(e.up.flip!.at).toBeLessThanOrEqual(0.5 * 2 ** (1 / 16));
    expect(e.up.flip!.items).toEqual([expect.objectContaining({ id: 'ending.regimeCrisis.rare', from: 'pass', to: 'fail' })]);
  }, 120_000);

  it('finds no flip for a weight that only scores the games', async () => {
    const s = resolveScenario('2022');
    const r = await knifeEdges([s], { runs: 200, seed: '11', rounds: 12, workers: 0, params: ['payoffs.kim.aid'], facts: ['war.perGame', 'kim.holds'], conclusions: false });
    const e = r.scenarios[0]!.params[0]!;
    expect([e.down.result, e.up.result]).toEqual(['none', 'none']);
  }, 120_000);

  it('gives the same report for any number of workers', async () => {
    const s = resolveScenario('2022');
    const o = { runs: 200, seed: '4', rounds: 12, params: ['kim.tensionDecay', 'payoffs.us.credibility'], facts: ['tension.pegged', 'kim.holds'] as const };
    const one = await knifeEdges([s], { ...o, workers: 1 });
    const two = await knifeEdges([s], { ...o, workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.scenarios[0]!.shipped.filter((x) => x.kind === 'conclusion')).toHaveLength(4);
  }, 180_000);
});
