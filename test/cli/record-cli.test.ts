import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUserError, leverage as run } from './helpers.js';

interface Row {
  scenario: string;
  set: string;
  momentId: string;
  record: number | null;
  lo: number | null;
  hi: number | null;
  model: number | null;
  pass: boolean | null;
}

describe('leverage record', () => {
  it('reads each shipped crisis year against its months of the record, fit and held-out years apart', () => {
    const r = run(['record', '--runs', '30', '--seed', '2', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { rows: Row[]; summary: Record<string, { pass: number; fail: number; noTarget: number }> };
    expect(new Set(report.rows.map((x) => x.scenario))).toEqual(new Set(['2017', '2018', '2020', '2022', '2023']));
    expect(report.rows.find((x) => x.scenario === '2022')!.set).toBe('held-out');
    expect(report.rows.find((x) => x.scenario === '2017')!.set).toBe('held-out');
    expect(report.rows.find((x) => x.scenario === '2018')!.set).toBe('fit');
    expect(report.rows.find((x) => x.scenario === '2020')!.set).toBe('fit');
    for (const x of report.rows) {
      if (x.pass === null) continue;
      // The verdict is the interval's: inside passes, outside fails.
      expect(x.pass).toBe(x.model !== null && x.model >= x.lo! && x.model <= x.hi!);
    }
    // 2022 on the record: ten months with a short-range launch, and Beijing's veto.
    expect(report.rows.find((x) => x.scenario === '2022' && x.momentId === 'months.rung1')!.record).toBe(10);
    expect(report.rows.find((x) => x.scenario === '2022' && x.momentId === 'sanctions.blockShare')!.record).toBe(0.5);
  }, 60_000);

  it('prints the two sets under their own headings, with the variant years given as paths', () => {
    const r = run(['record', join(import.meta.dirname, '..', 'fixtures', 'variants', '2017-maximum-pressure.yaml'), '2020', '--runs', '20', '--width', '200']);
    expect(r.code).toBe(0);
    const fit = r.out.indexOf('In-sample: the declared fit years');
    const held = r.out.indexOf('Out-of-sample: the held-out years');
    expect(fit).toBeGreaterThanOrEqual(0);
    expect(held).toBeGreaterThan(fit);
    expect(r.out.slice(held)).toMatch(/2017-max \(2017-01\)/);
    expect(r.out.slice(fit, held)).toMatch(/2020 \(2020-01\)/);
    expect(r.out).toMatch(/Strategies played: .*2017-max: us columns, china enforcer, kim regimeFirst/);
  }, 60_000);

  it('refuses a scenario without a date, a bad strategy or count, with one line and exit 2, and writes no file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rec-')), 'r.json');
    expectUserError(run(['record', 'baseline', '--out', out]), /baseline\.yaml: the scenario has no clock\.firstMonth.*Fix: add 'clock/);
    expect(existsSync(out)).toBe(false);
    expectUserError(run(['record', '--china', 'nosuch']), /--china: unknown .* strategy 'nosuch'/);
    expectUserError(run(['record', '--runs', '3']), /--runs 3/);
    expectUserError(run(['record', '--out', 'x.csv']), /--out x\.csv/);
    const ok = run(['record', '2020', '--runs', '10', '--out', out]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { rows: unknown[] }).rows.length).toBeGreaterThan(10);
  }, 60_000);
});
