import { describe, expect, it } from 'vitest';
import { expectUserError, leverage as run } from './helpers.js';

describe('leverage calibrate', () => {
  it('prints every fact of the battery as JSON, with a target, an interval and a verdict', () => {
    const r = run(['calibrate', 'baseline', '--runs', '40', '--seed', '3', '--workers', '1', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { facts: { id: string; target: string; pass: boolean; value: number }[]; passed: number; failed: number };
    const ids = new Set(report.facts.map((f) => f.id));
    for (const id of ['war.perGame', 'kim.holds', 'tension.pegged', 'c1.estimate', 'ending.settlement', 'ending.regimeCrisis', 'c2.stoking', 'c3.chips', 'weights.kimWar.rungs']) {
      expect(ids.has(id), id).toBe(true);
    }
    // One row per distinct fact: the count printed is the count of facts, every one scored.
    expect(ids.size).toBe(report.facts.length);
    expect(report.passed + report.failed).toBe(report.facts.length);
  }, 60_000);

  it('refuses a bad scenario, format or run count with one line and exit 2', () => {
    expectUserError(run(['calibrate', 'nosuch']), /nosuch: no such scenario/);
    expectUserError(run(['calibrate', '--format', 'xml']), /--format xml/);
    expectUserError(run(['calibrate', '--runs', '5']), /--runs 5/);
  });
});
