import { describe, expect, it } from 'vitest';
import type { RobustnessReport } from '../../src/analysis/robustness.js';
import { robustness } from '../../src/analysis/robustness.js';
import { runBatch } from '../../src/engine/batch/batch.js';
import { METRICS, meanInterval } from '../../src/engine/batch/stats.js';
import { resolveScenario as resolveShipped } from '../../src/scenario/catalog.js';
import { issue13Scenario } from '../fixtures/dynamics/off.js';

// The issue-13 mechanisms and the conclusions as that model drew them, with issue 19's
// dynamics switched off (test/fixtures/dynamics/off.ts says why).
const resolveScenario = (name: string) => issue13Scenario(resolveShipped(name));
import { parseScenario } from '../../src/scenario/load.js';
import { handoutMarkdown } from '../../src/cli/commands/explain.js';

// Fidelity: the model must keep encoding the argument. Each check would fail if the rules
// behind it were removed or reversed. Seeds are fixed; runs are enough for tight intervals.

const RUNS = 3000;
const run = { workers: 2 };
const stat = (acc: { metrics: unknown[] }, key: string) => meanInterval(acc.metrics[METRICS.findIndex((m) => m.key === key)] as never);

function verdict(r: RobustnessReport, variant: string, conclusion: string) {
  return r.rows.find((x) => x.variant === variant)!.results.find((x) => x.conclusion === conclusion)!;
}

describe("the columns' conclusions hold in the calibrated scenarios", () => {
  // Issue 13: the conclusion must hold in 2022 and 2023. In 2020 (a detente, tension below
  // what Beijing can sell) the appeaser is never asked to pay and its open door settles; that
  // is reported by `leverage calibrate`, not tuned away.
  it.each(['2022', '2023'])("%s: the columns' advice beats the appeaser on the US payoff, intervals apart", async (name) => {
    const s = resolveScenario(name);
    const profiles = ['columns', 'appeaser'].map((us) => ({ us, china: s.strategies.china ?? 'opportunist', kim: 'regimeFirst' }));
    const [cols, app] = await runBatch({ command: 'fidelity', seed: '1', runs: RUNS, scenarios: [s], profiles }, run);
    const a = stat(cols!.acc, 'payoffUs');
    const b = stat(app!.acc, 'payoffUs');
    expect(a.low).toBeGreaterThan(b.high);
  });

  it("China's pressure pays more after US concessions: a paying US hands China more", async () => {
    const s = resolveScenario('baseline');
    const profiles = ['appeaser', 'sanctioner'].map((us) => ({ us, china: 'opportunist', kim: 'regimeFirst' }));
    const [pay, refuse] = await runBatch({ command: 'fidelity', seed: '2', runs: RUNS, scenarios: [s], profiles }, run);
    // Issue 13: after recalibration a payer no longer meets more pressure moves in the
    // baseline (bought restraint keeps tension below what can be sold; reported, not tuned);
    // what China is handed still rises.
    expect(stat(pay!.acc, 'concessions').low).toBeGreaterThan(0);
    expect(stat(pay!.acc, 'payoffChina').low).toBeGreaterThan(stat(refuse!.acc, 'payoffChina').high);
  });
});

describe('where the conclusions stop following', () => {
  let report: RobustnessReport;
  it('runs the baseline with C1, C8 and C10 switched off, and played once', async () => {
    report = await robustness(resolveScenario('baseline'), '3', RUNS, run, ['C1', 'C8', 'C10']);
    // Issue 13: in the recalibrated baseline buying restraint, or asking for it, is close to
    // break-even against the pure sanctioner (dontConcede and dontAskBeijing are reported by
    // leverage calibrate and robustness, not tuned); both hold in 2023 (below).
    for (const c of ['exposeAndPressure', 'chinaGainsUnlessExposed']) {
      expect(verdict(report, 'as-is', c).verdict, c).toBe('holds');
    }
  });

  it("in 2023 don't concede and don't ask Beijing both hold, intervals apart", async () => {
    const r = await robustness(resolveScenario('2023'), '3', RUNS, run, []);
    for (const c of ['dontConcede', 'dontAskBeijing', 'exposeAndPressure', 'chinaGainsUnlessExposed']) {
      expect(verdict(r, 'as-is', c).verdict, c).toBe('holds');
    }
  });

  it('played once, conceding is no longer clearly worse', () => {
    expect(verdict(report, 'one-shot', 'dontConcede').verdict).not.toBe('holds');
  });

  it('without C8 (no learning, no credibility cost), most of the case against conceding goes (2022, where it holds as is)', async () => {
    // Issue 13: measured where "don't concede" holds as is. In the recalibrated baseline it is
    // near break-even as is, and without learning a Kim who never learns that pauses go unpaid
    // keeps selling them to the appeaser, so C8-off there makes paying worse, not better (the
    // old pass there came from regime crises in the sanctioner's games; CALIBRATION.md). What
    // remains without C8 is the price itself (C3), so the verdict may still hold.
    const r = await robustness(resolveScenario('2022'), '3', RUNS, run, ['C8']);
    const asIs = verdict(r, 'as-is', 'dontConcede').effects[0]!.diff;
    const off = verdict(r, 'C8-off', 'dontConcede').effects[0]!.diff;
    expect(asIs).toBeGreaterThan(0);
    expect(off).toBeLessThan(0.6 * asIs);
  });

  it('with China\'s influence small (C1), the leverage game stops paying', async () => {
    const weak = issue13Scenario(parseScenario('schema: 1\nname: weak\ntitle: W\ndescription: d\nassumptions:\n  C1: { chinaInfluence: 0.1 }\n', 'weak.yaml'));
    const r = await robustness(weak, '4', RUNS, run, []);
    expect(verdict(r, 'as-is', 'chinaGainsUnlessExposed').effects[0]!.low).toBeLessThanOrEqual(0);
    expect(verdict(report, 'C1-off', 'chinaGainsUnlessExposed').verdict).not.toBe('holds');
  });

  it('with C10 off, most of what exposure does goes', () => {
    // Issue 13: what is left with C10 off comes from Beijing's stand on sanctions (C11, C12),
    // which also moves its exposure; the exposure channel itself goes.
    const asIs = verdict(report, 'as-is', 'chinaGainsUnlessExposed').effects[1]!;
    const off = verdict(report, 'C10-off', 'chinaGainsUnlessExposed').effects[1]!;
    expect(asIs.low).toBeGreaterThan(0);
    expect(off.diff).toBeLessThan(0.5 * asIs.diff);
  });
});

describe('the Markdown hand-out', () => {
  it("is built from real runs: its one-round numbers are a direct batch's", async () => {
    const s = resolveScenario('baseline');
    const md = await handoutMarkdown(s, '5', 400, { workers: 0 });
    expect(md).toMatch(/^# The leverage argument, step by step/);
    for (let i = 1; i <= 9; i++) expect(md).toMatch(new RegExp(`^## ${i}\\. `, 'm'));
    const once = { ...s, params: { ...s.params, rounds: 1 } };
    const [pay] = await runBatch(
      { command: 'check', seed: '5', runs: 400, scenarios: [{ ...once, source: `${s.source}#one-round` }], profiles: [{ us: 'appeaser', china: 'opportunist', kim: 'regimeFirst' }] },
      { workers: 0 },
    );
    const m = stat(pay!.acc, 'payoffUs');
    expect(md).toContain(`| appeaser (pays) | ${m.mean.toFixed(2)} [${m.low.toFixed(2)}, ${m.high.toFixed(2)}] |`);
  });
});
