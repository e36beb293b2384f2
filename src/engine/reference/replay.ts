import type { Params } from '../../model/params.js';
import type { LogHeader, LogOutcome, ScenarioRef, Sides, Step } from './session.js';
import { InputError } from '../../input-error.js';
import { isMoveName } from '../../model/moves.js';
import { findStrategy } from '../../strategies/registry.js';
import { GameSession, LOG_FORMAT, LOG_FORMAT_VERSION, ScriptError, sidesOf } from './session.js';

export interface ParsedLog {
  header: LogHeader;
  steps: Step[];
  /** Null when the game was saved in progress (the log ends in a pause line). */
  outcome: LogOutcome | null;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Read a JSONL game log, refusing anything malformed with the line and the fix. */
export function parseLog(text: string, file: string): ParsedLog {
  const lines = text.split('\n');
  // Blank lines at the end (an editor's, or a shell's) are no part of the log.
  while (lines.length > 0 && (lines.at(-1) as string).trim() === '') lines.pop();
  if (lines.length === 0) throw new InputError(`${file}: the log is empty. Fix: write one with 'leverage run --log FILE'.`);
  const records: Record<string, unknown>[] = [];
  lines.forEach((line, i) => {
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw new InputError(`${file}:${i + 1}: not a JSON line (the log is corrupt or was cut mid-line). Fix: use an intact log.`);
    }
    if (!isObject(rec) || typeof rec.type !== 'string') {
      throw new InputError(`${file}:${i + 1}: each line must be a JSON object with a "type". Fix: use a log written by leverage.`);
    }
    records.push(rec);
  });
  const h = records[0] as Record<string, unknown>;
  if (h.type !== 'header' || h.format !== LOG_FORMAT) {
    throw new InputError(`${file}:1: not a leverage game log (no header line). Fix: use a log written by 'leverage run --log' or saved from 'leverage play'.`);
  }
  if (h.formatVersion !== LOG_FORMAT_VERSION) {
    throw new InputError(`${file}:1: log format version ${String(h.formatVersion)}; this leverage reads version ${LOG_FORMAT_VERSION}.`);
  }
  if (typeof h.seed !== 'string' || typeof h.index !== 'number' || !isObject(h.sides) || !isObject(h.scenario) || !isObject(h.params)) {
    throw new InputError(`${file}:1: the header is missing seed, index, sides, scenario or params. Fix: use an intact log.`);
  }
  const steps: Step[] = [];
  let outcome: LogOutcome | undefined;
  let paused = false;
  for (let i = 1; i < records.length; i++) {
    const r = records[i] as Record<string, unknown>;
    if (outcome || paused) throw new InputError(`${file}:${i + 1}: a line after the log's last line. Fix: use an intact log.`);
    if (r.type === 'move') {
      if (typeof r.move !== 'string' || !isMoveName(r.move)) {
        throw new InputError(`${file}:${i + 1}: unknown move ${JSON.stringify(r.move)}.`);
      }
      steps.push(r as unknown as Step);
    } else if (r.type === 'chance') {
      if (typeof r.detection !== 'number' || typeof r.war !== 'number' || typeof r.drift !== 'number') {
        throw new InputError(`${file}:${i + 1}: a chance line needs numbers detection, war and drift.`);
      }
      steps.push(r as unknown as Step);
    } else if (r.type === 'outcome') {
      outcome = r as unknown as LogOutcome;
    } else if (r.type === 'pause') {
      paused = true;
    } else {
      throw new InputError(`${file}:${i + 1}: unknown line type ${JSON.stringify(r.type)}.`);
    }
  }
  if (!outcome && !paused) {
    throw new InputError(`${file}:${records.length}: the log ends without an outcome or pause line: it was cut short. Fix: use an intact log.`);
  }
  return { header: h as unknown as LogHeader, steps, outcome: outcome ?? null };
}

export interface ReplayResult {
  ok: boolean;
  /** Set when the game reproduced but not from the same scenario file (its hash differs): not exact. */
  notExact?: string;
  /** Steps that matched before any divergence. */
  matched: number;
  /** 1-based line of the log where it diverged (header is line 1). */
  line?: number;
  problem?: string;
  session: GameSession;
}

export function sidesFromHeader(h: LogHeader, file: string): Sides {
  return sidesOf((a) => {
    const id = h.sides[a];
    if (id === 'human') return 'human';
    const s = typeof id === 'string' ? findStrategy(a, id) : undefined;
    if (!s) throw new InputError(`${file}:1: the log names a ${a} strategy '${String(id)}' this leverage does not have.`);
    return s;
  });
}

function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b) ? null : `${path}: ${JSON.stringify(b)} in the log, ${JSON.stringify(a)} now`;
  return a === b ? null : `${path}: ${JSON.stringify(b)} in the log, ${JSON.stringify(a)} now`;
}

