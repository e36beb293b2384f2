import type { Command } from 'commander';
import { playGame } from '../../engine/reference/session.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { InputError } from '../../input-error.js';
import { checkWritable, writeAtomic } from '../io.js';
import { formatAccount } from '../format.js';
import { commandLine, gameForPage, textOrHtml, writeHtml } from '../html-output.js';
import { parseSeed, parseWholeNumber, sidesFrom, withRounds, withSideOptions } from '../options.js';
import { print } from '../width.js';

export function registerRun(program: Command): void {
  withSideOptions(
    program
      .command('run')
      .description('play one game with AI sides and print it round by round, citing the claims')
      .argument('[scenario]', 'a built-in scenario name or a path to a .yaml file', 'baseline')
      .option('--seed <seed>', 'the master seed: same seed, same game', '1')
      .option('--index <n>', 'which game of that seed (batch game i is run --index i)', '0'),
    'strategy',
    { us: 'US strategy (see leverage strategies)', china: 'China strategy', kim: 'Kim strategy' },
  )
    .option('--rounds <n>', 'override the scenario\'s round limit')
    .option('--json', 'print the JSONL game log instead of the account')
    .option('--log <file>', 'also save the JSONL game log to a file (for leverage replay)')
    .option('--format <f>', 'text (the account, default) or html (a page: chart by round and every move with its claims; needs --out)')
    .option('--out <file>', 'write the html page here')
    .option('--no-hidden', "show only the public record: what every side observes (no hidden requests, no beliefs)")
    .action(async (ref: string, opts: { seed: string; index: string; us?: string; china?: string; kim?: string; rounds?: string; json?: boolean; log?: string; hidden: boolean; format?: string; out?: string }) => {
      const seed = parseSeed(opts.seed);
      const index = parseWholeNumber('--index', opts.index, 0, Number.MAX_SAFE_INTEGER);
      if (opts.json && (opts.format !== undefined || opts.out !== undefined)) {
        throw new InputError(`--json prints the game log; --${opts.format !== undefined ? `format ${opts.format}` : `out ${opts.out}`} asks for something else. Fix: use one of them (--log FILE saves the log beside a page).`);
      }
      if (opts.log) checkWritable(opts.log, '--log');
      const format = textOrHtml(opts.format, opts.out, [], false);
      const scenario = withRounds(resolveScenario(ref), opts.rounds);
      const sides = sidesFrom(opts, scenario);
      const session = playGame(scenario, seed, index, sides);
      const log = session.toJsonl();
      if (opts.log) {
        writeAtomic(opts.log, log, '--log');
        process.stderr.write(`wrote ${opts.log}\n`);
      }
      if (format === 'html') return writeHtml(opts.out as string, (p) => p.gamePage(gameForPage(session), commandLine()));
      if (opts.json) process.stdout.write(log);
      else print(formatAccount(session, opts.hidden ? 'all' : 'public'));
    });
}
