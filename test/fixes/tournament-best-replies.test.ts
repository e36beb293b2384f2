import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leverage as run } from '../cli/helpers.js';

type Side = 'us' | 'china' | 'kim';
interface Row { profile: Record<Side, string>; payoffs: Record<Side, { mean: number }> }

/** Best-reply counts recomputed from nothing but the exported payoff table. */
function bestRepliesFromTable(table: Row[], strategies: Record<Side, string[]>): Record<Side, Record<string, number>> {
  const out = {} as Record<Side, Record<string, number>>;
  for (const side of ['us', 'china', 'kim'] as Side[]) {
    const others = (['us', 'china', 'kim'] as Side[]).filter((s) => s !== side);
    const counts: Record<string, number> = Object.fromEntries(strategies[side].map((s) => [s, 0]));
    const groups = new Map<string, Row[]>();
    for (const r of table) {
      const key = others.map((o) => r.profile[o]).join('|');
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const rows of groups.values()) {
      const best = Math.max(...rows.map((r) => r.payoffs[side].mean));
      for (const r of rows) if (r.payoffs[side].mean >= best) counts[r.profile[side]]! += 1;
    }
    out[side] = counts;
  }
  return out;
}

describe('tournament best replies (issue 10 item 1)', () => {
  it('what is printed for every side equals best replies recomputed from the exported table', () => {
    const args = ['tournament', '2022', '--runs', '150', '--seed', '3'];
    const dir = mkdtempSync(join(tmpdir(), 'lev-tournament-'));
    const file = join(dir, 't.json');
    expect(run([...args, '--out', file]).code).toBe(0);
    const report = JSON.parse(readFileSync(file, 'utf8')) as { table: Row[]; strategies: Record<Side, string[]>; bestResponseCounts: Record<Side, Record<string, number>> };
    rmSync(dir, { recursive: true, force: true });
    const expected = bestRepliesFromTable(report.table, report.strategies);
    expect(report.bestResponseCounts).toEqual(expected);
    // A strategy in an equilibrium is a best reply there, so its count is at least 1.
    for (const e of (report as unknown as { equilibria: Row[] }).equilibria)
      for (const side of ['us', 'china', 'kim'] as Side[]) expect(report.bestResponseCounts[side][e.profile[side]]).toBeGreaterThanOrEqual(1);

    const text = run([...args, '--width', '200']).out;
    const labels: Record<Side, string> = { us: 'US', china: 'China', kim: 'Kim' };
    const section = text.slice(text.indexOf('Best replies'));
    for (const side of ['us', 'china', 'kim'] as Side[]) {
      const total = report.table.length / report.strategies[side].length;
      const line = section.split('\n').find((l) => l.trimStart().startsWith(labels[side] + ' '));
      expect(line, `a best-reply line for ${side}`).toBeDefined();
      const printed = Object.fromEntries([...line!.matchAll(/(\S+) (\d+)\/(\d+)/g)].map((m) => {
        expect(Number(m[3])).toBe(total);
        return [m[1], Number(m[2])];
      }));
      expect(printed).toEqual(expected[side]);
    }
    expect(text).not.toContain('undefined');
  });
});
