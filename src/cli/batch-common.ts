import type { Actor } from '../model/context.js';
import type { Acc } from '../engine/batch/stats.js';
import type { BatchSpec, Cell, ProfileIds } from '../engine/batch/batch.js';
import type { TidyRow } from '../analysis/summary.js';
import { BatchInterrupted, Folder, runUnits, shardUnits } from '../engine/batch/batch.js';
import { partialText } from './partial-file.js';
import { usableCpus } from './cpus.js';
import { parseShard, parseSlurmBase } from './job-index.js';
import { InputError } from '../input-error.js';
import { ACTORS } from '../model/context.js';
import { resolveScenario } from '../scenario/catalog.js';
import { DEFAULT_STRATEGY, defaultStrategyId, getStrategy, strategyIds } from '../strategies/registry.js';
import { checkWritable, writeAtomic } from './io.js';
import { requireHtmlOut } from './html-output.js';
import { print } from './width.js';
import { parseSeed, parseWholeNumber, withRounds } from './options.js';

export const MAX_RUNS = 100_000_000;

export interface BatchCliOptions {
  runs: string;
  seed: string;
  us?: string;
  china?: string;
  kim?: string;
  rounds?: string;
  workers?: string;
  out?: string;
  shard?: string;
  slurmArrayBase?: string;
}

/** `all`, one id, or a comma list, checked against the registry. */
export function parseStrategyList(actor: Actor, value: string | undefined, fallback: string): string[] {
  if (value === undefined) return [fallback];
  if (value.trim().toLowerCase() === 'all') return strategyIds(actor);
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError(`--${actor} '${value}': name one or more strategies, or 'all'.`);
  return [...new Set(ids.map((id) => getStrategy(actor, id).id))];
}

export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return usableCpus();
  return parseWholeNumber('--workers', value, 1, 256);
}

/**
 * A side's default across scenarios, for commands whose rows must be the same profiles in
 * every scenario (compare, tournament): the scenarios' own choice when they all make the
 * same one, else the built-in default.
 */
export function sharedDefault(a: Actor, scenarios: { strategies: Partial<Record<Actor, string>> }[]): string {
  const choices = new Set(scenarios.map((s) => defaultStrategyId(a, s.strategies)));
  return choices.size === 1 ? ([...choices][0] as string) : DEFAULT_STRATEGY[a];
}

function productOf(lists: Record<Actor, string[]>): ProfileIds[] {
  const out: ProfileIds[] = [];
  for (const us of lists.us) for (const china of lists.china) for (const kim of lists.kim) out.push({ us, china, kim });
  return out;
}

/**
 * Scenarios, profiles (the product of each side's list), seed and runs. With `ownDefaults`
 * (batch), a side no flag names plays each scenario's own default (2020's and 2023's China,
 * say), not one shared choice: the scenario then carries its own profiles.
 */
export function buildSpec(command: string, refs: string[], opts: BatchCliOptions, all: Partial<Record<Actor, boolean>> = {}, ownDefaults = false): BatchSpec {
  const runs = parseWholeNumber('--runs', opts.runs, 1, MAX_RUNS);
  const seed = parseSeed(opts.seed);
  const scenarios = (refs.length ? refs : ['baseline']).map((r) => withRounds(resolveScenario(r), opts.rounds));
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(s.name)) throw new InputError(`${s.source}: a scenario named '${s.name}' is given twice. Fix: give each scenario once.`);
    names.add(s.name);
  }
  const listsFor = (defaults: (a: Actor) => string) => {
    const lists = {} as Record<Actor, string[]>;
    for (const a of ACTORS) lists[a] = all[a] ? strategyIds(a) : parseStrategyList(a, opts[a], defaults(a));
    return lists;
  };
  const profiles = productOf(listsFor((a) => sharedDefault(a, scenarios)));
  const key = JSON.stringify(profiles);
  return {
    command,
    seed,
    runs,
    scenarios: scenarios.map((s) => {
      const own = ownDefaults ? productOf(listsFor((a) => defaultStrategyId(a, s.strategies))) : profiles;
      return { name: s.name, source: s.source, sha256: s.sha256, params: s.params, ...(JSON.stringify(own) !== key ? { profiles: own } : {}) };
    }),
    profiles,
  };
}

