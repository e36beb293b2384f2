import type { Command } from 'commander';
import { machineGraph, toDot, toMermaid } from '../../analysis/diagram.js';
import { InputError } from '../../input-error.js';
import { leverageMachine } from '../../model/machine.js';
import { checkWritable } from '../io.js';
import { emit } from '../batch-common.js';

export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('the state machine as a diagram, generated from the machine definition itself')
    .option('--format <f>', 'mermaid or dot', 'mermaid')
    .option('--out <file>', 'write to a file')
    .action((opts: { format: string; out?: string }) => {
      if (opts.format !== 'mermaid' && opts.format !== 'dot') throw new InputError(`--format ${opts.format}: use mermaid or dot.`);
      const ext = opts.out?.split('.').pop()?.toLowerCase();
      const named = ext === 'dot' || ext === 'gv' ? 'dot' : ext === 'mmd' || ext === 'mermaid' ? 'mermaid' : undefined;
      if (named && named !== opts.format) throw new InputError(`--format ${opts.format} --out ${opts.out}: the file's name says ${named}. Fix: make them agree.`);
      if (opts.out) checkWritable(opts.out, '--out');
      const g = machineGraph(leverageMachine);
      emit(opts.format === 'dot' ? toDot(g) : toMermaid(g), opts.out);
    });
}
