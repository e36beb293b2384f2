import type { Command } from 'commander';
import type { PartialFile } from '../batch-common.js';
import type { MetricChoice } from '../../analysis/reports.js';
import type { Acc } from '../../engine/batch/stats.js';
import { batchReport } from '../../analysis/reports.js';
import { Folder, shardUnits, specFingerprint } from '../../engine/batch/batch.js';
import { CHUNK_SIZE } from '../../engine/batch/stats.js';
import { InputError } from '../../input-error.js';
import { packageVersion } from '../../package-root.js';
import { emit, formatFromOut, PARTIAL_KIND, PARTIAL_VERSION } from '../batch-common.js';
import { readTextFile } from '../io.js';
import { renderBatchReport } from './batch.js';
import { renderCompareOutput } from './compare.js';
import { renderTournamentOutput } from './tournament.js';

function readPartial(file: string): PartialFile {
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(file, 'partial result'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: not JSON (corrupt or cut short). Fix: rerun that shard.`);
  }
  const p = data as Partial<PartialFile>;
  if (p?.kind !== PARTIAL_KIND) throw new InputError(`${file}: not a partial result; make one with --shard i/n --out FILE.json.`);
  if (p.formatVersion !== PARTIAL_VERSION || p.leverage !== packageVersion()) {
    throw new InputError(`${file}: written by leverage ${String(p.leverage)} (format ${String(p.formatVersion)}); this is ${packageVersion()}. Fix: rerun every shard with one version.`);
  }
  if (!p.spec || !p.shard || !Array.isArray(p.units) || p.fingerprint !== specFingerprint(p.spec) || p.chunkSize !== CHUNK_SIZE) {
    throw new InputError(`${file}: the partial result is damaged (its contents do not match its fingerprint). Fix: rerun that shard.`);
  }
  return p as PartialFile;
}

/** Name the first thing two partials disagree on. */
function difference(a: PartialFile, b: PartialFile): string {
  if (a.spec.command !== b.spec.command) return `command (${a.spec.command} vs ${b.spec.command})`;
  if (a.spec.seed !== b.spec.seed) return `seed (${a.spec.seed} vs ${b.spec.seed})`;
  if (a.spec.runs !== b.spec.runs) return `runs (${a.spec.runs} vs ${b.spec.runs})`;
  const names = (p: PartialFile) => p.spec.scenarios.map((s) => s.name).join(',');
  if (names(a) !== names(b)) return `scenarios (${names(a)} vs ${names(b)})`;
  if (JSON.stringify(a.spec.scenarios) !== JSON.stringify(b.spec.scenarios)) return 'scenario contents (a scenario file changed between shards)';
  if (JSON.stringify(a.spec.profiles) !== JSON.stringify(b.spec.profiles)) return 'strategies';
  if (a.shard.count !== b.shard.count) return `shard count (${a.shard.count} vs ${b.shard.count})`;
  return `report options (${JSON.stringify(a.report)} vs ${JSON.stringify(b.report)})`;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the partial results of --shard runs into exactly what one unsharded run gives')
    .argument('<partials...>', 'the .json files written by each shard')
    .option('--format <f>', 'as the command that made the shards accepts (default: from --out, else table)')
    .option('--out <file>', 'write the merged result to a file')
    .action((files: string[], opts: { format?: string; out?: string }) => {
      const parts = files.map((f) => ({ file: f, p: readPartial(f) }));
      const first = parts[0] as { file: string; p: PartialFile };
      for (const { file, p } of parts.slice(1)) {
        if (p.fingerprint !== first.p.fingerprint || p.shard.count !== first.p.shard.count || JSON.stringify(p.report) !== JSON.stringify(first.p.report)) {
          throw new InputError(`${file}: not a shard of the same run as ${first.file}: they differ in ${difference(first.p, p)}.`);
        }
      }
      const seen = new Map<number, string>();
      for (const { file, p } of parts) {
        const other = seen.get(p.shard.index);
        if (other) throw new InputError(`${file}: shard ${p.shard.index}/${p.shard.count} is given twice (also ${other}).`);
        seen.set(p.shard.index, file);
      }
      const count = first.p.shard.count;
      for (let i = 1; i <= count; i++) {
        if (!seen.has(i)) throw new InputError(`shard ${i}/${count} is missing. Fix: add its partial file (made with --shard ${i}/${count}).`);
      }
      const spec = first.p.spec;
      const allowed = spec.command === 'compare' ? (['table', 'md', 'csv', 'json'] as const) : spec.command === 'tournament' ? (['table', 'csv', 'json'] as const) : (['table', 'json', 'csv', 'jsonl'] as const);
      const format = formatFromOut(opts.out, opts.format, [...allowed]);
      const folder = new Folder(spec);
      for (const { file, p } of parts) {
        const expected = shardUnits(spec, p.shard);
        const got = p.units.map((x) => x.u);
        if (JSON.stringify(expected) !== JSON.stringify(got)) throw new InputError(`${file}: the shard is incomplete (${got.length} of ${expected.length} units). Fix: rerun it.`);
        for (const { u, acc } of p.units) folder.add(u, acc as Acc);
      }
      const cells = folder.cells;
      const text =
        spec.command === 'compare'
          ? renderCompareOutput(spec, cells, first.p.report.metric as MetricChoice, format)
          : spec.command === 'tournament'
            ? renderTournamentOutput(spec, cells, format)
            : renderBatchReport(batchReport(spec, cells), format);
      emit(text, opts.out, format === 'table');
    });
}
