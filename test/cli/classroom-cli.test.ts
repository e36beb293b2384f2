import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawClient } from '../net/helpers.js';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, expectUserError, leverage } from './helpers.js';

// host and join refuse bad input with one line and exit 2, before anything is opened.

describe('leverage host and join: bad input', () => {
  it('refuses bad flags, addresses and codes, and a join without a terminal', () => {
    expectUserError(leverage(['host', '2022', '--port', '99999']), /--port 99999: must be a whole number from 0 to 65535/);
    expectUserError(leverage(['host', '2022', '--round-seconds', 'soon']), /--round-seconds soon/);
    expectUserError(leverage(['host', '2022', '--us', 'nobody']), /--us/);
    expectUserError(leverage(['join', 'nohost', 'ABCD-EFGH']), /join nohost: not an address\. Fix: give HOST:PORT/);
    expectUserError(leverage(['join', '127.0.0.1:7373', 'a b']), /is not a join code/);
    expectUserError(leverage(['join', '127.0.0.1:7373', 'ABCD-EFGH']), /join needs a terminal/);
  });

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      expectUserError(leverage(['host', '2022', '--port', String(port)]), new RegExp(`--port ${port}: the port is in use`));
    } finally {
      blocker.close();
    }
  });

  it('prints a code per seat and a teacher code, all different, and listens on 127.0.0.1 only by default', async () => {
    const child = spawn(process.execPath, [BIN, 'host', '2022', '--seed', '3', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    try {
      for (let i = 0; i < 100 && !/Teacher/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      const codes = [...out.matchAll(/(US|China|Kim|Teacher)\s+npx leverage join 127\.0\.0\.1:\d+ ([A-Z0-9]{4}-[A-Z0-9]{4})/g)].map((m) => m[2]);
      expect(codes).toHaveLength(4);
      expect(new Set(codes).size).toBe(4);
      expect(out).toMatch(/this machine only/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('stopped mid-game, the host writes the game so far as a log that replays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-class-cli-'));
    const log = join(dir, 'stopped.jsonl');
    const child = spawn(process.execPath, [BIN, 'host', '2022', '--seed', '4', '--port', '0', '--log', log], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    const seat = (name: string) => new RegExp(`${name}\\s+npx leverage join (\\S+) (\\S+)`).exec(out);
    const clients: RawClient[] = [];
    try {
      for (let i = 0; i < 100 && !seat('Teacher'); i++) await new Promise((r) => setTimeout(r, 50));
      const [, address, usCode] = seat('US') ?? [];
      const url = `ws://${address}`;
      const us = await RawClient.join(url, usCode as string);
      const teacher = await RawClient.join(url, seat('Teacher')?.[2] as string);
      clients.push(us, teacher);
      teacher.sendJson({ type: 'teacher', id: 'g', command: 'start' });
      await us.until((m) => m.type === 'state' && m.obs.legal.length > 0);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      expect(out).toMatch(/log written to/);
      const r = leverage(['replay', log, '--width', '300']);
      expect(r.out).toMatch(/reproduced exactly/);
      expect(readFileSync(log, 'utf8')).toMatch(/"type":"pause"/);
    } finally {
      for (const c of clients) c.ws.terminate();
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
