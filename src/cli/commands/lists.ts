import type { Command } from 'commander';
import { ACTORS } from '../../model/context.js';
import { listBuiltIn } from '../../scenario/catalog.js';
import { STRATEGIES } from '../../strategies/registry.js';
import { actorLabel } from '../format.js';
import { print } from '../width.js';

export function registerLists(program: Command): void {
  program
    .command('scenarios')
    .description('list the built-in scenarios')
    .action(() => {
      for (const s of listBuiltIn()) {
        print(`${s.name.padEnd(10)} ${s.title}\n${''.padEnd(11)}${s.description}\n`);
      }
    });
  program
    .command('strategies')
    .description('list the AI strategies of each side, with who they model')
    .action(() => {
      for (const a of ACTORS) {
        print(`${actorLabel(a)}\n`);
        for (const s of STRATEGIES[a]) {
          const meta = `memory: ${s.memory}${s.stochastic ? ', stochastic' : ''}${s.claims.length ? `, ${s.claims.join(' ')}` : ''}`;
          print(`  ${s.id.padEnd(13)} ${s.description}\n  ${''.padEnd(13)} models: ${s.models} (${meta})\n`);
        }
      }
    });
}
