// The command line's start-up, from the built bin (package.json's `bin`, the bundled entry,
// no npm in between): the median of several launches of `leverage --help`, of a plain
// command, and of bare `node` as the floor no entry can beat. Run alone with
// `node dist/bench/startup.js`, or call cliStartup() from the bench.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAUNCHES = 7;
const HELP_TARGET_MS = 500;

function binPath(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { leverage: string } };
  return join(ROOT, pkg.bin.leverage);
}

/** Median wall time of launching `node ...args` to its exit, in ms. */
function medianLaunchMs(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
    times.push(performance.now() - t);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(LAUNCHES / 2)] as number;
}

export interface CliStartup {
  nodeMs: number;
  helpMs: number;
  scenariosMs: number;
  met: boolean;
}

export function cliStartup(): CliStartup {
  const bin = binPath();
  const nodeMs = medianLaunchMs(['-e', '0']);
  const helpMs = medianLaunchMs([bin, '--help']);
  const scenariosMs = medianLaunchMs([bin, 'scenarios']);
  return { nodeMs, helpMs, scenariosMs, met: helpMs < HELP_TARGET_MS };
}

export function printCliStartup(r: CliStartup): void {
  console.log(`command-line start-up, launch to exit (the built bin, median of ${LAUNCHES} launches)`);
  console.log(`  node -e 0 (the floor)     ${r.nodeMs.toFixed(0)} ms`);
  console.log(`  leverage scenarios        ${r.scenariosMs.toFixed(0)} ms`);
  console.log(`  leverage --help           ${r.helpMs.toFixed(0)} ms   target < ${HELP_TARGET_MS} ms   ${r.met ? 'met' : 'NOT MET'}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printCliStartup(cliStartup());
