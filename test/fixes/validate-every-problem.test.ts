import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leverage as run } from '../cli/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lev-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = 'schema: 1\nname: t\ntitle: T\ndescription: d\n';

describe('validate (issue 10 item 12)', () => {
  it('reports every problem in a file, one line each, in line order', () => {
    const file = join(dir, 'many.yaml');
    // Problems on lines 5, 7, 8, 9, 10 and 12; zod finds them in another order.
    writeFileSync(file, `${HEAD}rounds: 2.5\nstart:\n  tension: high\n  tensoin: 0.3\ncolour: red\npressure:\ncovert:\n  detectOvert: 9\n`);
    const r = run(['validate', file]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines.map((l) => Number(/:(\d+):\d+: /.exec(l)?.[1]))).toEqual([5, 7, 8, 9, 10, 12]);
    expect(lines[0]).toMatch(/rounds is 2\.5/);
    expect(lines[2]).toMatch(/unknown field 'tensoin' in start/);
    expect(lines[4]).toMatch(/'pressure' is empty/);
    expect(lines[5]).toMatch(/covert\.detectOvert is 9/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('an empty section gets a one-line message naming it and the fix', () => {
    const file = join(dir, 'empty.yaml');
    writeFileSync(file, `${HEAD}start:\n`);
    const r = run(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^.*empty\.yaml:5:1: 'start' is empty\. Fix: .+$/);
    expect(r.err).not.toMatch(/expected object, received null/);
  });

  it('a command that only loads the file still refuses it in one line', () => {
    const file = join(dir, 'two.yaml');
    writeFileSync(file, `${HEAD}rounds: 0\nstart:\n  tension: 7\n`);
    const r = run(['run', file]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/two\.yaml:5:1: rounds is 0/);
  });
});
