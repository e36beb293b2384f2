import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { wrapLine } from '../../text-wrap.js';
import type { Actor } from '../../model/context.js';
import type { Strategy } from '../../strategies/types.js';
import type { Seat } from '../../net/protocol.js';
import { InputError } from '../../input-error.js';
import { ClassroomServer } from '../../net/server.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { checkWritable, writeAtomic } from '../io.js';
import { parseSeed, parseWholeNumber, sidesFrom, withRounds, withSideOptions } from '../options.js';

interface HostOptions {
  seed?: string;
  index: string;
  port: string;
  roundSeconds: string;
  lan?: boolean;
  us?: string;
  china?: string;
  kim?: string;
  rounds?: string;
  log?: string;
}

const SEAT_LABEL: Record<Seat, string> = { us: 'US', china: 'China', kim: 'Kim', teacher: 'Teacher' };
/** After the game, the host stays up until every screen has left (they show the end screen), at most this long. */
const LINGER_MS = 30 * 60 * 1000;

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => (i as { address: string }).address);
}

/**
 * How a student starts `leverage` on a machine set up like this one: from a checkout of the
 * source (no global install) only `npx leverage` finds it, and only inside that folder.
 */
function launcher(): { command: string; before: string } {
  const root = packageRoot();
  const checkout = existsSync(join(root, 'tsconfig.json')) || existsSync(join(root, '.git'));
  return checkout
    ? {
        command: 'npx leverage',
        before:
          'Before class, each student needs Node.js 20.19 or newer and a copy of this leverage folder, installed (clone it, then npm install: 2-3 minutes); ' +
          "`npx leverage --version` inside it checks it. They type the command below inside that folder.",
      }
    : { command: 'leverage', before: 'Before class, each student needs Node.js 20.19 or newer and leverage installed as on this machine; `leverage --version` checks it.' };
}

const stamp = () => new Date().toISOString().slice(11, 19);

export function registerHost(program: Command): void {
  withSideOptions(
    program
      .command('host')
      .description('host a class game: three people play the three sides from their own terminals (leverage join), a teacher runs the room')
      .argument('[scenario]', 'a built-in scenario name or a .yaml path', 'baseline')
      .option('--seed <seed>', 'the master seed (default: a fresh random one; the seats never see it)')
      .option('--index <n>', 'which game of that seed', '0')
      .option('--port <n>', 'the port to listen on (0: any free one)', '7373')
      .option('--round-seconds <n>', 'seconds per round before the AI moves for a seat still to move (0: no clock)', '120')
      .option('--lan', 'listen on every network interface, so other machines can join (default: this machine only)'),
    'strategy',
    { us: 'the AI that plays the US if nobody takes the seat, and covers it when time runs out', china: 'the same for China', kim: 'the same for Kim' },
  )
    .option('--rounds <n>', "override the scenario's round limit")
    .option('--log <file>', 'where to write the game log (default: leverage-class-SCENARIO-seedSEED.jsonl here)')
    .action(async (ref: string, opts: HostOptions) => {
      const scenario = withRounds(resolveScenario(ref), opts.rounds);
      // A fresh seed has 48 random bits: a seat that could guess it could recompute the chance draws.
      const seed = opts.seed !== undefined ? parseSeed(opts.seed) : randomBytes(6).toString('hex');
      const index = parseWholeNumber('--index', opts.index, 0, Number.MAX_SAFE_INTEGER);
      const port = parseWholeNumber('--port', opts.port, 0, 65535);
      const roundSeconds = parseWholeNumber('--round-seconds', opts.roundSeconds, 0, 24 * 3600);
      const ai = sidesFrom(opts, scenario) as { [A in Actor]: Strategy<A> };
      const logFile = opts.log ?? join(process.cwd(), `leverage-class-${scenario.name}-seed${seed}.jsonl`);
      checkWritable(logFile, '--log');
      const host = opts.lan ? '0.0.0.0' : '127.0.0.1';
      const out = (line: string) => process.stdout.write(`${line}\n`);
      const server = new ClassroomServer({ scenario, seed, index, ai, roundSeconds, host, port, onEvent: (l) => out(`[${stamp()}] ${l}`) });
      let bound: number;
      try {
        bound = await server.listen();
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EADDRINUSE') throw new InputError(`--port ${port}: the port is in use. Fix: choose another (--port ${port + 1}) or stop the other host.`);
        if (err.code === 'EACCES') throw new InputError(`--port ${port}: not allowed to listen there. Fix: use a port above 1023.`);
        throw e;
      }
      const where = opts.lan ? lanAddresses().map((a) => `${a}:${bound}`) : [`127.0.0.1:${bound}`];
      const address = where[0] ?? `127.0.0.1:${bound}`;
      out(`leverage class game: ${scenario.name} (${scenario.params.rounds} rounds), seed ${seed}, round clock ${roundSeconds ? `${roundSeconds} s` : 'off'}`);
      out(opts.lan ? `Listening on every interface, port ${bound}: ${where.join(', ') || 'no network address found'}` : `Listening on 127.0.0.1:${bound} (this machine only; --lan lets other machines join)`);
      const run = launcher();
      // Wrapped for an 80-column terminal: it is the line a teacher reads out before class.
      for (const l of wrapLine(run.before, 80, 2)) out(l);
      out('Hand each code to its seat only (each code is one seat, and is spent when the game ends):');
      for (const s of ['us', 'china', 'kim', 'teacher'] as Seat[]) out(`  ${SEAT_LABEL[s].padEnd(8)} ${run.command} join ${address} ${server.codes[s]}`);
      out(`Seats nobody takes are played by the AI: US ${ai.us.name}, China ${ai.china.name}, Kim ${ai.kim.name} (they also move for a seat whose time runs out).`);
      out('The game starts when all three seats have joined, or when the teacher presses g.');

      const writeLog = () => {
        if (!server.started) return;
        writeAtomic(logFile, server.session.toJsonl(), '--log');
        out(`[${stamp()}] log written to ${logFile} (leverage replay ${logFile} verifies it)`);
      };
      let stopping = false;
      const stop = async (code: number) => {
        if (stopping) return;
        stopping = true;
        if (!server.session.isOver()) writeLog();
        await server.close();
        process.exit(code);
      };
      process.once('SIGINT', () => void stop(130));
      process.once('SIGTERM', () => void stop(143));
      process.once('SIGHUP', () => void stop(129));

      const session = await server.finished;
      writeLog();
      const o = session.outcomeLine();
      if (o) out(`[${stamp()}] payoffs: US ${o.payoffs.us.toFixed(2)}, China ${o.payoffs.china.toFixed(2)}, Kim ${o.payoffs.kim.toFixed(2)}`);
      out('The screens show the end of the game; the host closes when they have all left (or press Ctrl-C).');
      const until = Date.now() + LINGER_MS;
      while (server.connectedCount() > 0 && Date.now() < until && !stopping) await new Promise((r) => setTimeout(r, 500));
      if (!stopping) {
        stopping = true;
        await server.close();
      }
    });
}
