import { join } from 'node:path';
import type { GameSession } from '../../src/engine/reference/session.js';
import type { Scenario } from '../../src/scenario/load.js';
import { playGame } from '../../src/engine/reference/session.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';

/** Seeded playthroughs kept as files: a change to any rule shows up as a diff in them. */
export const GOLDEN_CASES = [
  { file: '2022-columns-seed7.jsonl', scenario: '2022', seed: '7', us: 'columns', china: 'opportunist', kim: 'regimeFirst' },
  { file: '2022-appeaser-seed7.jsonl', scenario: '2022', seed: '7', us: 'appeaser', china: 'opportunist', kim: 'regimeFirst' },
  { file: '2020-asksBeijing-seed3.jsonl', scenario: '2020', seed: '3', us: 'asksBeijing', china: 'covertFirst', kim: 'loyalClient' },
  { file: '2023-exposer-seed11.jsonl', scenario: '2023', seed: '11', us: 'exposer', china: 'ratchet', kim: 'independent' },
  { file: 'one-shot-pragmatist-seed1.jsonl', scenario: 'one-shot', seed: '1', us: 'pragmatist', china: 'restrained', kim: 'regimeFirst' },
] as const;

export const GOLDEN_DIR = join(import.meta.dirname, 'logs');

/** Play a golden case; `scenario` replaces the built-in file (tests that vary its text). */
export function playCase(c: (typeof GOLDEN_CASES)[number], scenario: Scenario = resolveScenario(c.scenario)): GameSession {
  // The golden files must not depend on where the checkout lives.
  const portable = { ...scenario, source: `scenarios/${c.scenario}.yaml` };
  return playGame(portable, c.seed, 0, {
    us: getStrategy('us', c.us),
    china: getStrategy('china', c.china),
    kim: getStrategy('kim', c.kim),
  });
}
