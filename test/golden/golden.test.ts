import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInDir } from '../../src/scenario/catalog.js';
import { parseScenario } from '../../src/scenario/load.js';
import { GOLDEN_CASES, GOLDEN_DIR, playCase } from './cases.js';

// What must not change is the game's behaviour: each move (who, what, when), each round's
// chance draws and what chance decided, and the outcome with its payoffs. Everything else in
// a log is left out on purpose: the header (file hash, parameters, format), the state digest
// after each step (a new state field would rewrite every line) and the narration (words,
// checked elsewhere). Each kind of line keeps a named list of keys, so a new field in a step
// does not count either.
type Line = Record<string, unknown>;
const PINNED: Record<string, readonly string[]> = {
  move: ['seq', 'round', 'actor', 'move'],
  chance: ['seq', 'round', 'detection', 'war', 'drift', 'requestCaught'],
  outcome: ['outcome', 'rounds', 'payoffs'],
  pause: ['round', 'toMove'],
};

function behaviour(jsonl: string): Line[] {
  return jsonl
    .trim()
    .split('\n')
    .map((text) => JSON.parse(text) as Line)
    .filter((line) => line.type !== 'header')
    .map((line) => {
      const keys = PINNED[line.type as string];
      if (!keys) throw new Error(`golden log: a line of unknown type '${String(line.type)}'; say in PINNED which of its keys are behaviour`);
      return Object.fromEntries([['type', line.type], ...keys.map((k) => [k, line[k]])]);
    });
}

const golden = (file: string) => readFileSync(join(GOLDEN_DIR, file), 'utf8');

describe('golden playthroughs (regenerate with npm run golden after an intended change)', () => {
  it.each(GOLDEN_CASES.map((c) => [c.file, c] as const))('%s: same moves, draws and outcome', (_f, c) => {
    expect(behaviour(playCase(c).toJsonl())).toEqual(behaviour(golden(c.file)));
  });
});

describe('the golden comparison pins behaviour, not bookkeeping', () => {
  const c = GOLDEN_CASES[0];
  const lines = () => playCase(c).toJsonl().trim().split('\n').map((t) => JSON.parse(t) as Line);
  const text = (ls: Line[]) => ls.map((l) => JSON.stringify(l)).join('\n') + '\n';

  it('a comment added to the scenario file changes its hash but not the game', () => {
    const file = join(builtInDir(), `${c.scenario}.yaml`);
    const commented = parseScenario(`# a reader's note\n${readFileSync(file, 'utf8')}`, file);
    const played = playCase(c, { ...commented, source: `scenarios/${c.scenario}.yaml` }).toJsonl();
    expect(JSON.parse(played.split('\n')[0]!).scenario.sha256).not.toBe(JSON.parse(golden(c.file).split('\n')[0]!).scenario.sha256);
    expect(behaviour(played)).toEqual(behaviour(golden(c.file)));
  });

  it('a new state field or step field does not count', () => {
    const grown = lines().map((l) => (l.type === 'header' ? l : { ...l, newFact: 1, ...(l.state ? { state: { ...(l.state as Line), newField: 0.5 } } : {}) }));
    expect(behaviour(text(grown))).toEqual(behaviour(golden(c.file)));
  });

  it('but a different move, draw or outcome does', () => {
    const all = lines();
    const firstMove = all.findIndex((l) => l.type === 'move');
    const firstChance = all.findIndex((l) => l.type === 'chance');
    const last = all.length - 1;
    const changed: Line[][] = [
      all.map((l, i) => (i === firstMove ? { ...l, move: 'chinaWaits' === l.move ? 'offerRestraintForChips' : 'chinaWaits' } : l)),
      all.map((l, i) => (i === firstChance ? { ...l, war: (l.war as number) + 1e-12 } : l)),
      all.map((l, i) => (i === last ? { ...l, outcome: l.outcome === 'war' ? 'timeout' : 'war' } : l)),
    ];
    for (const ls of changed) expect(behaviour(text(ls))).not.toEqual(behaviour(golden(c.file)));
  });
});
