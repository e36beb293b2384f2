import type { Command } from 'commander';
import type { AtlasReport } from '../../analysis/atlas.js';
import { atlas } from '../../analysis/atlas.js';
import { OUTCOME_NAMES, OUTCOME_SHORT, OUTCOMES } from '../../model/outcomes.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { DEFAULT_STRATEGY, defaultStrategyId } from '../../strategies/registry.js';
import { emit, formatFromOut, parseStrategyList, parseWorkers } from '../batch-common.js';
import { parseSeed, parseWholeNumber, withSideOptions } from '../options.js';
import { textTable } from '../render.js';

function render(r: AtlasReport): string {
  const out = [`Every ending of ${r.scenario}: the shortest way there, and how often each strategy profile ends there (${r.runs} games each).`, ''];
  for (const p of r.paths) {
    const how = p.foundBy === 'graph search' ? `graph search, first ${r.searchRounds} rounds` : p.foundBy === 'simulation' ? `shortest seen in simulation: seed ${p.game?.seed}, game ${p.game?.index}, US ${p.game?.profile.us}` : 'not reached';
    out.push(`${OUTCOMES[p.outcome]}`);
    if (p.foundBy === 'not found') {
      out.push('  not reached by the bounded search nor in the simulated games', '');
      continue;
    }
    out.push(`  ${p.rounds} round${p.rounds === 1 ? '' : 's'} (${how})`);
    const steps = p.steps.length > 16 ? [...p.steps.slice(0, 12), `... ${p.steps.length - 15} more steps ...`, ...p.steps.slice(-3)] : p.steps;
    out.push(`  ${steps.join(', ')}`, '');
  }
  const head = ['profile (US / China / Kim)', ...OUTCOME_NAMES.map((o) => OUTCOME_SHORT[o])];
  const rows = r.profiles.map((p, i) => [`${p.us} / ${p.china} / ${p.kim}`, ...OUTCOME_NAMES.map((o) => `${((r.frequencies[i]?.[o].p ?? 0) * 100).toFixed(1)}%`)]);
  out.push(textTable(head, rows, ''));
  return out.join('\n');
}

function csv(r: AtlasReport): string {
  const rows = ['us,china,kim,outcome,share,ci_low,ci_high'];
  r.profiles.forEach((p, i) => {
    for (const o of OUTCOME_NAMES) {
      const x = r.frequencies[i]?.[o];
      if (x) rows.push(`${p.us},${p.china},${p.kim},${o},${x.p},${x.low},${x.high}`);
    }
  });
  return rows.join('\n') + '\n';
}

export function registerAtlas(program: Command): void {
  withSideOptions(
    program
      .command('atlas')
      .description("every reachable ending: the shortest path of moves to it, and its frequency under each strategy profile")
      .argument('<scenario>', 'a built-in scenario name or a .yaml path'),
    'list',
    { us: "US strategies to tabulate: a comma list or 'all'", china: 'China strategies', kim: 'Kim strategies' }, { us: 'all' },
  )
    .option('--runs <n>', 'games per profile', '1000')
    .option('--seed <seed>', 'master seed', '1')
    .option('--search-rounds <n>', 'how many rounds the graph search explores', '4')
    .option('--workers <k>', 'worker threads')
    .option('--format <f>', 'table, csv or json (default: from --out, else table)')
    .option('--out <file>', 'write to a file (.txt, .csv, .json)')
    .action(async (ref: string, opts: { us: string; china?: string; kim?: string; runs: string; seed: string; searchRounds: string; workers?: string; format?: string; out?: string }) => {
      const format = formatFromOut(opts.out, opts.format, ['table', 'csv', 'json']);
      const scenario = resolveScenario(ref);
      const us = parseStrategyList('us', opts.us, DEFAULT_STRATEGY.us);
      const china = parseStrategyList('china', opts.china, defaultStrategyId('china', scenario.strategies));
      const kim = parseStrategyList('kim', opts.kim, defaultStrategyId('kim', scenario.strategies));
      const profiles = us.flatMap((u) => china.flatMap((c) => kim.map((k) => ({ us: u, china: c, kim: k }))));
      const report = await atlas(
        scenario,
        profiles,
        parseSeed(opts.seed),
        parseWholeNumber('--runs', opts.runs, 10, 10_000_000),
        parseWholeNumber('--search-rounds', opts.searchRounds, 1, 8),
        { workers: parseWorkers(opts.workers) },
      );
      emit(format === 'json' ? JSON.stringify(report, null, 1) + '\n' : format === 'csv' ? csv(report) : render(report), opts.out, format === 'table');
    });
}