function progressBar(): ((p: { gamesDone: number; gamesTotal: number }) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return ({ gamesDone, gamesTotal }) => {
    const now = Date.now();
    if (now - last < 100 && gamesDone < gamesTotal) return;
    last = now;
    const width = 30;
    const filled = Math.round((gamesDone / gamesTotal) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((gamesDone / gamesTotal) * 100)}%  ${gamesDone}/${gamesTotal} games`);
    if (gamesDone >= gamesTotal) process.stderr.write('\r\x1b[2K');
  };
}

/** Ctrl-C stops the workers; nothing is written, and the person is told how far it got. */
function interruptible(): { signal: AbortSignal; done(): void } {
  const ac = new AbortController();
  const onSigint = () => ac.abort();
  process.on('SIGINT', onSigint);
  return { signal: ac.signal, done: () => process.off('SIGINT', onSigint) };
}

function reportInterrupt(e: unknown): never {
  if (e instanceof BatchInterrupted) {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    process.stderr.write(`leverage: interrupted after ${e.progress.gamesDone} of ${e.progress.gamesTotal} games; nothing was written.\n`);
    process.exit(130);
  }
  throw e;
}

/**
 * Run a spec: the whole batch (returns its cells), or with --shard one shard of it, written
 * as a partial file for `leverage merge` (returns null).
 */
export async function execute(spec: BatchSpec, opts: BatchCliOptions, report: Record<string, unknown>): Promise<Cell[] | null> {
  const shard = parseShard(opts.shard, process.env, parseSlurmBase(opts.slurmArrayBase));
  const workers = parseWorkers(opts.workers);
  if (shard && !opts.out) throw new InputError('--shard writes a partial result: give --out FILE.json for it.');
  if (shard && opts.out && !opts.out.endsWith('.json')) throw new InputError(`--out ${opts.out}: a shard's partial result is JSON; name a .json file.`);
  if (opts.out) checkWritable(opts.out, '--out');
  const stop = interruptible();
  try {
    if (shard) {
      const units: { u: number; acc: Acc }[] = [];
      await runUnits(spec, { workers, shard, onProgress: progressBar(), signal: stop.signal }, (u, acc) => units.push({ u, acc }));
      units.sort((a, b) => a.u - b.u);
      writeAtomic(opts.out as string, partialText({ shard, report, spec }, units), '--out');
      process.stderr.write(`shard ${shard.index}/${shard.count}: ${units.length} of ${shardUnits(spec).length} units written to ${opts.out}; combine all shards with leverage merge.\n`);
      return null;
    }
    const folder = new Folder(spec);
    await runUnits(spec, { workers, onProgress: progressBar(), signal: stop.signal }, (u, acc) => folder.add(u, acc));
    return folder.cells;
  } catch (e) {
    return reportInterrupt(e);
  } finally {
    stop.done();
  }
}

// ---------- writing results ----------

export type OutputFormat = 'table' | 'md' | 'csv' | 'json' | 'jsonl' | 'html';

export function formatFromOut(out: string | undefined, explicit: string | undefined, allowed: OutputFormat[]): OutputFormat {
  const ext = out?.split('.').pop()?.toLowerCase();
  const byExt: Record<string, OutputFormat> = { json: 'json', csv: 'csv', jsonl: 'jsonl', md: 'md', txt: 'table', html: 'html' };
  if (explicit !== undefined) {
    if (!(allowed as string[]).includes(explicit)) throw new InputError(`--format ${explicit}: use one of ${allowed.join(', ')}.`);
    if (explicit === 'html') requireHtmlOut(out);
    // A file named for one format and written in another misleads whoever opens it.
    const named = ext ? byExt[ext] : undefined;
    if (named && named !== explicit) throw new InputError(`--format ${explicit} --out ${out}: the file's name says ${ext}. Fix: drop one of them, or make them agree.`);
    return explicit as OutputFormat;
  }
  if (!out) return 'table';
  const f = ext ? byExt[ext] : undefined;
  if (!f || !allowed.includes(f)) {
    throw new InputError(`--out ${out}: name a file ending in ${allowed.filter((a) => a !== 'table').map((a) => `.${a}`).join(', ')}${allowed.includes('table') ? ' or .txt' : ''}.`);
  }
  return f;
}

export function csvOf(rows: TidyRow[]): string {
  const cols: (keyof TidyRow)[] = ['scenario', 'us', 'china', 'kim', 'metric', 'n', 'mean', 'ci_low', 'ci_high', 'sd'];
  const cell = (v: unknown) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

export function jsonlOf(rows: TidyRow[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** Print to stdout, or write the whole file at once. */
/** Write to `out`, or to standard output; `readable` text (not data: json, csv, md) is fitted to the width. */
export function emit(text: string, out: string | undefined, readable = false): void {
  if (out) {
    writeAtomic(out, text, '--out');
    process.stderr.write(`wrote ${out}\n`);
  } else if (readable) print(text);
  else process.stdout.write(text);
}

