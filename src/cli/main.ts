#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { InputError } from '../input-error.js';
import { packageVersion } from '../package-root.js';
import { setOutputWidth } from './width.js';

// The only place that reads argv and sets the exit code:
// 0 success, 1 a runtime failure (including a replay that diverges), 2 bad usage or input.

type Register = (program: Command) => void;

// Each command's module is loaded only when it is the one invoked (all of them for help or
// an unknown command), so `leverage play` starts without loading the analysis tools.
const COMMANDS: Record<string, () => Promise<Register>> = {
  play: async () => (await import('./commands/play.js')).registerPlay,
  run: async () => (await import('./commands/run.js')).registerRun,
  replay: async () => (await import('./commands/replay.js')).registerReplay,
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  scenarios: async () => (await import('./commands/lists.js')).registerLists,
  batch: async () => (await import('./commands/batch.js')).registerBatch,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  tournament: async () => (await import('./commands/tournament.js')).registerTournament,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
  robustness: async () => (await import('./commands/robustness.js')).registerRobustness,
  sweep: async () => (await import('./commands/sweep.js')).registerSweep,
  fork: async () => (await import('./commands/fork.js')).registerFork,
  atlas: async () => (await import('./commands/atlas.js')).registerAtlas,
  graph: async () => (await import('./commands/graph.js')).registerGraph,
  host: async () => (await import('./commands/host.js')).registerHost,
  join: async () => (await import('./commands/join.js')).registerJoin,
  calibrate: async () => (await import('./commands/calibrate.js')).registerCalibrate,
  report: async () => (await import('./commands/report.js')).registerReport,
};
COMMANDS.strategies = COMMANDS.scenarios as () => Promise<Register>;

async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('leverage')
    .description('A seeded simulator of strategic leverage: China, North Korea and the United States.')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError("(run 'leverage --help' for usage)")
    .option('--width <columns>', "width of text output (default: the terminal's, else 80)")
    .hook('preAction', () => setOutputWidth(program.opts<{ width?: string }>().width));
  const invoked = argv[2];
  const wanted = invoked !== undefined && COMMANDS[invoked] ? [COMMANDS[invoked]] : [...new Set(Object.values(COMMANDS))];
  for (const load of wanted) (await load())(program);
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
