import type { Command } from 'commander';
import type { PartialHeader } from '../partial-file.js';
import type { MetricChoice } from '../../analysis/reports.js';
import { batchReport } from '../../analysis/reports.js';
import { Folder, unitCount } from '../../engine/batch/batch.js';
import { InputError } from '../../input-error.js';
import { emit, formatFromOut } from '../batch-common.js';
import { parseWholeNumber } from '../options.js';
import { PartialReader } from '../partial-file.js';
import { renderBatchReport } from './batch.js';
import { renderCompareOutput } from './compare.js';
import { renderTournamentOutput } from './tournament.js';

/** Name the first thing two partials disagree on. */
function difference(a: PartialHeader, b: PartialHeader): string {
  if (a.spec.command !== b.spec.command) return `command (${a.spec.command} vs ${b.spec.command})`;
  if (a.spec.seed !== b.spec.seed) return `seed (${a.spec.seed} vs ${b.spec.seed})`;
  if (a.spec.runs !== b.spec.runs) return `runs (${a.spec.runs} vs ${b.spec.runs})`;
  const names = (p: PartialHeader) => p.spec.scenarios.map((s) => s.name).join(',');
  if (names(a) !== names(b)) return `scenarios (${names(a)} vs ${names(b)})`;
  if (JSON.stringify(a.spec.scenarios) !== JSON.stringify(b.spec.scenarios)) return 'scenario contents (a scenario file changed between shards)';
  if (JSON.stringify(a.spec.profiles) !== JSON.stringify(b.spec.profiles)) return 'strategies';
  if (a.shard.count !== b.shard.count) return `shard count (${a.shard.count} vs ${b.shard.count})`;
  return `report options (${JSON.stringify(a.report)} vs ${JSON.stringify(b.report)})`;
}

/** 3, 7-9, 12: shard numbers, runs of consecutive ones shortened. */
export function shardList(indices: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < indices.length; ) {
    let j = i;
    while (j + 1 < indices.length && (indices[j + 1] as number) === (indices[j] as number) + 1) j++;
    out.push(j > i + 1 ? `${indices[i]}-${indices[j]}` : j === i + 1 ? `${indices[i]}, ${indices[j]}` : `${indices[i]}`);
    i = j + 1;
  }
  return out.join(', ');
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the partial results of --shard runs into exactly what one unsharded run gives')
    .argument('<partials...>', 'the .json files written by each shard')
    .option('--format <f>', 'as the command that made the shards accepts (default: from --out, else table)')
    .option('--out <file>', 'write the merged result to a file')
    .option('--expect <n>', 'the number of shards the run was cut into: name every one that is missing')
    .action((files: string[], opts: { format?: string; out?: string; expect?: string }) => {
      const expect = opts.expect === undefined ? undefined : parseWholeNumber('--expect', opts.expect, 1, 100_000);
      const readers = files.map((f) => new PartialReader(f, files.length));
      const first = readers[0] as PartialReader;
      const head = first.header;
      for (const r of readers.slice(1)) {
        const h = r.header;
        if (h.fingerprint !== head.fingerprint || h.shard.count !== head.shard.count || JSON.stringify(h.report) !== JSON.stringify(head.report)) {
          throw new InputError(`${r.file}: not a shard of the same run as ${first.file}: they differ in ${difference(head, h)}.`);
        }
        // Same fingerprint, same games: one copy of the spec serves every shard.
        r.header.spec = head.spec;
      }
      const count = head.shard.count;
      if (expect !== undefined && expect !== count) {
        throw new InputError(`--expect ${expect}: the shards given were cut into ${count} (--shard i/${count}). Fix: expect ${count}, or rerun every shard as i/${expect}.`);
      }
      const byIndex = new Map<number, PartialReader>();
      for (const r of readers) {
        const other = byIndex.get(r.header.shard.index);
        if (other) throw new InputError(`${r.file}: shard ${r.header.shard.index}/${count} is given twice (also ${other.file}).`);
        byIndex.set(r.header.shard.index, r);
      }
      const missing: number[] = [];
      for (let i = 1; i <= count; i++) if (!byIndex.has(i)) missing.push(i);
      if (missing.length) {
        if (missing.length === 1) throw new InputError(`shard ${missing[0]}/${count} is missing. Fix: add its partial file (made with --shard ${missing[0]}/${count}).`);
        throw new InputError(`${missing.length} of ${count} shards are missing: ${shardList(missing)}. Fix: add their partial files (made with --shard i/${count}).`);
      }
      const spec = head.spec;
      const allowed = spec.command === 'compare' ? (['table', 'md', 'csv', 'json'] as const) : spec.command === 'tournament' ? (['table', 'csv', 'json'] as const) : (['table', 'json', 'csv', 'jsonl'] as const);
      const format = formatFromOut(opts.out, opts.format, [...allowed]);
      // Units in order, each from the shard that holds it: every cell is folded in chunk order,
      // exactly as one unsharded run folds it, with one unit of each shard in memory at a time.
      const folder = new Folder(spec);
      const total = unitCount(spec);
      for (let u = 0; u < total; u++) folder.add(u, (byIndex.get((u % count) + 1) as PartialReader).nextUnit(u));
      for (const r of readers) r.finish();
      const cells = folder.cells;
      const text =
        spec.command === 'compare'
          ? renderCompareOutput(spec, cells, head.report.metric as MetricChoice, format)
          : spec.command === 'tournament'
            ? renderTournamentOutput(spec, cells, format)
            : renderBatchReport(batchReport(spec, cells), format);
      emit(text, opts.out, format === 'table');
    });
}
