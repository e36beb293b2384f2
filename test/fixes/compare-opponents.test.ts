import { describe, expect, it } from 'vitest';
import { leverage as run } from '../cli/helpers.js';

/** scenario -> the China and Kim strategies its rows were played against, from the tidy CSV. */
function opponents(csv: string): Record<string, Set<string>> {
  const out: Record<string, Set<string>> = {};
  for (const line of csv.trim().split('\n').slice(1)) {
    const [scenario, , china, kim] = line.split(',');
    (out[scenario!] ??= new Set()).add(`${china}/${kim}`);
  }
  return out;
}

describe('compare across scenarios (issue 10 item 12)', () => {
  it('plays every scenario against one set of opponents, whatever their order, and says which', () => {
    // 2023 defaults China to covertFirst; 2022 to the built-in opportunist.
    const base = ['--us', 'columns,exposer', '--runs', '60', '--seed', '2'];
    const a = opponents(run(['compare', '2022', '2023', ...base, '--format', 'csv']).out);
    const b = opponents(run(['compare', '2023', '2022', ...base, '--format', 'csv']).out);
    expect(a).toEqual(b);
    const all = new Set(Object.values(a).flatMap((s) => [...s]));
    expect(all.size).toBe(1);
    const [china, kim] = [...all][0]!.split('/');
    const text = run(['compare', '2023', '2022', ...base, '--width', '300']).out;
    expect(text).toContain(`Opponents, the same in every scenario: China ${china}, Kim ${kim}`);
  });
});
