import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUserError, leverage as run } from './helpers.js';

// Issue 20 item 5: a partial result whose units were edited or damaged must be refused with
// one line naming the file and the unit, never merged into impossible numbers.

const tmp = () => mkdtempSync(join(tmpdir(), 'lev-shard-'));

/** Two shards of one small run; returns their paths. */
function shards(d: string): [string, string] {
  const files = [1, 2].map((i) => {
    const f = join(d, `part${i}.json`);
    expect(run(['batch', 'one-shot', '--runs', '3000', '--seed', '5', '--workers', '1', '--shard', `${i}/2`, '--out', f]).code).toBe(0);
    return f;
  });
  return files as [string, string];
}

/** Rewrite unit k (0-based, in file order) of a partial file, keeping the layout. */
function editUnit(file: string, k: number, edit: (unit: { u: number; acc: Record<string, unknown> }) => void, out: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const raw = lines[k + 1] as string;
  const comma = raw.endsWith(',');
  const unit = JSON.parse(comma ? raw.slice(0, -1) : raw) as { u: number; acc: Record<string, unknown> };
  edit(unit);
  lines[k + 1] = JSON.stringify(unit) + (comma ? ',' : '');
  writeFileSync(out, lines.join('\n'));
  return out;
}

describe('merge checks every unit of every shard', () => {
  it('refuses a unit whose game count, mean or metrics were edited, and a unit swap the invariants cannot see', () => {
    const d = tmp();
    const [a, b] = shards(d);
    expect(run(['merge', a, b]).code).toBe(0);
    const bad = (name: string, edit: (unit: { u: number; acc: Record<string, unknown> }) => void) => editUnit(b, 0, edit, join(d, name));

    expectUserError(run(['merge', a, bad('n.json', (x) => (x.acc.n = 5000))]), /n\.json: the partial result is damaged \(unit 1: n is 5000, but the unit has 1000 games\)/);
    expectUserError(run(['merge', a, bad('shares.json', (x) => ((x.acc.outcomes as number[])[0] = 999))]), /unit 1: outcome counts sum to/);
    const nanMean = bad('nan.json', (x) => ((x.acc.metrics as { mean: unknown }[])[0]!.mean = 'NaN'));
    expectUserError(run(['merge', a, nanMean]), /unit 1: metric 'US payoff' has a mean, spread, min or max that is not a finite number/);
    expectUserError(run(['merge', a, bad('nometrics.json', (x) => delete x.acc.metrics)]), /unit 1: metrics are missing/);
    // Counts moved between two histogram bins keep every sum right: only the digest tells.
    const moved = bad('moved.json', (x) => {
      const hist = (x.acc.metrics as { hist: number[] }[])[0]!.hist;
      const from = hist.findIndex((h) => h > 0);
      hist[from]! -= 1;
      hist[(from + 1) % hist.length]! += 1;
    });
    expectUserError(run(['merge', a, moved]), /moved\.json: the partial result is damaged \(its units do not match their digest\)/);
    const lines = readFileSync(b, 'utf8').split('\n');
    const header = JSON.parse(lines[0]! + ']}') as { spec: { scenarios?: unknown } };
    delete header.spec.scenarios;
    lines[0] = JSON.stringify(header).slice(0, -2);
    writeFileSync(join(d, 'nospec.json'), lines.join('\n'));
    expectUserError(run(['merge', a, join(d, 'nospec.json')]), /nospec\.json: the partial result is damaged \(its spec does not match its fingerprint\)/);
  });

  it('refuses a shard cut short, and names every missing shard', () => {
    const d = tmp();
    const [a, b] = shards(d);
    const text = readFileSync(b, 'utf8');
    writeFileSync(join(d, 'cut.json'), text.slice(0, text.indexOf('\n') + 1));
    expectUserError(run(['merge', a, join(d, 'cut.json')]), /cut\.json: the shard is incomplete \(it stops before unit 1\)/);
    writeFileSync(join(d, 'end.json'), text.slice(0, text.lastIndexOf('],')));
    expectUserError(run(['merge', a, join(d, 'end.json')]), /end\.json: the partial result is damaged \(it is cut short\)/);
    const parts = [1, 2, 3, 4, 5, 6].map((i) => {
      const f = join(d, `six${i}.json`);
      expect(run(['batch', 'one-shot', '--runs', '6000', '--workers', '1', '--shard', `${i}/6`, '--out', f]).code).toBe(0);
      return f;
    });
    expectUserError(run(['merge', parts[0]!, parts[4]!, '--expect', '6']), /4 of 6 shards are missing: 2-4, 6\./);
    expectUserError(run(['merge', ...parts, '--expect', '5']), /--expect 5: the shards given were cut into 6/);
    expect(run(['merge', ...parts, '--expect', '6']).code).toBe(0);
  });
});
