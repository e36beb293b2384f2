import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUserError, leverage } from '../../cli/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'leverage-gsa-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('leverage sensitivity', () => {
  const args = ['sensitivity', '2022', '--param', 'payoffs.us.credibility=0:8', '--param', 'C10', '--versus', 'columns:appeaser', '--n', '16', '--runs', '20', '--seed', '4', '--format', 'json'];

  it('gives the same indices, bit for bit, on 1 and 2 workers', () => {
    const one = leverage([...args, '--workers', '1']);
    const two = leverage([...args, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(one.out).toBe(two.out);
    const r = JSON.parse(one.out) as { factors: { name: string }[]; indices: { total: { estimate: number }[] }; evaluations: number };
    // Two factors named, plus luck as a factor of its own.
    expect(r.factors.map((f) => f.name)).toEqual(['payoffs.us.credibility', 'C10 on/off', 'luck (the seed)']);
    expect(r.evaluations).toBe(16 * 5);
    // The credibility weight reads straight into the US payoff difference: it must matter.
    expect(r.indices.total[0]?.estimate).toBeGreaterThan(0.2);
  });

  it('writes an html page with the Sobol bars and the convergence plot', () => {
    const out = join(dir, 's.html');
    const r = leverage([...args.slice(0, -2), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('sobol-bars');
    expect(html).toContain('sobol-convergence');
  });

  it('refuses a field that does not exist, and a bad method, in one line', () => {
    expectUserError(leverage(['sensitivity', '2022', '--param', 'payoffs.us.nope']), /not a scenario field/);
    expectUserError(leverage(['sensitivity', '2022', '--param', 'C10', '--method', 'fast']), /--method fast/);
    expectUserError(leverage(['sensitivity', '2022', '--param', 'start.chinaInfluence=0:3']), /within 0 to 1/);
  });
});

describe('leverage discover', () => {
  it('finds the edge of the columns\' advice against asking Beijing in 2020 in China\'s real influence, the same on 1 and 2 workers', () => {
    const args = ['discover', '2020', '--versus', 'columns:asksBeijing', '--param', 'start.chinaInfluence=0:1', '--param', 'C10', '--points', '120', '--runs', '40', '--seed', '3', '--format', 'json'];
    const one = leverage([...args, '--workers', '1']);
    const two = leverage([...args, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(one.out).toBe(two.out);
    const r = JSON.parse(one.out) as { holdsShare: number; prim: { chosen: { restricted: number[]; density: number } } };
    expect(r.holdsShare).toBeGreaterThan(0);
    expect(r.holdsShare).toBeLessThan(1);
    // C1: the asker loses most where Beijing really holds the strings.
    expect(r.prim.chosen.restricted).toContain(0);
    expect(r.prim.chosen.density).toBeGreaterThan(r.holdsShare);
  });

  it('refuses luck as a factor', () => {
    expectUserError(leverage(['discover', '2022', '--param', 'luck']), /luck is not a factor here/);
  });
});
