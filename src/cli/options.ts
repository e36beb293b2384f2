import type { Command } from 'commander';
import type { Actor } from '../model/context.js';
import type { Scenario } from '../scenario/load.js';
import type { Sides } from '../engine/reference/session.js';
import { InputError } from '../input-error.js';
import { sidesOf } from '../engine/reference/session.js';
import { ROUNDS_FIELD } from '../scenario/fields.js';
import { defaultStrategyId, getStrategy } from '../strategies/registry.js';

/**
 * Add the --us, --china and --kim options to `command`, in that order: `value` names what
 * each takes (a strategy, a list), `help` says what it does, per side.
 */
export function withSideOptions(command: Command, value: string, help: Record<Actor, string>, defaults: Partial<Record<Actor, string>> = {}): Command {
  for (const a of ['us', 'china', 'kim'] as const) command.option(`--${a} <${value}>`, help[a], defaults[a]);
  return command;
}

export interface SideOptions {
  us?: string;
  china?: string;
  kim?: string;
}

export function parseWholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim())) {
    throw new InputError(`${flag} ${value}: must be a whole number from ${min} to ${max}.`);
  }
  const n = Number(value);
  if (n < min || n > max) throw new InputError(`${flag} ${value}: must be a whole number from ${min} to ${max}.`);
  return n;
}

/** Seeds are short words or numbers: they end up in file names and logs. */
export function parseSeed(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
    throw new InputError(`--seed ${value}: use 1-64 letters, digits, '.', '_' or '-' (for example --seed 7).`);
  }
  return value;
}

/** AI strategies for each side: the flag, else the scenario's default, else the built-in default. */
export function sidesFrom(opts: SideOptions, scenario: Scenario, human?: Actor): Sides {
  return sidesOf((a) => {
    if (a === human) return 'human';
    const flag = opts[a];
    const id = flag ?? defaultStrategyId(a, scenario.strategies);
    return getStrategy(a, id, flag ? `--${a}` : `${scenario.source} strategies.${a}`);
  });
}

/** A copy of the scenario with the round limit changed. */
export function withRounds(scenario: Scenario, rounds: string | undefined): Scenario {
  if (rounds === undefined) return scenario;
  const n = parseWholeNumber('--rounds', rounds, ROUNDS_FIELD.min, ROUNDS_FIELD.max);
  return { ...scenario, params: { ...scenario.params, rounds: n } };
}
