import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/engine/reference/session.js';
import { stateAtFork } from '../../src/analysis/fork.js';
import { embeddedScenario, parseLog, replayLog } from '../../src/engine/reference/replay.js';
import { GameSession, digest, playGame, sidesOf } from '../../src/engine/reference/session.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { DEFAULT_STRATEGY, getStrategy } from '../../src/strategies/registry.js';
import { InputError } from '../../src/input-error.js';

// Replay and fork play a log again through the one game loop (runGame): replay as the
// session's script, checked step by step; fork with the log's own moves and draws.

const scenario = resolveScenario('2022');
const ai = sidesOf((a) => getStrategy(a, DEFAULT_STRATEGY[a]));
const lines = (jsonl: string) => jsonl.trim().split('\n');

describe('fork plays a log to its fork point through the game loop', () => {
  it('lands where the game stood just before that move, for every move of a real game', () => {
    const game = playGame(scenario, 'fork', 3, ai);
    const log = parseLog(game.toJsonl(), 'g.jsonl');
    let checked = 0;
    for (const [i, step] of game.steps.entries()) {
      if (step.type !== 'move') continue;
      if (game.steps.findIndex((s) => s.type === 'move' && s.round === step.round && s.actor === step.actor) !== i) continue;
      const { state, played } = stateAtFork(log, scenario, step.round, step.actor, 'g.jsonl');
      expect(played).toBe(step.move);
      const before = i === 0 ? null : (game.steps[i - 1] as Step).state;
      if (before) expect(digest(state)).toEqual(before);
      else expect(state.ctx.round).toBe(1);
      checked++;
    }
    expect(checked).toBeGreaterThan(6);
  });

  it('refuses a log whose moves do not replay, naming its line', () => {
    const text = playGame(scenario, 'fork', 3, ai).toJsonl();
    const ls = lines(text);
    // Step 2 (line 3) is Kim's first move; make it a move of Washington's.
    const kimLine = JSON.parse(ls[2] as string) as Record<string, unknown>;
    expect(kimLine.actor).toBe('kim');
    ls[2] = JSON.stringify({ ...kimLine, move: 'posture' });
    const log = parseLog(ls.join('\n') + '\n', 'bad.jsonl');
    expect(() => stateAtFork(log, scenario, 2, 'us', 'bad.jsonl')).toThrow(InputError);
    expect(() => stateAtFork(log, scenario, 2, 'us', 'bad.jsonl')).toThrow(/bad\.jsonl:3: the log does not replay/);
    expect(() => stateAtFork(log, scenario, 99, 'us', 'bad.jsonl')).toThrow(/--at 99: us does not move in round 99/);
  });
});

describe('replay checks every step as the game loop makes it', () => {
  it('replays a game with a human side and stops where the log was saved', () => {
    const sides = { ...ai, us: 'human' as const };
    const session = new GameSession(scenario, 'replay', 1, sides);
    session.playMoves(['posture', 'exposeBeijing', 'sanction']);
    const log = parseLog(session.toJsonl(), 'saved.jsonl');
    const r = replayLog(log, embeddedScenario(log.header), 'saved.jsonl');
    expect(r.ok).toBe(true);
    expect(r.session.steps.length).toBe(session.steps.length);
    expect(r.session.humanToMove()).toBe('us');
    expect(r.session.humanMoves()).toEqual(['posture', 'exposeBeijing', 'sanction']);
  });

  it('names the first line that differs: an illegal human move, a different AI choice, a log cut short', () => {
    const sides = { ...ai, us: 'human' as const };
    const session = new GameSession(scenario, 'replay', 1, sides);
    session.playMoves(['posture', 'posture']);
    const ls = lines(session.toJsonl());
    const usAt = ls.findIndex((l) => (JSON.parse(l) as { actor?: string }).actor === 'us');
    const bad = [...ls];
    bad[usAt] = JSON.stringify({ ...(JSON.parse(ls[usAt] as string) as object), move: 'nuclearTest' });
    const illegal = replayLog(parseLog(bad.join('\n') + '\n', 'g.jsonl'), scenario, 'g.jsonl');
    expect(illegal).toMatchObject({ ok: false, line: usAt + 1 });
    expect(illegal.problem).toMatch(/the recorded move 'nuclearTest' is not legal now/);

    const chinaAt = ls.findIndex((l) => (JSON.parse(l) as { actor?: string }).actor === 'china');
    const other = [...ls];
    const chinaMove = (JSON.parse(ls[chinaAt] as string) as { move: string }).move;
    other[chinaAt] = JSON.stringify({ ...(JSON.parse(ls[chinaAt] as string) as object), move: chinaMove === 'chinaWaits' ? 'restrainKim' : 'chinaWaits' });
    const chose = replayLog(parseLog(other.join('\n') + '\n', 'g.jsonl'), scenario, 'g.jsonl');
    expect(chose).toMatchObject({ ok: false, line: chinaAt + 1 });
    expect(chose.problem).toMatch(/china \(opportunist\) now chooses/);

    const full = lines(playGame(scenario, 'replay', 2, ai).toJsonl());
    const cut = [...full.slice(0, 5), full.at(-1) as string];
    const short = replayLog(parseLog(cut.join('\n') + '\n', 'g.jsonl'), scenario, 'g.jsonl');
    expect(short).toMatchObject({ ok: false, matched: 4, problem: 'the log ends but the game goes on' });
    expect(short.session.steps.length).toBe(4);
  });
});
