import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { Acc } from '../../src/engine/batch/stats.js';
import { resolveProfile, runBatch } from '../../src/engine/batch/batch.js';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { METRICS, meanInterval, proportionInterval } from '../../src/engine/batch/stats.js';
import { OUTCOME_NAMES } from '../../src/model/outcomes.js';
import { fileURLToPath } from 'node:url';
import { resolveScenario as resolveShipped } from '../../src/scenario/catalog.js';
import { issue13Scenario } from '../fixtures/dynamics/off.js';

// The issue-13 mechanisms and the conclusions as that model drew them, with issue 19's
// dynamics switched off (test/fixtures/dynamics/off.ts says why).
const resolveScenario = (name: string) => issue13Scenario(resolveShipped(name));
import { loadScenarioFile } from '../../src/scenario/load.js';

// The stylized facts of issue 13 (scenarios/CALIBRATION.md) as a fidelity suite. Each check
// names the mechanism that carries it: removing or reversing that mechanism fails it.
// A few thousand games per check, two workers.

const RUNS = 2000;
const run = { workers: 2 };
const KIM = 'regimeFirst';
const m = (acc: Acc, key: string) => acc.metrics[METRICS.findIndex((x) => x.key === key)]!;
const share = (acc: Acc, outcome: string) => proportionInterval(acc.outcomes[OUTCOME_NAMES.indexOf(outcome as never)]!, acc.n);
const variant = (name: string, edit: (p: Params) => void) => {
  const s = resolveScenario(name);
  const params = structuredClone(s.params);
  edit(params);
  return { name: `${name}-v`, source: `${s.source}#v`, sha256: s.sha256, params };
};
const as = (name: string) => variant(name, () => {});
const batch = (scenarios: ReturnType<typeof as>[], profiles: { us: string; china: string; kim: string }[], seed = '11') =>
  runBatch({ command: 'calibration-test', seed, runs: RUNS, scenarios, profiles }, run);

describe('war is rare and tension comes in waves (C12: no war on the peninsula since 1953)', () => {
  it.each(['2022', '2023'])('%s: war ends at most 3%% of games under each named US strategy; tension is not pegged', async (name) => {
    const s = as(name);
    const china = resolveScenario(name).strategies.china ?? 'opportunist';
    const us = ['columns', 'exposer', 'sanctioner', 'reciprocator', 'pragmatist', 'asksBeijing', 'appeaser'];
    const cells = await batch([s], us.map((u) => ({ us: u, china, kim: KIM })));
    for (const c of cells) expect(share(c.acc, 'war').p, us[c.profile]).toBeLessThanOrEqual(0.03);
    const cols = cells[0]!.acc;
    // kim-utility.ts (brink damping, prestige cap, lingering war risk) and tensionSettles.
    expect(m(cols, 'roundsAtTop').mean / m(cols, 'rounds').mean).toBeLessThanOrEqual(0.2);
    expect(meanInterval(m(cols, 'anyTensionFall')).mean).toBeGreaterThanOrEqual(0.5);
    expect(meanInterval(m(cols, 'nuclearTests')).mean).toBeLessThanOrEqual(1.1);
  });

  it('a test made at the brink buys less: with kim.brinkDampsPrestige 0, Kim escalates harder and tension runs higher', async () => {
    const on = as('2023');
    const off = variant('2023', (p) => {
      p.kim.brinkDampsPrestige = 0;
    });
    const [a, b] = await batch([on, off], [{ us: 'columns', china: 'covertFirst', kim: KIM }]);
    expect(meanInterval(m(b!.acc, 'rungsTested')).low).toBeGreaterThan(meanInterval(m(a!.acc, 'rungsTested')).high);
    expect(meanInterval(m(b!.acc, 'peakTension')).low).toBeGreaterThan(meanInterval(m(a!.acc, 'peakTension')).high);
  });
});

