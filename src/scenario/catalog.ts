import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './load.js';
import { nameFix } from '../closest-name.js';
import { InputError } from '../input-error.js';
import { packageRoot } from '../package-root.js';
import { loadScenarioFile } from './load.js';

/** The folder of scenarios shipped with leverage. */
export function builtInDir(): string {
  return join(packageRoot(), 'scenarios');
}

export function builtInNames(): string[] {
  return readdirSync(builtInDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

export const DEFAULT_SCENARIO = 'baseline';

/** A scenario by built-in name (`2022`) or by path (`scenarios/2022.yaml`, `./mine.yaml`). */
export function resolveScenario(ref: string | undefined): Scenario {
  const r = ref ?? DEFAULT_SCENARIO;
  const looksLikePath = r.includes('/') || r.includes('\\') || /\.ya?ml$/i.test(r);
  if (looksLikePath || existsSync(r)) return loadScenarioFile(r);
  const file = join(builtInDir(), `${r}.yaml`);
  if (existsSync(file)) return loadScenarioFile(file);
  throw new InputError(
    `${r}: no such scenario. ${nameFix(r, builtInNames())} (Or give a path to a .yaml file.)`,
  );
}

export function listBuiltIn(): Scenario[] {
  return builtInNames().map((n) => loadScenarioFile(join(builtInDir(), `${n}.yaml`)));
}
