import type { Command } from 'commander';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../package-root.js';
import type { Actor } from '../../model/context.js';
import type { MoveName } from '../../model/moves.js';
import type { Scenario } from '../../scenario/load.js';
import { embeddedScenario, parseLog, replayLog } from '../../engine/reference/replay.js';
import { GameSession, ScriptError } from '../../engine/reference/session.js';
import { InputError } from '../../input-error.js';
import { findMove, MOVES, movesOf } from '../../model/moves.js';
import { listBuiltIn, resolveScenario } from '../../scenario/catalog.js';
import { checkWritable, readTextFile, writeAtomic } from '../io.js';
import { formatAccount } from '../format.js';
import { parseSeed, parseWholeNumber, sidesFrom, withRounds } from '../options.js';
import { print } from '../width.js';

interface PlayOptions {
  as?: string;
  seed?: string;
  index: string;
  us?: string;
  china?: string;
  kim?: string;
  rounds?: string;
  moves?: string;
  log?: string;
  load?: string;
  color: boolean;
}

function parseSide(value: string | undefined): Actor {
  const v = (value ?? 'us').toLowerCase();
  if (v === 'us' || v === 'china' || v === 'kim') return v;
  throw new InputError(`--as ${value}: play as us, china or kim.`);
}

function parseMoves(list: string, side: Actor): MoveName[] {
  return list.split(',').map((w, i) => {
    const m = findMove(side, w);
    if (!m) {
      const names = movesOf(side).map((x) => MOVES[x].short).join(', ');
      throw new InputError(`--moves: move ${i + 1} '${w.trim()}' is not a ${side} move. Fix: use one of ${names} (or the full names from leverage play --help).`);
    }
    return m;
  });
}

const NOT_A_TERMINAL =
  'play needs a terminal: its standard input and output must both be a TTY. ' +
  "Fix: run it in a terminal, or script it: leverage play 2022 --as us --moves expose,sanction,diplomacy (plain text), or watch AI sides with leverage run.";

