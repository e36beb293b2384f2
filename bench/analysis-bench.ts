// The analysis commands (sensitivity, discover, equilibria) against a plain batch of the same
// cells: how much their own work (designs, summaries, solving the table) costs beyond playing
// the games, and whether both cores help them as they help a batch. Issue 22, item 6.
import type { BatchScenario, BatchSpec, ProfileIds } from '../src/engine/batch/batch.js';
import type { Factor } from '../src/analysis/sensitivity.js';
import { runBatch } from '../src/engine/batch/batch.js';
import { makeRng } from '../src/rng/rng.js';
import { resolveScenario } from '../src/scenario/catalog.js';
import { parseFactor, scenarioAt, sobolSensitivity } from '../src/analysis/sensitivity.js';
import { discover } from '../src/analysis/discover.js';
import { equilibria } from '../src/analysis/equilibria-report.js';
import { designPoints, saltelliDesign } from '../src/analysis/gsa/sobol.js';
import { latinHypercube } from '../src/analysis/gsa/latin.js';
import { strategyIds } from '../src/strategies/registry.js';

const fmt = (x: number, d = 2) => x.toFixed(d);

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

interface Case {
  name: string;
  games: number;
  analysis: (workers: number) => Promise<unknown>;
  plain: (workers: number) => Promise<unknown>;
}

export async function benchAnalysis(): Promise<void> {
  const s = resolveScenario('2022');
  const base = { name: s.name, source: s.source, sha256: s.sha256, params: s.params };
  const seed = 'bench';
  const profile: ProfileIds = { us: 'columns', china: s.strategies.china ?? 'opportunist', kim: s.strategies.kim ?? 'regimeFirst' };
  const versus = { kind: 'versus' as const, plus: profile, minus: { ...profile, us: 'appeaser' } };
  const factors: Factor[] = ['payoffs.us.credibility', 'start.chinaInfluence', 'C10', 'luck'].map((p) => parseFactor(p, s.params));
  const plainOf = (scenarios: BatchScenario[], profiles: ProfileIds[], runs: number) => (workers: number) => {
    const spec: BatchSpec = { command: 'bench', seed, runs, scenarios, profiles };
    return runBatch(spec, { workers });
  };
  const n = 32;
  const runs = 200;
  const sobolPoints = designPoints(saltelliDesign(factors.length, n, makeRng(`sensitivity|design|${seed}`, 'chance'))).map((u) => scenarioAt(base, factors, u));
  const discFactors = factors.slice(0, 3);
  const discPoints = latinHypercube(discFactors.length, 200, makeRng(`discover|design|${seed}`, 'chance')).map((u) => scenarioAt(base, discFactors, u));
  const all = { us: strategyIds('us').filter((x) => x !== 'usRandom'), china: strategyIds('china').filter((x) => x !== 'chinaRandom'), kim: strategyIds('kim').filter((x) => x !== 'kimRandom') };
  const table: ProfileIds[] = all.us.flatMap((us) => all.china.flatMap((china) => all.kim.map((kim) => ({ us, china, kim }))));
  const cases: Case[] = [
    { name: `sensitivity (Sobol, ${factors.length} factors, n ${n})`, games: sobolPoints.length * 2 * runs, analysis: (w) => sobolSensitivity(base, factors, versus, n, seed, runs, { workers: w }), plain: plainOf(sobolPoints, [versus.plus, versus.minus], runs) },
    { name: 'discover (PRIM, 200 points)', games: discPoints.length * 2 * runs, analysis: (w) => discover(base, discFactors, versus.plus, versus.minus, 'bench', 200, seed, runs, { workers: w }), plain: plainOf(discPoints, [versus.plus, versus.minus], runs) },
    { name: `equilibria (${table.length} profiles)`, games: table.length * 500, analysis: (w) => equilibria(base, all, seed, 500, { workers: w }), plain: plainOf([base], table, 500) },
  ];
  console.log('analysis commands against a plain batch of the same cells (2022; each timed once per worker count, plain first)');
  for (const c of cases) {
    const r: Record<number, { plain: number; analysis: number }> = {};
    for (const w of [1, 2]) r[w] = { plain: await timed(() => c.plain(w)), analysis: await timed(() => c.analysis(w)) };
    const one = r[1] as { plain: number; analysis: number };
    const two = r[2] as { plain: number; analysis: number };
    console.log(`  ${c.name.padEnd(44)} ${fmt(c.games / one.analysis / 1e3, 1).padStart(7)} k games/s (plain ${fmt(c.games / one.plain / 1e3, 1)})   vs plain ${fmt(one.plain / one.analysis)}x (target >= 0.8x)   2 workers / 1 ${fmt(one.analysis / two.analysis)}x (target >= 1.8x)`);
  }
}
