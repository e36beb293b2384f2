import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { embeddedScenario, parseLog, replayLog } from '../../engine/reference/replay.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { readTextFile } from '../io.js';
import type { Actor } from '../../model/context.js';
import { InputError } from '../../input-error.js';
import { formatAccount } from '../format.js';
import { print } from '../width.js';
import { commandLine, gameForPage, textOrHtml, writeHtml } from '../html-output.js';

function parseObserverSide(value: string): Actor {
  const v = value.toLowerCase();
  if (v === 'us' || v === 'china' || v === 'kim') return v;
  throw new InputError(`--as ${value}: show the game as us, china or kim.`);
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('replay a game log from its seed and moves, and check it reproduces exactly')
    .argument('<log>', 'a JSONL log from leverage run --log or leverage play')
    .option('--scenario <scenario>', 'replay under this scenario instead of the one the log names')
    .option('--show', 'print the replayed game round by round, everything revealed')
    .option('--as <side>', "with --show: print it as one side observed it (us, china or kim)")
    .option('--format <f>', 'text (default) or html (a page of the replayed game; needs --out)')
    .option('--out <file>', 'write the html page here')
    .action(async (file: string, opts: { scenario?: string; show?: boolean; as?: string; format?: string; out?: string }) => {
      const observer = opts.as === undefined ? 'all' : parseObserverSide(opts.as);
      const format = textOrHtml(opts.format, opts.out, [], false);
      const log = parseLog(readTextFile(file, 'game log'), file);
      const recorded = log.header.scenario;
      let scenario;
      let note = '';
      if (opts.scenario) scenario = resolveScenario(opts.scenario);
      else if (existsSync(recorded.source)) scenario = resolveScenario(recorded.source);
      else {
        scenario = embeddedScenario(log.header);
        note = ` (the file ${recorded.source} is gone; using the scenario embedded in the log)`;
      }
      const result = replayLog(log, scenario, file);
      if (opts.show) print(formatAccount(result.session, observer));
      if (result.ok && format === 'html') await writeHtml(opts.out as string, (p) => p.gamePage(gameForPage(result.session), commandLine()));
      if (result.ok) {
        const end = log.outcome ? `outcome ${log.outcome.outcome}` : `saved in progress at round ${result.session.ctx.round}`;
        // "exactly" only when every field of every line was checked and matched, the file included.
        if (result.notExact) {
          print(`${file}: reproduced, but not exactly: ${result.notExact}: ${result.matched} steps, ${end}${note}\n`);
          process.exitCode = 1;
        } else print(`${file}: reproduced exactly: ${result.matched} steps, ${end}${note}\n`);
      } else {
        process.stderr.write(`${file}:${result.line}: diverges at step ${result.matched + 1}: ${result.problem}${note}\n`);
        process.exitCode = 1;
      }
    });
}
