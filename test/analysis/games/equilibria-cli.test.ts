import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUserError, leverage } from '../../cli/helpers.js';
import { parseNfg } from '../../../src/analysis/games/nfg.js';
import { regret } from '../../../src/analysis/games/normal-form.js';

const dir = mkdtempSync(join(tmpdir(), 'leverage-eq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('leverage equilibria', () => {
  const args = ['equilibria', '2022', '--us', 'columns,appeaser,asksBeijing', '--china', 'opportunist,enforcer,seller', '--kim', 'regimeFirst,independent', '--runs', '40', '--seed', '5'];

  it('is the same on 1 and 2 workers, and every equilibrium it reports has no regret on the table it writes', () => {
    const nfg = join(dir, 't.nfg');
    const one = leverage([...args, '--format', 'json', '--workers', '1', '--nfg', nfg]);
    const two = leverage([...args, '--format', 'json', '--workers', '2']);
    expect(one.code).toBe(0);
    expect(one.out).toBe(two.out);
    const r = JSON.parse(one.out) as { mixed: { sigma: number[][] }[]; qre: unknown[]; alphaRank: { top: { mass: number }[] }; stackelberg: { choice: string } };
    expect(r.mixed.length).toBeGreaterThan(0);
    // The table in Gambit's format reads back with the strategies' names, and the reported
    // equilibria are equilibria of it (to the 6 digits written).
    const g = parseNfg(readFileSync(nfg, 'utf8'), nfg);
    expect(g.strategies[0]).toEqual(['columns', 'appeaser', 'asksBeijing']);
    for (const e of r.mixed) expect(regret(g, e.sigma)).toBeLessThan(1e-4);
    expect(r.qre.length).toBeGreaterThan(10);
    expect(r.alphaRank.top.reduce((t, x) => t + x.mass, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(['columns', 'appeaser', 'asksBeijing']).toContain(r.stackelberg.choice);
  });

  it('writes an html page with the QRE path and alpha-Rank', () => {
    const out = join(dir, 'e.html');
    const r = leverage([...args, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('qre-path');
    expect(html).toContain('alpha-rank');
    expect(html).toContain('Stackelberg');
  });

  it('refuses a bad .nfg name and a bad epsilon in one line', () => {
    expectUserError(leverage(['equilibria', '2022', '--nfg', 'table.txt']), /ending in \.nfg/);
    expectUserError(leverage(['equilibria', '2022', '--epsilon', '-1']), /--epsilon -1/);
  });
});
