// A namespace import, not `{ z }`: zod's `z` holds all its locales, which the bundle would then
// carry into every command that reads a scenario (a third of the chunk, parsed at each start).
import * as z from 'zod';
import type { Field, Rows } from '../model/params.js';
import { isField, PARAM_TABLE } from '../model/params.js';
import { CLAIM_IDS } from '../model/claims.js';

/** The version of the scenario file format this build reads. */
export const SCENARIO_SCHEMA_VERSION = 1;

function fieldSchema(f: Field) {
  const num = f.kind === 'number' && f.int ? z.number().int() : z.number();
  const bounded = num.min(f.min).max(f.max);
  return f.kind === 'perRung' ? z.tuple([bounded, bounded, bounded, bounded]) : bounded;
}

/** A group of the parameter table (or a group of groups, as `payoffs`), every field optional. */
function groupSchema(rows: Rows): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, row] of Object.entries(rows)) shape[k] = (isField(row) ? fieldSchema(row) : groupSchema(row)).optional();
  return z.strictObject(shape);
}

/** Every group of the parameter table, in its order (a new group needs no line here). */
const { rounds: roundsField, ...groups } = PARAM_TABLE;
const groupSchemas = Object.fromEntries(Object.entries(groups).map(([name, rows]) => [name, groupSchema(rows).optional()])) as {
  [G in keyof typeof groups]: z.ZodOptional<z.ZodType<Partial<Record<string, unknown>>>>;
};
const strategyName = z.string().min(1);

/** An assumption toggle: `on`, `off`, or parameter overrides (validated against the parameter table later). */
const assumption = z.union([z.enum(['on', 'off']), z.record(z.string(), z.number())]);

export const scenarioSchema = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA_VERSION),
  name: z.string().min(1).max(60).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/),
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(300),
  rounds: fieldSchema(roundsField).optional(),
  /** What a round stands for in time (README: "The clock"): rates are read against the record per this clock. */
  clock: z
    .strictObject({
      round: z.literal('month'),
      firstMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
    })
    .optional(),
  ...groupSchemas,
  strategies: z
    .strictObject({ us: strategyName.optional(), china: strategyName.optional(), kim: strategyName.optional() })
    .optional(),
  assumptions: z.partialRecord(z.enum(CLAIM_IDS), assumption).optional(),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
