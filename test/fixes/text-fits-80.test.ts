import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leverage as run } from '../cli/helpers.js';

// Issue 10 item 10: every text output fits 80 columns (the width when standard output is not
// a terminal) and wraps or stacks without cutting a number in two.

const dir = mkdtempSync(join(tmpdir(), 'lev-width-'));
const log = join(dir, 'game.jsonl');
beforeAll(() => {
  expect(run(['run', '2022', '--seed', '7', '--log', log]).code).toBe(0);
  for (const i of [1, 2]) expect(run(['batch', '2022', '--runs', '100', '--us', 'columns,appeaser', '--shard', `${i}/2`, '--out', join(dir, `part${i}.json`)]).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS: string[][] = [
  ['run', '2022', '--seed', '7'],
  ['play', '2022', '--as', 'us', '--seed', '7', '--moves', 'expose,sanction,diplomacy'],
  ['replay', log, '--show'],
  ['validate', '2020', '2022', '2023'],
  ['scenarios'],
  ['strategies'],
  ['batch', '2022', '2023', '--runs', '200'],
  ['compare', '2020', '2022', '2023', '--us', 'columns,appeaser,exposer', '--runs', '200'],
  ['tournament', 'one-shot', '--runs', '30'],
  ['merge', join(dir, 'part1.json'), join(dir, 'part2.json')],
  ['explain', '2022', '--non-interactive', '--runs', '50'],
  ['robustness', '2022', '--runs', '50'],
  ['sweep', '2022', '--param', 'pressure.priceOfTaiwan=0:3:0.25', '--param', 'us.credibilityLossPerConcession=0:1:0.1', '--runs', '10'],
  ['sweep', '2022', '--param', 'pressure.priceOfTaiwan=0:3:0.5', '--runs', '20'],
  ['fork', log, '--at', '2', '--us', 'expose', '--runs', '30'],
  ['atlas', '2022', '--runs', '30', '--search-rounds', '2', '--china', 'opportunist,restrained'],
  ['graph'],
  ['--help'],
  ['compare', '--help'],
  ['sweep', '--help'],
];

const NUMBER = /(?<![\d.])-?\d+(?:\.\d+)?%?(?![\d.])/g;
function numbers(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of text.match(NUMBER) ?? []) m.set(n, (m.get(n) ?? 0) + 1);
  return m;
}

describe('every text output fits 80 columns', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s', (_name, args) => {
    const narrow = run([...args]);
    expect(narrow.code, narrow.err).toBe(0);
    const lines = narrow.out.split('\n');
    for (const line of lines) expect([...line].length, `too wide: ${line}`).toBeLessThanOrEqual(80);
    // The same output with room to spare: every number printed at 80 columns is one it
    // prints whole there (none made from two halves of a cut one). Stacked tables may
    // repeat a heading, so this compares which numbers appear, not how often.
    const wide = run(['--width', '400', ...args]);
    const whole = numbers(wide.out);
    for (const n of numbers(narrow.out).keys()) expect(whole.has(n), `number ${n} is not printed whole with room to spare`).toBe(true);
    for (const [i, line] of lines.entries()) expect(line, `line ${i + 1} starts inside a number`).not.toMatch(/^\s*\.\d/);
  });
});
