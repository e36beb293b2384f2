import type { Command } from 'commander';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { ScenarioProblems } from '../../scenario/load.js';
import { getStrategy } from '../../strategies/registry.js';
import { ACTORS } from '../../model/context.js';
import { print } from '../width.js';
import { printable } from '../../bounded-read.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check scenario files and report every problem with file:line:col')
    .argument('<scenario...>', 'scenario names or .yaml paths')
    .action((refs: string[]) => {
      let bad = 0;
      for (const ref of refs) {
        try {
          const s = resolveScenario(ref);
          for (const a of ACTORS) {
            const id = s.strategies[a];
            if (id) getStrategy(a, id, `${s.source} strategies.${a}`);
          }
          // The title is the file's text: no terminal escapes pass through to the screen.
          print(printable(`ok  ${s.source}  (${s.name}: ${s.title})`) + '\n');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          bad++;
          // Every problem of the file, in line order, one line each.
          process.stderr.write(`${printable(e instanceof ScenarioProblems ? e.problems.join('\n') : e.message)}\n`);
        }
      }
      if (bad > 0) process.exitCode = 2;
    });
}