/** What, if anything, differs between a step made now and the log's record of it. */
function stepProblem(step: Step, rec: Step, h: LogHeader): string | null {
  const who = step.type === 'chance' ? 'chance' : step.actor;
  if (rec.type === 'move') {
    if (step.type !== 'move' || step.actor !== rec.actor) return `the log has ${rec.actor} moving, but it is ${who}'s turn now`;
    if (step.move !== rec.move) return `${rec.actor} (${h.sides[rec.actor]}) now chooses '${step.move}', the log has '${rec.move}'`;
  } else {
    if (step.type !== 'chance') return `the log has a chance draw, but it is ${who}'s turn now`;
    if (step.detection !== rec.detection || step.war !== rec.war || step.drift !== rec.drift) return 'the chance draws differ from the log (different seed or generator)';
  }
  const d = firstDifference(step.state, rec.state);
  if (d) return `the state differs after this step: ${d}`;
  // Every other field too (seq, round, notes and who saw them, whether a request was caught):
  // a log whose words were edited is not the game that was played.
  const rest = firstDifference(JSON.parse(JSON.stringify(step)) as unknown, rec);
  return rest ? `the step's record differs: ${rest}` : null;
}

/**
 * What differs between the log's header and the game replayed now, apart from where the
 * scenario file lives (a log may be replayed from another folder): parameters, payoff
 * weights, seed, sides, the scenario's name. The file's hash is returned apart: with the
 * same parameters the game is the same, but not from the same file.
 */
function headerProblems(session: GameSession, h: LogHeader): { problem: string | null; changedFile: boolean } {
  const now = session.header();
  const expected = { ...now, scenario: { ...now.scenario, source: h.scenario?.source, sha256: h.scenario?.sha256 } };
  const d = firstDifference(JSON.parse(JSON.stringify(expected)) as unknown, h);
  const changedFile = now.scenario.sha256 !== h.scenario?.sha256;
  const why = changedFile ? ` (${now.scenario.source} has changed since the log was written)` : '';
  return { problem: d ? `the header differs from the game replayed: ${d}${why}` : null, changedFile };
}

class Divergence extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/**
 * Play the log again from its seed and recorded moves, under `params` (the scenario as it
 * is now), checking every chance draw, every AI choice and every recorded state. The game
 * is played by the session's one loop: the log's human moves are its script, and each step
 * is checked against the log as it is made.
 */
export function replayLog(log: ParsedLog, scenario: ScenarioRef, file: string): ReplayResult {
  const h = log.header;
  const session = new GameSession(scenario, h.seed, h.index, sidesFromHeader(h, file));
  const diverge = (i: number, problem: string): ReplayResult => ({ ok: false, matched: i, line: i + 2, problem, session });
  const header = headerProblems(session, h);
  if (header.problem) return { ok: false, matched: 0, line: 1, problem: header.problem, session };
  const exact = (r: ReplayResult): ReplayResult =>
    header.changedFile ? { ...r, notExact: `the scenario ${scenario.source} is not the file the log was made from (its hash differs), though its parameters are the same` } : r;
  const recs = log.steps;
  const script = recs.flatMap((r) => (r.type === 'move' && session.sides[r.actor] === 'human' ? [r.move] : []));
  let checked = 0;
  const onStep = (step: Step) => {
    const problem = stepProblem(step, recs[checked] as Step, h);
    if (problem) throw new Divergence(checked, problem);
    checked++;
  };
  try {
    session.playMoves(script, { onStep, maxSteps: recs.length });
  } catch (e) {
    if (e instanceof Divergence) return diverge(e.at, e.problem);
    if (!(e instanceof ScriptError)) throw e;
    // A human's recorded move could not be played: illegal now, or nobody's turn (the game is over).
  }
  if (checked < recs.length) {
    const rec = recs[checked] as Step;
    const who = session.toMove();
    if (rec.type === 'move' && who === rec.actor && session.sides[who] === 'human') {
      return diverge(checked, `the recorded move '${rec.move}' is not legal now (legal: ${session.legalMoves().join(', ')})`);
    }
    const what = rec.type === 'move' ? `${rec.actor} moving` : 'a chance draw';
    return diverge(checked, `the log has ${what}, but it is ${who ?? 'nobody'}'s turn now`);
  }
  if (log.outcome === null) {
    if (session.isOver()) return diverge(recs.length, 'the log was saved in progress, but the game is over now');
    return exact({ ok: true, matched: recs.length, session });
  }
  if (!session.isOver()) return diverge(recs.length, 'the log ends but the game goes on');
  const o = session.outcomeLine();
  const d = firstDifference(o, log.outcome);
  if (d) return diverge(recs.length, `the outcome differs: ${d}`);
  return exact({ ok: true, matched: recs.length, session });
}

/** The scenario embedded in a log's header, for when its file is gone. */
export function embeddedScenario(h: LogHeader): ScenarioRef {
  return { name: h.scenario.name, source: h.scenario.source, sha256: h.scenario.sha256, params: h.params as Params };
}
