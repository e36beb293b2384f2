import type { Command } from 'commander';
import { join } from 'node:path';
import { InputError } from '../../input-error.js';
import { JoinRefused, TableClient, tableUrl } from '../../net/client.js';
import { RemoteSeat } from '../../ui/remote-seat.js';
import { writeAtomic } from '../io.js';
import { loadTui } from './play.js';

const NOT_A_TERMINAL = 'join needs a terminal: its standard input and output must both be a TTY. Fix: run it in a terminal window.';
const FIRST_STATE_MS = 5000;

export function registerJoin(program: Command): void {
  program
    .command('join')
    .description('take your seat at a class game that `leverage host` runs: your side only, or the teacher screen')
    .argument('<address>', 'HOST:PORT as the host printed it')
    .argument('<code>', 'your join code (one seat: US, China, Kim or the teacher)')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .action(async (address: string, code: string, opts: { color: boolean }) => {
      const url = tableUrl(address);
      if (!url) throw new InputError(`join ${address}: not an address. Fix: give HOST:PORT as the host printed it, e.g. leverage join 127.0.0.1:7373 ABCD-EFGH.`);
      if (!/^[A-Za-z0-9-]{4,20}$/.test(code)) throw new InputError(`join: '${code}' is not a join code. Fix: copy the code the host printed for your seat (like ABCD-EFGH).`);
      if (!process.stdin.isTTY || !process.stdout.isTTY) throw new InputError(NOT_A_TERMINAL);
      const client = new TableClient(url, code);
      let seat;
      try {
        seat = await client.connect();
      } catch (e) {
        const why = (e as Error).message;
        throw new InputError(`join ${address}: ${why}. Fix: ${e instanceof JoinRefused ? 'check the code with the host (codes are spent when a game ends)' : 'check the address, and that leverage host is running there'}.`);
      }
      const until = Date.now() + FIRST_STATE_MS;
      while (!client.seatState && !client.teacherState && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      if (!client.seatState && !client.teacherState) {
        client.close();
        throw new InputError(`join ${address}: the host said welcome but sent no game. Fix: try again, or restart the host.`);
      }
      if (!opts.color || process.env.NO_COLOR !== undefined) process.env.FORCE_COLOR = '0';
      process.env.NODE_ENV ??= 'production';
      delete process.env.CI;
      delete process.env.CONTINUOUS_INTEGRATION;
      const tui = await loadTui();
      const save = (stem: string, jsonl: string) => {
        const file = join(process.cwd(), `${stem}.jsonl`);
        writeAtomic(file, jsonl);
        return file;
      };
      if (seat === 'teacher') await tui.runTeacherTui({ client, save });
      else await tui.runTui({ scenarios: [], newSeed: () => '0', save, controller: new RemoteSeat(client) });
      client.close();
      // The screen is gone; do not wait for timers (the clock tick, a redial) to wind down.
      process.exit(process.exitCode ?? 0);
    });
}
