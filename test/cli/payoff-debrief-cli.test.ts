import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leverage as run } from './helpers.js';

// The payoff broken into its parts, and the debrief, as a person meets them on the command line.

const dir = mkdtempSync(join(tmpdir(), 'lev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('payoff parts and the debrief on the command line', () => {
  it('run prints each payoff part by part, adding up to the payoff, and a debrief', () => {
    const r = run(['run', '2022', '--seed', '7']);
    expect(r.code).toBe(0);
    const payoffs = /Payoffs: US (-?\d+\.\d\d) {2}China (-?\d+\.\d\d) {2}Kim (-?\d+\.\d\d)/.exec(r.out)!;
    expect(r.out).toMatch(/Each payoff, part by part/);
    // The breakdown's total for each side is the payoff printed above it.
    const us = new RegExp(`^ {2}US +${payoffs[1]!.replace('.', '\\.')} = .*credibility kept [+-]\\d+\\.\\d\\d \\[C8\\]`, 'm');
    expect(r.out).toMatch(us);
    expect(r.out).toMatch(/^Debrief: who saw what, and the war risk of each round$/m);
    expect(r.out).toMatch(/^ {2}End +war risk \d+\.\d%, chance drew 0\.\d{3}: (no war|war breaks out)$/m);
    expect(r.out).toMatch(/^Why it ended: /m);
    expect(r.out).toMatch(/^What drove the result:$/m);
  });

  it('run --no-hidden leaves the debrief out, since it reveals what Washington cannot see', () => {
    const r = run(['run', '2022', '--seed', '7', '--no-hidden']);
    expect(r.out).not.toMatch(/Debrief:/);
    expect(r.out).toMatch(/Debrief left out/);
  });

  it('scripted play ends with the full debrief: the hidden courier requests revealed', () => {
    const play = (n: number) => run(['play', '2020', '--as', 'us', '--seed', '3', '--china', 'covertFirst', '--moves', new Array(n).fill('sanction').join(',')]);
    let r = play(12);
    // The game may end early: then play exactly as many moves as it had room for.
    const most = /give at most (\d+)/.exec(r.err);
    if (most) r = play(Number(most[1]));
    expect(r.code).toBe(0);
    const debrief = r.out.slice(r.out.indexOf('Debrief: the whole game, every hidden move revealed'));
    expect(debrief.length).toBeGreaterThan(100);
    expect(debrief).toMatch(/Ask Kim to escalate \(by courier\): US (missed it|caught it later)/);
    expect(debrief).toMatch(/\(hidden from US\)/);
  });

  it('batch --json gives the mean of each payoff part per profile, adding up to the mean payoff', () => {
    const out = join(dir, 'b.json');
    const r = run(['batch', '2022', '--us', 'columns,appeaser', '--runs', '300', '--seed', '4', '--out', out]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.cells).toHaveLength(2);
    for (const c of report.cells) {
      const parts = c.summary.payoffComponents;
      expect(Object.keys(parts.us)).toEqual(['concessions', 'credibility', 'tension', 'war', 'settlement', 'europe', 'regimeCrisis']);
      const sum = (o: Record<string, number>) => Object.values(o).reduce((t, x) => t + x, 0);
      expect(sum(parts.us)).toBeCloseTo(c.summary.metrics.payoffUs.mean, 9);
      expect(sum(parts.china)).toBeCloseTo(c.summary.metrics.payoffChina.mean, 9);
      expect(sum(parts.kim)).toBeCloseTo(c.summary.metrics.payoffKim.mean, 9);
    }
    const appeaser = report.cells.find((c: { profile: { us: string } }) => c.profile.us === 'appeaser');
    expect(appeaser.summary.payoffComponents.us.concessions).toBeLessThan(0);
  });

  it('the same figures on 1 or 2 workers', () => {
    const one = join(dir, 'w1.json');
    const two = join(dir, 'w2.json');
    run(['batch', '2023', '--runs', '2100', '--seed', '9', '--workers', '1', '--out', one]);
    run(['batch', '2023', '--runs', '2100', '--seed', '9', '--workers', '2', '--out', two]);
    const a = JSON.parse(readFileSync(one, 'utf8')).cells[0].summary.payoffComponents;
    const b = JSON.parse(readFileSync(two, 'utf8')).cells[0].summary.payoffComponents;
    expect(b).toEqual(a);
  });
});
