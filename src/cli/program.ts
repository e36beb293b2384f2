import { Command, Option } from 'commander';
import { packageVersion } from '../package-root.js';
import { setOutputWidth } from './width.js';

// The command line's commands, each module loaded only when it is the one invoked, and the
// index of them that lets the top-level help (and --version) run without loading any: the
// build writes the index from the real commands (scripts/bundle-cli.mjs), and a test checks
// the help it gives is the help the commands give.

type Register = (program: Command) => void;

// `leverage play` starts without loading the analysis tools, and `leverage run` without ink.
export const COMMANDS: Record<string, () => Promise<Register>> = {
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
  equilibria: async () => (await import('./commands/equilibria.js')).registerEquilibria,
  discover: async () => (await import('./commands/discover.js')).registerDiscover,
  sensitivity: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  fork: async () => (await import('./commands/fork.js')).registerFork,
  atlas: async () => (await import('./commands/atlas.js')).registerAtlas,
  graph: async () => (await import('./commands/graph.js')).registerGraph,
  host: async () => (await import('./commands/host.js')).registerHost,
  join: async () => (await import('./commands/join.js')).registerJoin,
  calibrate: async () => (await import('./commands/calibrate.js')).registerCalibrate,
  record: async () => (await import('./commands/record.js')).registerRecord,
  fit: async () => (await import('./commands/fit.js')).registerFit,
  report: async () => (await import('./commands/report.js')).registerReport,
};
COMMANDS.strategies = COMMANDS.scenarios as () => Promise<Register>;

/** The program with its global options, before any command is added. */
export function newProgram(): Command {
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
  return program;
}

/** Add the commands named (all of them when none is), loading their modules. */
export async function registerCommands(program: Command, names: string[] = Object.keys(COMMANDS)): Promise<void> {
  const loaders = [...new Set(names.map((n) => COMMANDS[n] as () => Promise<Register>))];
  for (const load of loaders) (await load())(program);
  for (const c of program.commands) c.exitOverride();
}

/** What the top-level help shows of one command. */
export interface CommandEntry {
  name: string;
  aliases: string[];
  description: string;
  /** Each argument as the help writes it, e.g. `<scenario...>`. */
  args: string[];
  hasOptions: boolean;
}

/** The index of a program's commands, for the help (the build writes it next to the bundle). */
export function commandIndex(program: Command): CommandEntry[] {
  return program.commands.map((c) => ({
    name: c.name(),
    aliases: c.aliases(),
    description: c.summary() || c.description(),
    args: c.registeredArguments.map((a) => {
      const name = a.name() + (a.variadic ? '...' : '');
      return a.required ? `<${name}>` : `[${name}]`;
    }),
    hasOptions: c.options.length > 0,
  }));
}

/** Stand-ins for the commands, enough for the top-level help and --version: they never run. */
export function registerIndex(program: Command, index: CommandEntry[]): void {
  for (const e of index) {
    const c = program.command(e.name).description(e.description).aliases(e.aliases);
    for (const a of e.args) c.argument(a);
    if (e.hasOptions) c.addOption(new Option('--index-stand-in').hideHelp());
    c.exitOverride();
  }
}
