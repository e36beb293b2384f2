import type { Command } from 'commander';
import type { Actor } from '../../model/context.js';
import type { EquilibriaReport } from '../../analysis/equilibria-report.js';
import type { Mixed } from '../../analysis/games/normal-form.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { equilibria, estimatedGame, PLAYERS } from '../../analysis/equilibria-report.js';
import { toNfg } from '../../analysis/games/nfg.js';
import { InputError } from '../../input-error.js';
import { ACTORS } from '../../model/context.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { strategyIds } from '../../strategies/registry.js';
import { parseStrategyList, emit } from '../batch-common.js';
import { parseAnalysisOptions, withOutputOptions, withRunOptions } from '../analysis-options.js';
import { checkWritable, writeAtomic } from '../io.js';
import { commandLine, writeHtml } from '../html-output.js';

// `leverage equilibria`: what reasoning sides would do with the estimated strategy table.

const SIDE: Record<Actor, string> = { us: 'US', china: 'China', kim: 'Kim' };
const pct = (x: number) => `${Math.round(100 * x)}%`;

export function mixText(r: EquilibriaReport, sigma: Mixed): string {
  return PLAYERS.map((a, i) => {
    const parts = (sigma[i] as number[]).flatMap((p, s) => (p > 0.005 ? [`${r.strategies[a][s]}${p < 0.995 ? ` ${pct(p)}` : ''}`] : []));
    return `${SIDE[a]}: ${parts.join(', ')}`;
  }).join(' · ');
}

