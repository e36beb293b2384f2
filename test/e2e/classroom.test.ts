import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { BIN, leverage } from '../cli/helpers.js';

// A whole class game as people run it: `leverage host` in the background, and three real
// `leverage join` screens in tmux panes that we read with capture-pane and type into.

// Per run, as the other terminal tests do: a fixed name collides with another run's leftover server.
const socket = `leverage-classroom-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const PANES = { us: 'class:0.0', china: 'class:0.1', kim: 'class:0.2' } as const;
const screen = (pane: string) => tmux('capture-pane', '-p', '-t', pane).stdout;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'lev-class-e2e-'));
let host: ReturnType<typeof spawn> | null = null;

afterAll(() => {
  tmux('kill-server');
  if (host && host.exitCode === null) host.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a class game in real terminals', () => {
  it('three leverage join screens play a whole game, each seeing only its side, and the log replays', async () => {
    expect(spawnSync('tmux', ['-V']).status, 'tmux must be installed').toBe(0);
    const log = join(dir, 'class.jsonl');
    host = spawn(process.execPath, [BIN, 'host', '2022', '--seed', '7', '--port', '0', '--round-seconds', '0', '--log', log], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    host.stdout?.on('data', (d) => (out += String(d)));
    host.stderr?.on('data', (d) => (out += String(d)));
    for (let i = 0; i < 100 && !/Teacher\s+npx leverage join/.test(out); i++) await sleep(50);
    // From a checkout only `npx leverage` works, and the teacher is told what students need first (issue 21 item 10).
    expect(out.replace(/\s+/g, ' ')).toMatch(/Before class, each student needs Node\.js 20\.19 or newer and a copy of this leverage folder, installed \(clone it, then npm install: 2-3 minutes\)/);
    expect(out).not.toMatch(/^\s+\S+\s+leverage join/m);
    const line = (seat: string) => new RegExp(`${seat}\\s+npx leverage join (\\S+) (\\S+)`).exec(out);
    const [, address, usCode] = line('US') ?? [];
    expect(address, out).toMatch(/^127\.0\.0\.1:\d+$/);
    const code = { us: usCode, china: line('China')?.[2], kim: line('Kim')?.[2] };

    const cmd = (c: string | undefined) => `cd ${packageRoot()} && env -u FORCE_COLOR node ${BIN} join ${address} ${c}; sleep 30`;
    expect(tmux('new-session', '-d', '-s', 'class', '-x', '100', '-y', '104', cmd(code.us)).status).toBe(0);
    tmux('split-window', '-v', '-t', 'class:0', cmd(code.china));
    tmux('split-window', '-v', '-t', 'class:0', cmd(code.kim));
    tmux('select-layout', '-t', 'class:0', 'even-vertical');

    const seen = { us: '', china: '', kim: '' };
    let sawWaiting = false;
    const until = Date.now() + 90_000;
    for (;;) {
      expect(Date.now() < until, `the game did not finish; screens:\n${Object.values(PANES).map(screen).join('\n----\n')}`).toBe(true);
      const screens = Object.fromEntries(Object.entries(PANES).map(([a, p]) => [a, screen(p)])) as Record<keyof typeof PANES, string>;
      for (const a of Object.keys(PANES) as (keyof typeof PANES)[]) seen[a] += screens[a];
      if (Object.values(screens).every((s) => /Game over/.test(s))) break;
      if (Object.values(screens).some((s) => /Waiting for (China|Kim|US)/.test(s))) sawWaiting = true;
      for (const a of Object.keys(PANES) as (keyof typeof PANES)[]) {
        if (/Your move/.test(screens[a])) tmux('send-keys', '-t', PANES[a], a === 'china' ? '2' : '1');
      }
      await sleep(250);
    }
    expect(sawWaiting).toBe(true);
    expect(seen.us).toMatch(/you: United States/);
    expect(seen.china).toMatch(/you: China/);
    expect(seen.kim).toMatch(/you: Kim/);
    // Washington never sees the truth, Beijing's beliefs or the courier (China plays 2: the courier).
    expect(seen.us).toMatch(/Influence \(US est\.\)/);
    expect(seen.us).not.toMatch(/Influence \(true\)|China: US concedes|Kim: US pays him|courier/);
    expect(seen.china).toMatch(/Influence \(true\)/);
    expect(seen.china).toMatch(/courier/);

    for (const p of Object.values(PANES)) {
      tmux('send-keys', '-t', p, 'q');
      await sleep(100);
      tmux('send-keys', '-t', p, 'y');
    }
    // With every screen gone, the host closes by itself.
    for (let i = 0; i < 100 && host.exitCode === null; i++) await sleep(100);
    expect(host.exitCode, out).toBe(0);
    expect(out).toMatch(/game over/);
    const r = leverage(['replay', log]);
    expect(r.out).toMatch(/reproduced exactly/);
    expect(r.code).toBe(0);
  }, 120_000);
});
