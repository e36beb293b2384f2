// Partial results for a very large run, without playing it: to measure `leverage merge` at
// 10^8 or 10^9 games. The first few units are really played; every later unit repeats one
// of them (a valid unit: right game count, whole counts, finite means). Beside the shards it
// writes reference.json, the same units folded in this process in unit order, which is what
// one unsharded run over those units reports: merge must write exactly these bytes.
//
//   npx tsx scripts/synth-shards.ts <folder> <runs per cell> <shards> [scenarios,comma] [kim strategies,comma]
// e.g. 10^9 games: 5 scenarios x 2 Kim strategies x 10^8 runs (--runs stops at 10^8).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchReport } from '../src/analysis/reports.js';
import { buildSpec } from '../src/cli/batch-common.js';
import { renderBatchReport } from '../src/cli/commands/batch.js';
import { partialText } from '../src/cli/partial-file.js';
import { Folder, resolveProfiles, runUnit, unitCount } from '../src/engine/batch/batch.js';
import type { Acc } from '../src/engine/batch/stats.js';

const [folder, runsArg, shardsArg, scenarios = '2022', kim] = process.argv.slice(2);
if (!folder || !runsArg || !shardsArg) throw new Error('usage: synth-shards.ts <folder> <runs per cell> <shards> [scenarios] [kim strategies]');
const count = Number(shardsArg);
const spec = buildSpec('batch', scenarios.split(','), { runs: runsArg, seed: '1', kim }, {}, true);
const games = spec.runs * spec.scenarios.length * spec.profiles.length;
const total = unitCount(spec);
const played = Math.min(total, 20);
const profiles = resolveProfiles(spec);
const real: Acc[] = [];
for (let u = 0; u < played; u++) real.push(runUnit(spec, u, profiles[0]!));
const unit = (u: number) => real[u % played] as Acc;

mkdirSync(folder, { recursive: true });
for (let i = 1; i <= count; i++) {
  const units = [];
  for (let u = i - 1; u < total; u += count) units.push({ u, acc: unit(u) });
  writeFileSync(join(folder, `part-${String(i).padStart(5, '0')}.json`), partialText({ shard: { index: i, count }, report: {}, spec }, units));
}
const fold = new Folder(spec);
for (let u = 0; u < total; u++) fold.add(u, structuredClone(unit(u)));
writeFileSync(join(folder, 'reference.json'), renderBatchReport(batchReport(spec, fold.cells), 'json'));
console.log(`${count} shards of ${games} games (${total} units) in ${folder}`);
