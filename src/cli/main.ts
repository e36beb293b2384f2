#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { InputError } from '../input-error.js';
import { packageVersion } from '../package-root.js';
import { registerLists } from './commands/lists.js';
import { registerReplay } from './commands/replay.js';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerBatch } from './commands/batch.js';
import { registerCompare } from './commands/compare.js';
import { registerMerge } from './commands/merge.js';
import { registerPlay } from './commands/play.js';
import { registerAtlas } from './commands/atlas.js';
import { registerExplain } from './commands/explain.js';
import { registerFork } from './commands/fork.js';
import { registerGraph } from './commands/graph.js';
import { registerRobustness } from './commands/robustness.js';
import { registerSweep } from './commands/sweep.js';
import { registerTournament } from './commands/tournament.js';

// The only place that reads argv and sets the exit code:
// 0 success, 1 a runtime failure (including a replay that diverges), 2 bad usage or input.

async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('leverage')
    .description('A seeded simulator of strategic leverage: China, North Korea and the United States.')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError("(run 'leverage --help' for usage)");
  registerPlay(program);
  registerRun(program);
  registerReplay(program);
  registerValidate(program);
  registerLists(program);
  registerBatch(program);
  registerCompare(program);
  registerTournament(program);
  registerMerge(program);
  registerExplain(program);
  registerRobustness(program);
  registerSweep(program);
  registerFork(program);
  registerAtlas(program);
  registerGraph(program);
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    handle(e);
  }
}

function handle(e: unknown): void {
  if (e instanceof CommanderError) {
    // Help and version exit cleanly; anything else commander rejects is a usage error.
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    return;
  }
  if (e instanceof InputError) {
    process.stderr.write(`leverage: ${e.message}\n`);
    process.exitCode = 2;
    return;
  }
  const err = e as Error;
  process.stderr.write(`leverage: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.LEVERAGE_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  process.exitCode = 1;
}

process.on('uncaughtException', handle);
await main(process.argv);
