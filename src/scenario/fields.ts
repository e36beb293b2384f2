import type { Field, Params } from '../model/params.js';
import { PARAM_TABLE, paramRows } from '../model/params.js';

// The scenario layer's reading of the parameter table (PARAM_TABLE, model/params.ts, where
// every parameter is declared once): the rows by dotted path, the groups a scenario file
// has, and the default parameters. The zod schema, the defaults and the field reference in
// scenarios/README.md are all built from these, so they cannot disagree with the model.

export type { Field, NumberField, PerRungField } from '../model/params.js';

export const ROUNDS_FIELD = PARAM_TABLE.rounds;

const ALL_FIELDS = paramRows();

/** The groups of fields a scenario file has, by dotted name (`kim`, `payoffs.us`), in table order. */
export const FIELD_GROUPS: Readonly<Record<string, Readonly<Record<string, Field>>>> = (() => {
  const groups: Record<string, Record<string, Field>> = {};
  for (const { path, field } of ALL_FIELDS) {
    const dot = path.lastIndexOf('.');
    if (dot < 0) continue;
    (groups[path.slice(0, dot)] ??= {})[path.slice(dot + 1)] = field;
  }
  return groups;
})();

/** Every field with its dotted path (e.g. `start.chinaInfluence`, `payoffs.us.war`). */
export function allFields(): readonly { path: string; field: Field }[] {
  return ALL_FIELDS;
}

export function fieldAt(path: string): Field | undefined {
  return allFields().find((f) => f.path === path)?.field;
}

/** The default parameters: the baseline scenario before any file overrides them. */
export function defaultParams(): Params {
  const p: Record<string, unknown> = {};
  for (const { path, field } of allFields()) {
    setPath(p, path.split('.'), Array.isArray(field.default) ? [...field.default] : field.default);
  }
  // Safe: every row of the table was set above, and Params is the table's values by type.
  return p as Params;
}

export function setPath(obj: Record<string, unknown>, keys: string[], value: unknown): void {
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1] as string] = value;
}

export function getPath(obj: unknown, keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
