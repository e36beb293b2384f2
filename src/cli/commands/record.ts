import type { Command } from 'commander';
import type { Actor } from '../../model/context.js';
import type { RecordReport, RecordRow } from '../../analysis/record-check.js';
import type { YearSet } from '../../analysis/moments.js';
import type { SideOptions } from '../options.js';
import { checkAgainstRecord } from '../../analysis/record-check.js';
import { FIT_YEARS, HELD_OUT_YEARS } from '../../analysis/moments.js';
import { loadRecord } from '../../record/load.js';
import { listBuiltIn, resolveScenario } from '../../scenario/catalog.js';
import { getStrategy } from '../../strategies/registry.js';
import { emit, formatFromOut } from '../batch-common.js';
import { parseSeed, parseWholeNumber, withSideOptions } from '../options.js';
import { textTable } from '../render.js';

const num = (x: number) => (Number.isNaN(x) ? '' : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

function rowCells(r: RecordRow): string[] {
  const target = r.pass === null ? 'no target' : `${num(r.record)} [${num(r.lo)}, ${num(r.hi)}]`;
  return [r.pass === null ? '-' : r.pass ? 'pass' : 'FAIL', `${r.scenario} (${r.firstMonth})`, r.label, target, Number.isNaN(r.model) ? 'none' : num(r.model)];
}

const SET_TITLE: Record<YearSet, string> = {
  fit: `In-sample: the declared fit years (${FIT_YEARS.join(', ')})`,
  'held-out': `Out-of-sample: the held-out years (${HELD_OUT_YEARS.join(', ')}), never used to set a number`,
  other: 'Years in neither set',
};

export function renderRecordReport(r: RecordReport): string {
  const out = [
    `The model as it is, against the record (data/record/): a round is a month, each scenario read against the 12 months from its clock.firstMonth; ${r.games} games each, seed ${r.seed}. Record: value [95% interval]; model: mean over games.`,
    '',
  ];
  for (const set of ['fit', 'held-out', 'other'] as const) {
    const rows = r.rows.filter((x) => x.set === set);
    if (rows.length === 0) continue;
    const s = r.summary[set];
    out.push(`${SET_TITLE[set]}: ${s.pass} pass, ${s.fail} fail, ${s.noTarget} without a target`);
    out.push(textTable(['result', 'scenario', 'moment', 'record', 'model'], rows.map(rowCells)).trimEnd(), '');
  }
  const periodMoments = ['sanctions.afterNuclear', 'sanctions.blockShare', 'nuclear.perYear', 'months.anyTest', 'deals.reached', 'deals.collapsed'];
  const labels = new Map(r.rows.map((x) => [x.momentId, x.label]));
  out.push('The record alone, by period (no scenario spans a period; for reading Beijing\'s stance before and during the rivalry):');
  out.push(
    textTable(
      ['moment', ...r.periods.map((p) => p.label)],
      periodMoments.map((id) => [labels.get(id) ?? id, ...r.periods.map((p) => {
        const t = p.targets.find((x) => x.momentId === id);
        return t ? `${num(t.value)} [${num(t.lo)}, ${num(t.hi)}]` : 'no target';
      })]),
    ).trimEnd(),
    '',
  );
  const played = Object.entries(r.strategies).map(([name, s]) => `${name}: ${(['us', 'china', 'kim'] as const).map((a) => `${a} ${s[a] ?? '?'}`).join(', ')}`);
  out.push(`Strategies played: ${played.join('; ')}.`, '');
  return out.join('\n');
}

export function registerRecord(program: Command): void {
  const cmd = program
    .command('record')
    .description('read the model against the record of 2006-2024 (data/record/): each moment per scenario year, fit years and held-out years apart')
    .argument('[scenario...]', 'scenarios with a clock.firstMonth, by name or path (default: every built-in one that has it)')
    .option('--runs <n>', 'simulated games per scenario', '2000')
    .option('--seed <seed>', 'master seed', '1')
    .option('--format <f>', 'table or json (default: from --out, else table)')
    .option('--out <file>', 'write to a file (.json or .txt)');
  withSideOptions(cmd, 'strategy', { us: 'US strategy (default: the scenario\'s)', china: "China's strategy (default: the scenario's)", kim: "Kim's strategy (default: the scenario's)" });
  cmd.action((refs: string[], opts: SideOptions & { runs: string; seed: string; format?: string; out?: string }) => {
    const format = formatFromOut(opts.out, opts.format, ['table', 'json']);
    const games = parseWholeNumber('--runs', opts.runs, 10, 1_000_000);
    const seed = parseSeed(opts.seed);
    const strategies: Partial<Record<Actor, string>> = {};
    for (const a of ['us', 'china', 'kim'] as const) {
      const id = opts[a];
      if (id !== undefined) strategies[a] = getStrategy(a, id).id;
    }
    const scenarios = refs.length ? refs.map((r) => resolveScenario(r)) : listBuiltIn().filter((s) => s.clock?.firstMonth);
    const report = checkAgainstRecord(scenarios, loadRecord(), { games, seed, ...(Object.keys(strategies).length ? { strategies } : {}) });
    emit(format === 'json' ? JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 1) + '\n' : renderRecordReport(report), opts.out);
  });
}
