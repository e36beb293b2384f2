import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// "A new actor's missing view or narration fails to compile": proved on a copy of the
// sources with a fourth actor added to the Actor type and nothing else. Every place that
// needs something per actor (its view, its entry in the actor table with its phase and
// narration, the loop's decision branch, the screens' per-side words) must then fail to
// type-check, rather than fall back silently to another actor as it once did.

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'lev-new-actor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typeErrors(): Map<string, string[]> {
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...config, include: ['src'] }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const context = join(dir, 'src', 'model', 'context.ts');
  const text = readFileSync(context, 'utf8');
  const added = text
    .replace("export type Actor = 'china' | 'kim' | 'us';", "export type Actor = 'china' | 'kim' | 'us' | 'japan';")
    .replace("export const ACTORS: readonly Actor[] = ['china', 'kim', 'us'];", "export const ACTORS: readonly Actor[] = ['china', 'kim', 'us', 'japan'];");
  expect(added, 'the Actor type and ACTORS are where this test expects them').not.toBe(text);
  writeFileSync(context, added);
  let out = '';
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json'), '--noEmit', '--pretty', 'false'], { encoding: 'utf8', cwd: dir });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  const errors = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const m = /^(src\/[^(]+)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line);
    if (m) errors.set(m[1] as string, [...(errors.get(m[1] as string) ?? []), m[2] as string]);
  }
  return errors;
}

describe('a new actor', () => {
  it('fails to compile wherever it lacks a view, an actor-table entry (phase, narration), a decision branch or its words', () => {
    const errors = typeErrors();
    const files = [...errors.keys()];
    // Its view: VIEW_OF and the view types are keyed by actor.
    expect(files).toContain('src/model/views.ts');
    // Its actor-table entry: the phase it moves in, its after-move rules and narration.
    expect(files).toContain('src/model/game-table.ts');
    // The one game loop's decision branch.
    expect(files).toContain('src/engine/game-loop.ts');
    // The end screen's per-side payoff.
    expect(files).toContain('src/analysis/counterfactuals.ts');
    // The failures are the missing branches, not the copy's set-up (no module or config errors).
    expect(files.flatMap((f) => errors.get(f) ?? []).filter((e) => /^TS(1287|1295|2307|5\d{3}):/.test(e))).toEqual([]);
    expect(errors.get('src/engine/game-loop.ts')?.join(' ')).toMatch(/not assignable to parameter of type 'never'/);
    expect(errors.get('src/model/game-table.ts')?.join(' ')).toMatch(/does not satisfy the expected type 'Record<Actor, ActorDecl>'/);
    expect(errors.get('src/model/views.ts')?.join(' ')).toMatch(/Property 'japan' is missing/);
    // Narration reads the actor's table entry (narrateAfter) and the decision needs its strategy.
    expect(files).toContain('src/model/narrate.ts');
    expect(files).toContain('src/strategies/registry.ts');
  }, 180_000);
});
