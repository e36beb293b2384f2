import { z } from 'zod';
import type { Field } from '../model/params.js';
import { PARAM_TABLE } from '../model/params.js';
import { CLAIM_IDS } from '../model/claims.js';

/** The version of the scenario file format this build reads. */
export const SCENARIO_SCHEMA_VERSION = 1;

function fieldSchema(f: Field) {
  const num = f.kind === 'number' && f.int ? z.number().int() : z.number();
  const bounded = num.min(f.min).max(f.max);
  return f.kind === 'perRung' ? z.tuple([bounded, bounded, bounded, bounded]) : bounded;
}

function groupSchema(fields: Readonly<Record<string, Field>>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(fields)) shape[k] = fieldSchema(f).optional();
  return z.strictObject(shape);
}

const g = PARAM_TABLE;
const strategyName = z.string().min(1);

/** An assumption toggle: `on`, `off`, or parameter overrides (validated against the field table later). */
const assumption = z.union([z.enum(['on', 'off']), z.record(z.string(), z.number())]);

export const scenarioSchema = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA_VERSION),
  name: z.string().min(1).max(60).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/),
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(300),
  rounds: fieldSchema(g.rounds).optional(),
  /** What a round stands for in time (README: "The clock"): rates are read against the record per this clock. */
  clock: z
    .strictObject({
      round: z.literal('month'),
      firstMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
    })
    .optional(),
  start: groupSchema(g.start).optional(),
  pressure: groupSchema(g.pressure).optional(),
  covert: groupSchema(g.covert).optional(),
  kim: groupSchema(g.kim).optional(),
  us: groupSchema(g.us).optional(),
  repetition: groupSchema(g.repetition).optional(),
  crisis: groupSchema(g.crisis).optional(),
  dynamics: groupSchema(g.dynamics).optional(),
  payoffs: z
    .strictObject({
      us: groupSchema(g.payoffs.us).optional(),
      china: groupSchema(g.payoffs.china).optional(),
      kim: groupSchema(g.payoffs.kim).optional(),
    })
    .optional(),
  strategies: z
    .strictObject({ us: strategyName.optional(), china: strategyName.optional(), kim: strategyName.optional() })
    .optional(),
  assumptions: z.partialRecord(z.enum(CLAIM_IDS), assumption).optional(),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
