import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leverage as run } from './helpers.js';

// Issue 18 item 7: a batch of several scenarios plays each scenario's own default strategies
// (2020 and 2023 name covertFirst for China), unless a flag names the side for all of them.

interface Report {
  cells: { scenario: string; profile: { us: string; china: string; kim: string }; summary: unknown }[];
}

const tmp = () => mkdtempSync(join(tmpdir(), 'lev-own-'));

function batch(args: string[]): Report {
  const out = join(tmp(), 'r.json');
  const r = run(['batch', ...args, '--runs', '2000', '--seed', '4', '--workers', '1', '--out', out]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

describe('a multi-scenario batch', () => {
  it("plays each scenario's own China, the same games as that scenario alone, and says which played", () => {
    const together = batch(['2022', '2020', '2023']);
    const china = Object.fromEntries(together.cells.map((c) => [c.scenario, c.profile.china]));
    const alone = (name: string) => batch([name]).cells[0]!;
    for (const name of ['2020', '2023', '2022']) {
      const own = alone(name);
      expect(china[name]).toBe(own.profile.china);
      expect(together.cells.find((c) => c.scenario === name)?.summary).toEqual(own.summary);
    }
    expect(china['2020']).toBe('covertFirst');
    expect(china['2022']).not.toBe('covertFirst');
  });

  it('a flag still sets a side in every scenario, and shards of own defaults merge to the same result', () => {
    const flagged = batch(['2022', '2020', '--china', 'opportunist']);
    expect(flagged.cells.map((c) => c.profile.china)).toEqual(['opportunist', 'opportunist']);
    const d = tmp();
    const args = ['batch', '2022', '2020', '--runs', '3000', '--seed', '4', '--workers', '1'];
    expect(run([...args, '--out', join(d, 'whole.json')]).code).toBe(0);
    for (const i of [1, 2]) expect(run([...args, '--shard', `${i}/2`, '--out', join(d, `p${i}.json`)]).code).toBe(0);
    expect(run(['merge', join(d, 'p1.json'), join(d, 'p2.json'), '--out', join(d, 'merged.json')]).code).toBe(0);
    expect(readFileSync(join(d, 'merged.json'), 'utf8')).toBe(readFileSync(join(d, 'whole.json'), 'utf8'));
  });
});
