import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { Actor } from '../../model/context.js';
import type { ForkBranch } from '../../analysis/fork.js';
import { fork } from '../../analysis/fork.js';
import { resolveProfile } from '../../engine/batch/batch.js';
import { embeddedScenario, parseLog } from '../../engine/reference/replay.js';
import { nameFix } from '../../closest-name.js';
import { InputError } from '../../input-error.js';
import { findMove, MOVES, movesOf } from '../../model/moves.js';
import { ACTOR_TABLE } from '../../model/game-table.js';
import { OUTCOME_NAMES, OUTCOME_SHORT } from '../../model/outcomes.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { DEFAULT_STRATEGY, getStrategy } from '../../strategies/registry.js';
import { readTextFile } from '../io.js';
import { parseWholeNumber } from '../options.js';
import { num as f, pct } from '../render.js';
import { commandLine, textOrHtml, writeHtml } from '../html-output.js';
import { emit } from '../batch-common.js';


function branchLines(b: ForkBranch): string[] {
  const outcomes = OUTCOME_NAMES.filter((o) => b.outcomes[o].p > 0).map((o) => `${OUTCOME_SHORT[o]} ${pct(b.outcomes[o].p)}`);
  const p = b.payoffs;
  return [`  ${b.label}`, `    outcomes: ${outcomes.join(' · ')}`, `    payoffs:  US ${f(p.us.mean)} [${f(p.us.low)}, ${f(p.us.high)}]  China ${f(p.china.mean)}  Kim ${f(p.kim.mean)}`];
}

export function registerFork(program: Command): void {
  program
    .command('fork')
    .description('counterfactual: replay a game to a round, play a different move there, and compare many continuations')
    .argument('<log>', 'a game log (leverage run --log, or saved from leverage play)')
    .requiredOption('--at <round>', 'the round of the different move')
    .option('--us <move>', 'the US plays this instead')
    .option('--china <move>', 'China plays this instead')
    .option('--kim <move>', 'Kim plays this instead')
    .option('--runs <n>', 'continuations each way (the same seeds for both)', '1000')
    .option('--continue-as <strategy>', "AI strategy for a side a person played, after the fork (default: that side's default)")
    .option('--scenario <scenario>', 'fork under this scenario instead of the one in the log')
    .option('--format <f>', 'text (default), json, or html (the two outcome distributions side by side; needs --out)')
    .option('--out <file>', 'write to a file')
    .action(async (file: string, opts: { at: string; us?: string; china?: string; kim?: string; runs: string; continueAs?: string; scenario?: string; format?: string; out?: string }) => {
      const format = textOrHtml(opts.format, opts.out, ['json']);
      const chosen = (['us', 'china', 'kim'] as Actor[]).filter((a) => opts[a] !== undefined);
      if (chosen.length !== 1) throw new InputError('fork: name exactly one side and its move, for example --us expose.');
      const actor = chosen[0] as Actor;
      const word = opts[actor] as string;
      const move = findMove(actor, word);
      if (!move) throw new InputError(`--${actor} ${word}: not a ${actor} move. ${nameFix(word, movesOf(actor).map((m) => MOVES[m].short))}`);
      const runs = parseWholeNumber('--runs', opts.runs, 1, 1_000_000);
      const log = parseLog(readTextFile(file, 'game log'), file);
      const last = log.steps.at(-1)?.round ?? 1;
      const round = parseWholeNumber('--at', opts.at, 1, Math.max(1, last));
      const recorded = log.header.scenario.source;
      const scenario = opts.scenario ? resolveScenario(opts.scenario) : existsSync(recorded) ? resolveScenario(recorded) : embeddedScenario(log.header);
      const ids = { ...log.header.sides };
      for (const a of ['us', 'china', 'kim'] as Actor[]) {
        if (ids[a] === 'human') ids[a] = opts.continueAs ? getStrategy(a, opts.continueAs, '--continue-as').id : DEFAULT_STRATEGY[a];
      }
      const report = fork(log, scenario, round, actor, move, runs, resolveProfile(ids), file);
      if (format === 'html') return writeHtml(opts.out as string, (p) => p.forkPage(report, file, commandLine()));
      if (format === 'json') return emit(JSON.stringify(report, null, 1) + '\n', opts.out);
      const d = report.difference;
      emit(
        [
          `Fork of ${file} at round ${round}: ${ACTOR_TABLE[actor].name} plays '${MOVES[move].label}' instead.`,
          `${runs} continuations each way, paired (the same seeds); afterwards US ${ids.us}, China ${ids.china}, Kim ${ids.kim}.`,
          '',
          ...branchLines(report.asPlayed),
          ...branchLines(report.forked),
          '',
          `Forked minus as played: US ${f(d.us.diff)} [${f(d.us.low)}, ${f(d.us.high)}]  China ${f(d.china.diff)} [${f(d.china.low)}, ${f(d.china.high)}]  Kim ${f(d.kim.diff)} [${f(d.kim.low)}, ${f(d.kim.high)}]`,
          '',
        ].join('\n'),
        opts.out,
        true,
      );
    });
}