describe("Kim's dilemma and value weights (C7)", () => {
  it("obeying rises with kim.lifelineDependence (the fear for the lifeline in Kim's utility)", async () => {
    const lo = variant('2022', (p) => (p.kim.lifelineDependence = 0.2));
    const hi = variant('2022', (p) => (p.kim.lifelineDependence = 1));
    const [a, b] = await batch([lo, hi], [{ us: 'columns', china: 'opportunist', kim: KIM }]);
    const obeyed = (acc: Acc) => 1 - m(acc, 'requestsDefied').mean / m(acc, 'requestsMade').mean;
    expect(obeyed(b!.acc)).toBeGreaterThan(obeyed(a!.acc));
  });

  it('a Kim who fears war more escalates less: AI Kims read payoffs.kim.war from the scenario', async () => {
    const base = as('baseline');
    const fearful = variant('baseline', (p) => (p.payoffs.kim.war *= 2));
    const [a, b] = await batch([base, fearful], [{ us: 'columns', china: 'opportunist', kim: KIM }]);
    // It escalates less hard (fewer rungs a game); the count of tests itself need not fall,
    // since a careful Kim trades big tests for small ones (reported by leverage calibrate).
    expect(meanInterval(m(b!.acc, 'rungsTested')).high).toBeLessThan(meanInterval(m(a!.acc, 'rungsTested')).low);
  });
});

describe('exposure is earned and makes Beijing careful (C4, C5, C10)', () => {
  it('exposing a China that never asks rarely ends the leverage game', async () => {
    const [c] = await batch([as('baseline')], [{ us: 'exposer', china: 'restrained', kim: KIM }]);
    expect(share(c!.acc, 'leverageExposed').p).toBeLessThanOrEqual(0.05);
  });

  it("exposure of 0.6 cuts an opportunist China's requests by at least 30%; with pressure.exposureDeters 0 it does not", async () => {
    const rate = (acc: Acc) => m(acc, 'requestsMade').mean / m(acc, 'rounds').mean;
    const lo = as('baseline');
    const hi = variant('baseline', (p) => (p.start.exposure = 0.6));
    const hiOff = variant('baseline', (p) => {
      p.start.exposure = 0.6;
      p.pressure.exposureDeters = 0;
    });
    const [a, b, c] = await batch([lo, hi, hiOff], [{ us: 'sanctioner', china: 'opportunist', kim: KIM }]);
    expect(rate(b!.acc)).toBeLessThanOrEqual(0.7 * rate(a!.acc));
    expect(rate(c!.acc)).toBeGreaterThan(0.9 * rate(a!.acc));
  });
});

