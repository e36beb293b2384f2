import { describe, expect, it } from 'vitest';
import { leverage as run } from '../cli/helpers.js';

describe('robustness conclusion D (issue 10 item 11)', () => {
  it('labels its two numbers, and says "no gain" where China gains nothing at all', () => {
    const r = run(['robustness', '2022', '--runs', '60', '--width', '300']);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').filter((l) => /^(as-is|C\d+-off|one-shot) /.test(l));
    expect(rows.length).toBeGreaterThan(10);
    const d = (l: string) => l.split(/ {2,}/).at(-1) as string;
    // Every D cell names both numbers, or says there was nothing to gain.
    for (const row of rows) expect(d(row)).toMatch(/^(no gain|[+x?] (no gain|gain [+-]\d+\.\d\d), (no exposure cuts|exposure cuts [+-]\d+\.\d\d))$/);
    // With no real sway (C1 off) China gains exactly nothing: it says so, not "+0.00".
    expect(d(rows.find((l) => l.startsWith('C1-off'))!)).toMatch(/^(no gain$|[+x?] no gain, )/);
    expect(r.out).not.toMatch(/\+0\.00 \/ \+0\.00/);
  });
});
