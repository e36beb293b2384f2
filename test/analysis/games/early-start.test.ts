import { describe, expect, it } from 'vitest';
import { runBatch } from '../../../src/engine/batch/batch.js';
import { resolveScenario } from '../../../src/scenario/catalog.js';
import { strategyIds } from '../../../src/strategies/registry.js';
import { tournamentReport } from '../../../src/analysis/reports.js';
import { equilibria, estimatedGame, meanPayoffGame } from '../../../src/analysis/equilibria-report.js';

// equilibria starts its solver thread on the mean payoffs read straight from the cells, before
// the table is summarized; that start is only of use if it is the table estimatedGame builds.
const s = resolveScenario('2022');
const scenario = { name: s.name, source: s.source, sha256: s.sha256, params: s.params };
// Uneven sides, so a wrong stride in the cell index shows.
const strategies = { us: strategyIds('us').filter((x) => x !== 'usRandom').slice(0, 3), china: strategyIds('china').filter((x) => x !== 'chinaRandom').slice(0, 2), kim: strategyIds('kim').filter((x) => x !== 'kimRandom').slice(0, 4) };

describe("equilibria's early start of the solver thread", () => {
  it('reads from the cells the very payoffs estimatedGame reads from the summarized table', async () => {
    const profiles = strategies.us.flatMap((us) => strategies.china.flatMap((china) => strategies.kim.map((kim) => ({ us, china, kim }))));
    const spec = { command: 'equilibria', seed: 'early', runs: 40, scenarios: [scenario], profiles };
    const cells = await runBatch(spec, { workers: 0 });
    const early = meanPayoffGame(cells, strategies, 't');
    const est = estimatedGame(tournamentReport(spec, cells), 't');
    expect(early.strategies).toEqual(est.game.strategies);
    expect(Array.from(early.payoffs)).toEqual(Array.from(est.game.payoffs));
    // Not a constant table: the check compares real numbers.
    expect(new Set(early.payoffs).size).toBeGreaterThan(10);
  });

  it('the report with the solver thread (2 workers) is the one-thread report, byte for byte', async () => {
    const one = await equilibria(scenario, strategies, 'early', 40, { workers: 1 });
    const two = await equilibria(scenario, strategies, 'early', 40, { workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
