import { describe, expect, it } from 'vitest';
import { paramRows } from '../../src/model/params.js';
import { defaultParams, getPath, setPath } from '../../src/scenario/fields.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

// Parameters are declared once, as rows of PARAM_TABLE (model/params.ts); the defaults and
// the scenario schema are read from those rows. These check the reading, row by row.

const header = { schema: 1, name: 'probe', title: 'Probe', description: 'One field set.' };
/** A scenario file that sets only `path` to `value`. */
function fileSetting(path: string, value: unknown): Record<string, unknown> {
  const file: Record<string, unknown> = { ...header };
  setPath(file, path.split('.'), value);
  return file;
}

describe('the parameter table', () => {
  const rows = paramRows();

  it('has every row once, rounds first, and every default within its own range (whole where the row is whole)', () => {
    expect(rows[0]?.path).toBe('rounds');
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    for (const { path, field } of rows) {
      const values = Array.isArray(field.default) ? field.default : [field.default];
      for (const v of values) {
        expect(v, path).toBeGreaterThanOrEqual(field.min);
        expect(v, path).toBeLessThanOrEqual(field.max);
        if (field.kind === 'number' && field.int) expect(Number.isInteger(v), path).toBe(true);
      }
    }
  });

  it('gives the default parameters: each row\'s default at its path, and nothing else', () => {
    const p = defaultParams();
    for (const { path, field } of rows) expect(getPath(p, path.split('.')), path).toEqual(field.default);
    const leaves = (o: unknown, prefix: string): string[] =>
      typeof o === 'object' && o !== null && !Array.isArray(o) ? Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k)) : [prefix];
    expect(leaves(p, '').sort()).toEqual(rows.map((r) => r.path).sort());
  });

  it('gives the scenario schema: each row takes its default and its bounds, and refuses a value past either bound', () => {
    for (const { path, field } of rows) {
      const at = (v: number) => (field.kind === 'perRung' ? [v, v, v, v] : v);
      expect(scenarioSchema.safeParse(fileSetting(path, field.default)).success, `${path} default`).toBe(true);
      expect(scenarioSchema.safeParse(fileSetting(path, at(field.max))).success, `${path} max`).toBe(true);
      expect(scenarioSchema.safeParse(fileSetting(path, at(field.min))).success, `${path} min`).toBe(true);
      expect(scenarioSchema.safeParse(fileSetting(path, at(field.max + 1))).success, `${path} above max`).toBe(false);
      expect(scenarioSchema.safeParse(fileSetting(path, at(field.min - 1))).success, `${path} below min`).toBe(false);
      if (field.kind === 'number' && field.int) expect(scenarioSchema.safeParse(fileSetting(path, field.min + 0.5)).success, `${path} not whole`).toBe(false);
    }
  });

  it('refuses a field the table does not have, in every group', () => {
    for (const group of new Set(rows.filter((r) => r.path.includes('.')).map((r) => r.path.slice(0, r.path.lastIndexOf('.'))))) {
      expect(scenarioSchema.safeParse(fileSetting(`${group}.notAField`, 0.5)).success, group).toBe(false);
    }
  });
});