/** Equilibria grouped by their payoffs (to 1e-4): a group of 3 or more is a continuum, sampled. */
function components(r: EquilibriaReport): number[][] {
  const groups = new Map<string, number[]>();
  r.mixed.forEach((e, k) => {
    const key = e.payoffs.map((v) => v.toFixed(4)).join('|');
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  return [...groups.values()];
}

function text(r: EquilibriaReport): string {
  const out = [`Equilibria of the estimated strategy table of ${r.scenario}: ${r.strategies.us.length} x ${r.strategies.china.length} x ${r.strategies.kim.length} profiles, ${r.runs} games each, seed ${r.seed}.`, ''];
  const pure = r.mixed.filter((e) => e.sigma.every((p) => p.some((v) => v > 0.995)));
  out.push(`Nash equilibria (${r.mixed.length} found: ${pure.length} pure, ${r.mixed.length - pure.length} mixed), each with its payoffs (US, China, Kim) and a 95% interval for its regret (what a side could gain by deviating) given the sampling noise:`);
  if (!r.mixed.length) out.push('  none found with supports of up to 3 strategies a side.');
  for (const c of components(r)) {
    const e = r.mixed[c[0] as number] as EquilibriaReport['mixed'][number];
    const regretText = `regret's interval ${e.regret.low.toFixed(2)} to ${e.regret.high.toFixed(2)}`;
    if (c.length >= 3) {
      // Many equilibria with the same payoffs that differ only in how some sides mix: points of a continuum.
      const mixing = PLAYERS.filter((a, i) => new Set(c.map((k) => ((r.mixed[k] as typeof e).sigma[i] as number[]).map((v) => v.toFixed(3)).join())).size > 1);
      const support = (i: number) => PLAYERS[i] && r.strategies[PLAYERS[i]].filter((_, s) => c.some((k) => (((r.mixed[k] as typeof e).sigma[i] as number[])[s] as number) > 0.005));
      out.push(`  ${PLAYERS.map((a, i) => (mixing.includes(a) ? `${SIDE[a]}: any mix of ${(support(i) as string[]).join(', ')}` : mixText(r, e.sigma).split(' · ')[i])).join(' · ')}`, `      a continuum of equilibria (${c.length} points found); payoffs ${e.payoffs.map((v) => v.toFixed(2)).join(', ')}; ${regretText}`);
    } else for (const k of c) {
      const x = r.mixed[k] as typeof e;
      out.push(`  ${mixText(r, x.sigma)}`, `      payoffs ${x.payoffs.map((v) => v.toFixed(2)).join(', ')}; regret's interval ${x.regret.low.toFixed(2)} to ${x.regret.high.toFixed(2)}`);
    }
  }
  const last = r.qre.at(-1);
  out.push('', `Logit QRE (sides that choose better replies more often as their precision lambda grows): from uniform play at lambda 0 to lambda ${last?.lambda.toFixed(0)}${r.qreStopped ? ' (the trace stopped where the branch turns back)' : ''}:`);
  const marks = [0, 1, 10, 100, last?.lambda ?? 0];
  for (const m of marks) {
    const p = r.qre.reduce((best, q) => (Math.abs(Math.log1p(q.lambda) - Math.log1p(m)) < Math.abs(Math.log1p(best.lambda) - Math.log1p(m)) ? q : best), r.qre[0] as EquilibriaReport['qre'][number]);
    out.push(`  lambda ${p.lambda.toFixed(1).padStart(7)}: ${mixText(r, p.sigma)} (regret ${p.regret.toFixed(2)})`);
  }
  out.push('', `alpha-Rank (alpha ${r.alphaRank.alpha}, population ${r.alphaRank.populationSize}): where evolving populations of each side spend their time:`);
  for (const t of r.alphaRank.top.slice(0, 5)) out.push(`  ${pct(t.mass).padStart(4)}  US ${t.profile.us} · China ${t.profile.china} · Kim ${t.profile.kim}`);
  out.push('', 'The US as a Stackelberg leader (it commits to a strategy in the open; China and Kim answer with an equilibrium of what is left):');
  const sorted = [...r.stackelberg.commitments].sort((a, b) => b.worst - a.worst);
  for (const c of sorted.slice(0, 5)) out.push(`  ${c.us.padEnd(14)} US payoff ${c.worst.toFixed(2)}${c.best - c.worst > 0.005 ? ` to ${c.best.toFixed(2)}` : ''}`);
  out.push(`  best commitment (best worst case): ${r.stackelberg.choice}`);
  out.push('', `Noise: the largest payoff standard error is ${r.maxStandardError.toFixed(3)}; to know every regret within ${r.epsilon} would take about ${r.gamesForEpsilon} games a profile (normal approximation).`);
  out.push(`Strictly dominated strategies removed first; left: US ${r.surviving.us.join(', ')}; China ${r.surviving.china.join(', ')}; Kim ${r.surviving.kim.join(', ')}.`);
  out.push('', `Method: ${r.method}`);
  return out.join('\n') + '\n';
}

function csv(r: EquilibriaReport): string {
  const head = ['equilibrium', 'side', 'strategy', 'probability', 'payoff_us', 'payoff_china', 'payoff_kim', 'regret_low', 'regret_high'];
  const rows = r.mixed.flatMap((e, k) => PLAYERS.flatMap((a, i) => (e.sigma[i] as number[]).map((p, s) => [k + 1, a, r.strategies[a][s], p, ...e.payoffs, e.regret.low, e.regret.high].join(','))));
  return [head.join(','), ...rows].join('\n') + '\n';
}

type Opts = AnalysisCliOptions & { us?: string; china?: string; kim?: string; nfg?: string; epsilon: string };

export function registerEquilibria(program: Command): void {
  const cmd = program
    .command('equilibria')
    .description('what reasoning sides would do with the estimated strategy table: mixed Nash equilibria with regret intervals, the logit QRE path, alpha-Rank, the US as Stackelberg leader')
    .argument('<scenario>', 'a built-in scenario name or a .yaml path')
    .option('--us <list>', "US strategies: a comma list or 'all'", 'all')
    .option('--china <list>', "China strategies: a comma list or 'all'", 'all')
    .option('--kim <list>', "Kim strategies: a comma list or 'all'", 'all')
    .option('--epsilon <e>', 'the payoff accuracy to report the games needed for', '0.1')
    .option('--nfg <file>', "also write the estimated table in Gambit's .nfg format");
  withOutputOptions(withRunOptions(cmd, { what: 'games per strategy profile', default: '500' }), ['table', 'csv', 'json', 'html']).action(async (ref: string, opts: Opts) => {
    const { format, runs, seed, workers } = parseAnalysisOptions(opts, ['table', 'csv', 'json', 'html'], 10);
    const epsilon = Number(opts.epsilon);
    if (!(epsilon > 0)) throw new InputError(`--epsilon ${opts.epsilon}: a positive payoff difference, e.g. 0.1.`);
    if (opts.nfg) {
      if (!opts.nfg.endsWith('.nfg')) throw new InputError(`--nfg ${opts.nfg}: name a file ending in .nfg.`);
      checkWritable(opts.nfg, '--nfg');
    }
    const scenario = resolveScenario(ref);
    const strategies = {} as Record<Actor, string[]>;
    for (const a of ACTORS) {
      const list = parseStrategyList(a, opts[a], strategyIds(a)[0] as string);
      // 'all' means the named strategies: the random yardstick only when asked for by name.
      strategies[a] = opts[a]?.trim().toLowerCase() === 'all' ? list.filter((id) => id !== `${a}Random`) : list;
    }
    process.stderr.write(`playing ${strategies.us.length * strategies.china.length * strategies.kim.length} profiles x ${runs} games...\n`);
    const report = await equilibria(scenario, strategies, seed, runs, { workers }, epsilon);
    if (opts.nfg) {
      writeAtomic(opts.nfg, toNfg(estimatedGame(report.table, `leverage ${scenario.name}: mean payoffs, ${runs} games a profile, seed ${seed}`).game));
      process.stderr.write(`wrote ${opts.nfg}\n`);
    }
    if (format === 'html') return writeHtml(opts.out as string, async () => (await import('../../report/gsa-pages.js')).equilibriaPage(report, commandLine()));
    if (format === 'json') return emit(JSON.stringify({ ...report, table: undefined }, null, 1) + '\n', opts.out);
    if (format === 'csv') return emit(csv(report), opts.out);
    emit(text(report), opts.out, true);
  });
}