/** The bundled terminal UI when the build made one (much faster to load), else its modules. */
export async function loadTui(): Promise<typeof import('../../ui/run.js')> {
  const bundle = join(packageRoot(), 'dist', 'tui', 'run.js');
  if (existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as typeof import('../../ui/run.js');
  return import('../../ui/run.js');
}

export function registerPlay(program: Command): void {
  program
    .command('play')
    .description('play a side yourself against AI strategies in the terminal (or script it with --moves)')
    .argument('[scenario]', 'a built-in scenario name or a .yaml path (no scenario: choose on screen)')
    .option('--as <side>', 'the side you play: us, china or kim')
    .option('--seed <seed>', 'the master seed (default: a fresh one, shown on screen); with no scenario, it seeds the first game you set up')
    .option('--index <n>', 'which game of that seed', '0')
    .option('--us <strategy>', 'AI strategy for the US when you are not the US')
    .option('--china <strategy>', 'AI strategy for China')
    .option('--kim <strategy>', 'AI strategy for Kim')
    .option('--rounds <n>', "override the scenario's round limit")
    .option('--moves <list>', 'play these moves (comma list of move names) and print the game as text, without the screen')
    .option('--log <file>', 'with --moves: also save the game log')
    .option('--load <file>', 'resume a game saved with s (a JSONL log)')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `\nMoves for --moves, by side (short name = full name):\n${(['us', 'china', 'kim'] as Actor[])
        .map((a) => `  ${a}: ${movesOf(a).map((m) => `${MOVES[m].short}=${m}`).join(', ')}`)
        .join('\n')}\n`,
    )
    .action(async (ref: string | undefined, opts: PlayOptions) => {
      const index = parseWholeNumber('--index', opts.index, 0, Number.MAX_SAFE_INTEGER);
      const seed = opts.seed !== undefined ? parseSeed(opts.seed) : String(randomInt(1, 1_000_000));
      if (opts.log) checkWritable(opts.log, '--log');

      let start: { scenario: Scenario | ReturnType<typeof embeddedScenario>; side: Actor; seed: string; index: number; moves: MoveName[]; opponents: Partial<Record<Actor, string>> } | undefined;
      if (opts.load) {
        const log = parseLog(readTextFile(opts.load, 'saved game'), opts.load);
        const side = (['us', 'china', 'kim'] as Actor[]).find((a) => log.header.sides[a] === 'human');
        if (!side) throw new InputError(`${opts.load}: this log has no human side to resume. Fix: replay it with leverage replay.`);
        const scenario = existsSync(log.header.scenario.source) ? resolveScenario(log.header.scenario.source) : embeddedScenario(log.header);
        const result = replayLog(log, scenario, opts.load);
        if (!result.ok) throw new InputError(`${opts.load}:${result.line}: cannot resume: ${result.problem}.`);
        start = { scenario, side, seed: log.header.seed, index: log.header.index, moves: result.session.humanMoves(), opponents: log.header.sides };
      } else if (ref !== undefined || opts.as !== undefined || opts.moves !== undefined) {
        const scenario = withRounds(resolveScenario(ref), opts.rounds);
        const side = parseSide(opts.as);
        const sides = sidesFrom(opts, scenario, side);
        const opponents = Object.fromEntries(Object.entries(sides).filter(([, s]) => s !== 'human').map(([a, s]) => [a, typeof s === 'string' ? s : s.id]));
        start = { scenario, side, seed, index, moves: [], opponents };
        if (opts.moves !== undefined) {
          const moves = parseMoves(opts.moves, side);
          const session = new GameSession(scenario, seed, index, sides);
          try {
            session.playMoves(moves);
          } catch (e) {
            if (!(e instanceof ScriptError)) throw e;
            const i = e.index;
            if (e.reason === 'game-over') {
              throw new InputError(`--moves: the game ended before your move ${i + 1}; ${moves.length - i} move(s) left over. Fix: give at most ${i}.`);
            }
            throw new InputError(`--moves: move ${i + 1} '${MOVES[moves[i] as MoveName].short}' is not legal in round ${e.round}. Legal then: ${e.legal.map((m) => MOVES[m].short).join(', ')}.`);
          }
          print(formatAccount(session, side, { debrief: 'full' }));
          if (!session.isOver()) {
            print(`\nYour moves ran out at round ${session.ctx.round}; the game is not over. Legal now: ${session.legalMoves().map((m) => MOVES[m].short).join(', ')}.\n`);
          }
          if (opts.log) writeAtomic(opts.log, session.toJsonl(), '--log');
          return;
        }
      }

      if (!process.stdin.isTTY || !process.stdout.isTTY) throw new InputError(NOT_A_TERMINAL);
      // ink's bundled chalk ignores NO_COLOR: turn colour off before ink is first loaded.
      if (!opts.color || process.env.NO_COLOR !== undefined) process.env.FORCE_COLOR = '0';
      // React's production build loads faster and skips development-only checks.
      process.env.NODE_ENV ??= 'production';
      // Both ends are terminals, so a person is watching: ink must draw every frame, in
      // colour, even if CI is set in this shell (ink and its chalk read CI once, on import;
      // any CI key at all makes ink draw only the last frame and chalk drop colour).
      delete process.env.CI;
      delete process.env.CONTINUOUS_INTEGRATION;
      const { runTui } = await loadTui();
      // `--seed` with no scenario seeds the first game set up on screen; later ones are fresh.
      let firstSeed = start === undefined && opts.seed !== undefined ? seed : undefined;
      await runTui({
        scenarios: listBuiltIn(),
        start,
        newSeed: () => {
          const s = firstSeed ?? String(randomInt(1, 1_000_000));
          firstSeed = undefined;
          return s;
        },
        save: (stem, jsonl) => {
          const file = join(process.cwd(), `${stem}.jsonl`);
          writeAtomic(file, jsonl);
          return file;
        },
      });
    });
}
