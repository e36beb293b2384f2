import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/engine/batch/stats.js';
import { packageRoot } from '../../src/package-root.js';
import { BIN, expectUserError, leverage as run } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'lev-batch-'));


describe('leverage batch', () => {
  it('3 shards merged give exactly what one unsharded run gives', () => {
    const d = tmp();
    const args = ['batch', '2022', '2023', '--runs', '2500', '--seed', '5', '--us', 'columns,appeaser'];
    expect(run([...args, '--workers', '1', '--out', join(d, 'whole.json')]).code).toBe(0);
    for (const i of [1, 2, 3]) expect(run([...args, '--workers', '2', '--shard', `${i}/3`, '--out', join(d, `part${i}.json`)]).code).toBe(0);
    expect(run(['merge', join(d, 'part3.json'), join(d, 'part1.json'), join(d, 'part2.json'), '--out', join(d, 'merged.json')]).code).toBe(0);
    expect(readFileSync(join(d, 'merged.json'), 'utf8')).toBe(readFileSync(join(d, 'whole.json'), 'utf8'));
  });

  it('writes CSV and JSON that agree with each other', () => {
    const d = tmp();
    const args = ['batch', '2020', '--runs', '1500', '--seed', '2', '--us', 'exposer,asksBeijing'];
    run([...args, '--out', join(d, 'r.csv')]);
    run([...args, '--out', join(d, 'r.json')]);
    const json = JSON.parse(readFileSync(join(d, 'r.json'), 'utf8')) as { cells: { profile: { us: string }; summary: { metrics: Record<string, { mean: number }>; outcomes: Record<string, { p: number }> } }[] };
    const [head, ...lines] = readFileSync(join(d, 'r.csv'), 'utf8').trim().split('\n');
    expect(head).toBe('scenario,us,china,kim,metric,n,mean,ci_low,ci_high,sd');
    expect(lines.length).toBe(2 * (METRICS.length + 6));
    for (const line of lines) {
      const [scenario, us, , , metric, n, mean] = line.split(',');
      expect(scenario).toBe('2020');
      expect(n).toBe('1500');
      const cell = json.cells.find((c) => c.profile.us === us)!;
      const expected = metric!.startsWith('outcome.') ? cell.summary.outcomes[metric!.slice(8)]!.p : cell.summary.metrics[metric!]!.mean;
      expect(Number(mean)).toBe(expected);
    }
  });

  it('prints a readable table by default, and JSONL on request', () => {
    const r = run(['batch', 'baseline', '--runs', '1000']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/baseline · US columns · China opportunist · Kim regimeFirst · 1000 games/);
    expect(r.out).toMatch(/US payoff +-?\d+\.\d\d +\[-?\d+\.\d\d, -?\d+\.\d\d\]/);
    const d = tmp();
    run(['batch', 'baseline', '--runs', '1000', '--out', join(d, 'r.jsonl')]);
    const rows = readFileSync(join(d, 'r.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { metric: string });
    expect(rows.map((r) => r.metric)).toContain('outcome.war');
  });
});

describe('leverage compare and tournament', () => {
  it('compare shows the columns\' strategy and the appeaser with intervals, and marks the best', () => {
    const r = run(['compare', '2022', '--us', 'columns,appeaser,exposer', '--runs', '2000', '--seed', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^US payoff: mean \[95% CI\]/);
    expect(r.out).toMatch(/columns +[★~ ] +-?\d+\.\d\d \[/);
    expect(r.out).toMatch(/appeaser +[★~ ] +-?\d+\.\d\d \[/);
    expect(r.out).toContain('★');
    const md = run(['compare', '2022', '2023', '--us', 'columns,appeaser', '--runs', '1000', '--format', 'md']);
    expect(md.out).toMatch(/\| US strategy \| 2022 \| 2023 \|/);
  });

  it('tournament names equilibria and best replies', () => {
    const r = run(['tournament', 'one-shot', '--runs', '200', '--us', 'columns,appeaser', '--china', 'opportunist,restrained']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 US x 2 China x 4 Kim strategies = 16 profiles/);
    expect(r.out).toMatch(/Pure-strategy equilibria/);
    expect(r.out).toMatch(/US +(columns|appeaser) \d+\/8/);
  });
});

describe('bad input and interruption', () => {
  it.each([
    [['batch', 'baseline', '--runs', '0'], /--runs 0: must be a whole number from 1 to/],
    [['batch', 'baseline', '--runs', '-5'], /--runs -5: must be a whole number/],
    [['batch', 'baseline', '--runs', '1.5'], /--runs 1\.5: must be a whole number/],
    [['batch', 'baseline', '--us', 'columns,nobody'], /--us: unknown US strategy 'nobody'/],
    [['batch', 'atlantis'], /atlantis: no such scenario/],
    [['batch', 'baseline', '--shard', '0/3', '--out', 'x.json'], /--shard 0\/3: write it as i\/n/],
    [['batch', 'baseline', '--shard', '4/3', '--out', 'x.json'], /--shard 4\/3/],
    [['batch', 'baseline', '--shard', 'half', '--out', 'x.json'], /--shard half/],
    [['batch', 'baseline', '--shard', '1/2'], /--shard writes a partial result: give --out/],
    [['batch', 'baseline', '--out', 'r.xlsx'], /--out r\.xlsx: name a file ending in \.json, \.csv, \.jsonl/],
    [['compare', 'baseline', '--metric', 'happiness'], /--metric happiness: unknown measure/],
    [['batch', 'baseline', '--workers', '0'], /--workers 0/],
  ])('%j', (args, pattern) => expectUserError(run(args), pattern));

  it('an output folder that does not exist is reported before any work', () => {
    const d = tmp();
    const started = Date.now();
    expectUserError(run(['batch', 'baseline', '--runs', '50000000', '--out', join(d, 'none', 'r.json')]), /folder .* does not exist/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('merge refuses shards of different runs, missing or repeated shards, and non-partials', () => {
    const d = tmp();
    const part = (seed: string, i: number, extra: string[] = []) => {
      const f = join(d, `s${seed}-${i}-${extra.join('')}.json`);
      run(['batch', 'one-shot', '--runs', '1000', '--seed', seed, '--shard', `${i}/2`, '--out', f, ...extra]);
      return f;
    };
    const a1 = part('1', 1);
    const a2 = part('1', 2);
    expectUserError(run(['merge', a1, part('2', 2)]), /not a shard of the same run as .*: they differ in seed \(1 vs 2\)/);
    expectUserError(run(['merge', a1, part('1', 2, ['--us', 'appeaser'])]), /differ in strategies/);
    expectUserError(run(['merge', a1]), /shard 2\/2 is missing/);
    expectUserError(run(['merge', a1, a1, a2]), /shard 1\/2 is given twice/);
    writeFileSync(join(d, 'junk.json'), '{"kind":"x"}');
    expectUserError(run(['merge', join(d, 'junk.json')]), /not a partial result/);
    const data = JSON.parse(readFileSync(a2, 'utf8')) as { leverage: string };
    data.leverage = '9.9.9';
    writeFileSync(join(d, 'old.json'), JSON.stringify(data));
    expectUserError(run(['merge', a1, join(d, 'old.json')]), /written by leverage 9\.9\.9/);
  });

  it('Ctrl-C stops a batch, says how far it got, and writes nothing', async () => {
    const d = tmp();
    const child = spawn(process.execPath, [BIN, 'batch', 'baseline', '--runs', '5000000', '--out', join(d, 'r.json')], { cwd: packageRoot() });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(130);
    expect(err).toMatch(/interrupted after \d+ of 5000000 games; nothing was written/);
    expect(readdirSync(d)).toEqual([]);
    expect(existsSync(join(d, 'r.json'))).toBe(false);
  });
});
