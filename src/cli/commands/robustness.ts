import type { Command } from 'commander';
import type { RobustnessReport } from '../../analysis/robustness.js';
import { resultText, robustness } from '../../analysis/robustness.js';
import { resolveScenario } from '../../scenario/catalog.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { emit } from '../batch-common.js';
import { parseAnalysisOptions, withOutputOptions, withRunOptions } from '../analysis-options.js';
import { mdTable, textTable } from '../render.js';
import { commandLine, writeHtml } from '../html-output.js';

const SYMBOL = { holds: '+', breaks: 'x', unclear: '?' } as const;

export function robustnessTable(r: RobustnessReport): { head: string[]; rows: string[][] } {
  const letters = r.conclusions.map((_, i) => String.fromCharCode(65 + i));
  const head = ['assumption', ...letters];
  const rows = r.rows.map((row) => [row.variant, ...row.results.map((x, i) => resultText(r.conclusions[i] as RobustnessReport['conclusions'][number], x, SYMBOL[x.verdict]))]);
  return { head, rows };
}

export function renderRobustness(r: RobustnessReport, format: 'table' | 'md'): string {
  const { head, rows } = robustnessTable(r);
  const legend = [
    `Which of the columns' conclusions survive when each assumption is switched off (scenario ${r.scenario}, ${r.runs} games per profile, seed ${r.seed}).`,
    'Cells: + holds (95% interval above zero), x breaks (below zero), ? unclear; numbers are the effects, positive in the direction the columns argue; "no gain" or "no effect": exactly equal, the same games.',
  ];
  const what = r.conclusions.map((c, i) => `${String.fromCharCode(65 + i)} ${c.label} (${c.claims.join(' ')}): ${c.reads.join('; and ')}.`);
  const variants = r.rows.map((x) => `${x.variant}: ${x.label}`);
  if (format === 'md') {
    return [...legend.map((l) => `${l}  `), '', mdTable(head, rows), ...what.map((w) => `- ${w}`), '', ...variants.map((v) => `- ${v}`), ''].join('\n');
  }
  return [...legend, '', textTable(head, rows, '').trimEnd(), '', ...what, '', ...variants, ''].join('\n');
}

export function registerRobustness(program: Command): void {
  const cmd = program
    .command('robustness')
    .description("switch each claim off in turn and see which of the columns' conclusions survive")
    .argument('<scenario>', 'a built-in scenario name or a .yaml path');
  withOutputOptions(withRunOptions(cmd, { what: 'games per strategy profile and assumption', default: '3000' }), ['table', 'md', 'json', 'html'])
    .action(async (ref: string, opts: AnalysisCliOptions) => {
      const { format, runs, seed, workers } = parseAnalysisOptions(opts, ['table', 'md', 'json', 'html'], 50);
      const scenario = resolveScenario(ref);
      const report = await robustness(scenario, seed, runs, { workers });
      if (format === 'html') return writeHtml(opts.out as string, (p) => p.robustnessPage(report, commandLine()));
      emit(format === 'json' ? JSON.stringify(report, null, 1) + '\n' : renderRobustness(report, format === 'md' ? 'md' : 'table'), opts.out, format === 'table');
    });
}
