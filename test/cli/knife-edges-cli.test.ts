import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUserError, leverage as run } from './helpers.js';

// `leverage calibrate --knife-edges`: the report in each format, and a person's mistakes
// refused in one line before any game is played, with no file left behind.

const SMALL = ['--runs', '40', '--seed', '3', '--workers', '1', '--steps', '1'];

describe('leverage calibrate --knife-edges', () => {
  it('prints a table and the flips in words, with progress on stderr', () => {
    const r = run(['calibrate', '2022', '--knife-edges', '--param', 'kim.tensionDecay', ...SMALL]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Scenario 2022/);
    expect(r.out).toMatch(/kim\.tensionDecay/);
    expect(r.out).toMatch(/halving/);
    expect(r.err).toMatch(/knife edges 2022: halving and doubling 1 parameters/);
    expect(r.out).not.toMatch(/knife edges 2022:/);
  }, 120_000);

  it('writes the same report as JSON and as CSV, one row per end at least', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-knife-'));
    const json = run(['calibrate', '2022', '--knife-edges', '--param', 'kim.tensionDecay', ...SMALL, '--out', join(dir, 'k.json')]);
    expect(json.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'k.json'), 'utf8')) as { kind: string; scenarios: { params: { path: string; down: { result: string }; up: { result: string } }[] }[] };
    expect(report.kind).toBe('leverage-knife-edges');
    expect(report.scenarios[0]!.params.map((p) => p.path)).toEqual(['kim.tensionDecay']);
    const csv = run(['calibrate', '2022', '--knife-edges', '--param', 'kim.tensionDecay', ...SMALL, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('scenario,parameter,shipped,direction,end,end_factor,result,flip_at,flip_factor,not_yet_at,kind,item,from,to,found,confirmed');
    const p = report.scenarios[0]!.params[0]!;
    expect(lines.filter((l) => l.startsWith('2022,kim.tensionDecay,0.1,down,')).every((l) => l.split(',')[6] === p.down.result)).toBe(true);
    expect(lines.some((l) => l.startsWith('2022,kim.tensionDecay,0.1,up,'))).toBe(true);
    const html = run(['calibrate', '2022', '--knife-edges', '--param', 'kim.tensionDecay', ...SMALL, '--out', join(dir, 'k.html')]);
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'k.html'), 'utf8')).toMatch(/kim\.tensionDecay/);
  }, 180_000);

  it('refuses an unknown parameter with the nearest name, and other mistakes, in one line', () => {
    expectUserError(run(['calibrate', '--knife-edges', '--param', 'kim.testcost']), /--param kim\.testcost: .*Did you mean 'kim\.testCost'\?/);
    expectUserError(run(['calibrate', '--knife-edges', '--param', 'kim.rungTension']), /list of four numbers/);
    expectUserError(run(['calibrate', '--param', 'kim.testCost']), /--param belongs to --knife-edges/);
    expectUserError(run(['calibrate', '--knife-edges', '--format', 'html']), /--out FILE\.html/);
    expectUserError(run(['calibrate', '--knife-edges', '--format', 'xml']), /--format xml/);
    expectUserError(run(['calibrate', '--knife-edges', '--steps', '99']), /--steps 99/);
    const missing = join(tmpdir(), 'lev-no-such-folder', 'k.json');
    expectUserError(run(['calibrate', '--knife-edges', '--out', missing]), /does not exist/);
    expect(existsSync(missing)).toBe(false);
  });
});
