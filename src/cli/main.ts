#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import type { CommandEntry } from './program.js';
import { InputError } from '../input-error.js';
import { printable } from '../bounded-read.js';
import { COMMANDS, newProgram, registerCommands, registerIndex } from './program.js';

// The only place that reads argv and sets the exit code:
// 0 success, 1 a runtime failure (including a replay that diverges), 2 bad usage or input.

/**
 * The build's index of the commands, written beside the bundled entry (dist/cli/commands.json)
 * from the same build, so it cannot be older than the commands it lists; other entries (the
 * unbundled dist/src, sources under tsx) have none and load the commands.
 */
function builtIndex(): CommandEntry[] | null {
  const file = fileURLToPath(new URL('./commands.json', import.meta.url));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CommandEntry[]) : null;
}

async function main(argv: string[]): Promise<void> {
  const program = newProgram();
  const invoked = argv[2];
  const args = argv.slice(2);
  // The top-level help and the version need only the commands' names and summaries.
  const indexOnly = args.length === 0 || (args.length === 1 && ['--help', '-h', '--version', '-V'].includes(args[0] as string));
  const index = indexOnly ? builtIndex() : null;
  if (index) registerIndex(program, index);
  else await registerCommands(program, invoked !== undefined && COMMANDS[invoked] ? [invoked] : undefined);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    handle(e);
  }
}

/**
 * Standard output that cannot be written: a reader that went away (`scenarios | head -3`) is
 * no error, so the command ends quietly; a full disk (`run 2022 > /dev/full`) is one line.
 */
function outputFailed(e: NodeJS.ErrnoException): boolean {
  if (e?.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  if (e?.code === 'ENOSPC' || e?.code === 'EDQUOT' || e?.code === 'EIO') {
    const why = e.code === 'EIO' ? 'an input/output error' : 'the disk is full';
    try {
      process.stderr.write(`leverage: cannot write the output (${why}). Fix: free some space, or write elsewhere.\n`);
    } catch {
      // stderr may be on the same full disk: the exit code still tells.
    }
    process.exit(1);
  }
  return false;
}
process.stdout.on('error', (e) => outputFailed(e) || handle(e));

function handle(e: unknown): void {
  if ((e as NodeJS.ErrnoException)?.syscall === 'write' && outputFailed(e as NodeJS.ErrnoException)) return;
  if (e instanceof CommanderError) {
    // Help and version exit cleanly; anything else commander rejects is a usage error.
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    return;
  }
  if (e instanceof InputError) {
    // Messages quote what a person gave (file text, names): never echo control characters.
    process.stderr.write(`leverage: ${printable(e.message)}\n`);
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