describe('China and sanctions; every ending reachable (C7, C11)', () => {
  it('Beijing backing sanctions against a sanctioning US, and squeezing a Kim who defies it, can bring on a regime crisis; the opportunist much less', async () => {
    const [backed, opportunist] = await batch([as('2020')], [
      { us: 'sanctioner', china: 'enforcer', kim: 'independent' },
      { us: 'sanctioner', china: 'opportunist', kim: 'independent' },
    ]);
    expect(share(backed!.acc, 'regimeCrisis').p).toBeGreaterThanOrEqual(0.01);
    expect(share(opportunist!.acc, 'regimeCrisis').p).toBeLessThan(share(backed!.acc, 'regimeCrisis').p);
  });

  it.each(['2022', 'baseline'])('%s: against the opportunist a regime crisis is rare: at most 5 percent of games under each named US strategy', async (name) => {
    const us = ['columns', 'sanctioner', 'pragmatist', 'reciprocator', 'asksBeijing'];
    const cells = await batch([as(name)], us.map((u) => ({ us: u, china: 'opportunist', kim: KIM })));
    for (const c of cells) expect(share(c.acc, 'regimeCrisis').p, us[c.profile]).toBeLessThanOrEqual(0.05);
  });

  it("2022: it is the regime's entrenched hold and Kim's care for its survival that keep crises rare", async () => {
    const us = ['columns', 'sanctioner', 'pragmatist'];
    const worst = async (edit: (p: Params) => void) => {
      const cells = await batch([variant('2022', edit)], us.map((u) => ({ us: u, china: 'opportunist', kim: KIM })));
      return Math.max(...cells.map((c) => share(c.acc, 'regimeCrisis').p));
    };
    // kim.entrenchedStanding (sanctionsBite): without it standing only ever fades, and a quiet
    // Kim loses his grip at home by the round limit.
    expect(await worst((p) => (p.kim.entrenchedStanding = 0))).toBeGreaterThan(0.1);
    // kim.regimeDangerMargin (kimMoveUtility): without it the pragmatist's Kim keeps refusing Xi
    // while the lifeline is squeezed, and the regime cracks.
    expect(await worst((p) => (p.kim.regimeDangerMargin = 0))).toBeGreaterThan(0.1);
  });

  it('on variant scenarios the calibration was not tuned on (2017 maximum pressure, 2018 summits, a Kim less dependent on China), a regime crisis stays at most 5 percent of games under each one\'s own China', async () => {
    const dir = fileURLToPath(new URL('../fixtures/variants/', import.meta.url));
    for (const file of ['2017-maximum-pressure.yaml', '2018-summits.yaml', 'low-dependence.yaml']) {
      const s = issue13Scenario(loadScenarioFile(dir + file));
      const us = ['columns', 'sanctioner', 'pragmatist', 'reciprocator'];
      const cells = await batch([{ name: s.name, source: s.source, sha256: s.sha256, params: s.params }], us.map((u) => ({ us: u, china: s.strategies.china ?? 'opportunist', kim: KIM })));
      for (const c of cells) expect(share(c.acc, 'regimeCrisis').p, `${file} ${us[c.profile]}`).toBeLessThanOrEqual(0.05);
    }
  });

  it("China's open lifeline sustains a sanctioned economy (kim.lifelineSustains): without it the economy ends lower and a defiant Kim cracks more often", async () => {
    const on = as('2022');
    const off = variant('2022', (p) => (p.kim.lifelineSustains = 0));
    const [a, b] = await batch([on, off], [{ us: 'sanctioner', china: 'opportunist', kim: 'independent' }]);
    expect(share(b!.acc, 'regimeCrisis').low).toBeGreaterThan(share(a!.acc, 'regimeCrisis').high);
  });

  it('a US that keeps the door open settles at least 5 percent of games in two scenarios (the pragmatist, 2020 and 2022); with standing that only fades, regime crises end the 2022 games first', async () => {
    const [a] = await batch([as('2020')], [{ us: 'pragmatist', china: 'covertFirst', kim: KIM }]);
    const [b, c] = await batch([as('2022'), variant('2022', (p) => (p.kim.entrenchedStanding = 0))], [{ us: 'pragmatist', china: 'opportunist', kim: KIM }]);
    expect(share(a!.acc, 'settlement').p).toBeGreaterThanOrEqual(0.05);
    expect(share(b!.acc, 'settlement').p).toBeGreaterThanOrEqual(0.05);
    expect(share(c!.acc, 'settlement').p).toBeLessThan(0.5 * share(b!.acc, 'settlement').p);
    expect(share(c!.acc, 'regimeCrisis').p).toBeGreaterThan(0.1);
  });

  it("C1 in 2020: the US's starting estimate of China's sway (0.3 v 0.9) changes the course of at least 10 percent of the asker's games", () => {
    const s = resolveScenario('2020');
    const profile = resolveProfile({ us: 'asksBeijing', china: 'covertFirst', kim: KIM });
    const at = (x: number) => {
      const p = structuredClone(s.params);
      p.start.usEstimateOfInfluence = x;
      return p;
    };
    const lo = at(0.3);
    const hi = at(0.9);
    let changed = 0;
    const n = 500;
    for (let g = 0; g < n; g++) {
      const a: string[] = [];
      const b: string[] = [];
      playFast(lo, s.name, '11', g, profile, (m) => a.push(m));
      playFast(hi, s.name, '11', g, profile, (m) => b.push(m));
      if (a.join() !== b.join()) changed++;
    }
    expect(changed / n).toBeGreaterThanOrEqual(0.1);
  });

  it('chips are a price China names (C3): an appeaser concedes chips in 2023', async () => {
    const [c] = await batch([as('2023')], [{ us: 'appeaser', china: 'covertFirst', kim: KIM }]);
    expect(meanInterval(m(c!.acc, 'concededChips')).low).toBeGreaterThan(0);
  });
});
