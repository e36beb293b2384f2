import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../src/net/protocol.js';
import type { ClassroomServer } from '../../src/net/server.js';
import { startServer } from './helpers.js';

// Issue 20, items 4 and 8, and the unread client: a LAN of a few machines, each its own
// address (127.0.0.2-6 and more are this machine's loopback, as distinct to the server as
// classroom laptops), against the class server's limits.

const servers: ClassroomServer[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const w of sockets.splice(0)) w.terminate();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A socket from `localAddress`, or null if the server refused it at once. */
function openFrom(url: string, localAddress: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { localAddress });
    sockets.push(ws);
    ws.on('error', () => resolve(null));
    ws.once('open', () => resolve(ws));
  });
}

/** Say hello from `localAddress` with `code`; the first answer ('closed' if the socket closed first). */
async function helloFrom(url: string, localAddress: string, code: string): Promise<ServerMessage | 'closed'> {
  const ws = await openFrom(url, localAddress);
  if (!ws) return 'closed';
  return new Promise((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(String(d)) as ServerMessage));
    ws.once('close', () => resolve('closed'));
    ws.send(JSON.stringify({ type: 'hello', version: 1, code }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ATTACKERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];

describe('a LAN cannot block the table (item 4)', () => {
  it('8 idle sockets from each of 5 addresses leave every seat with a code free to join', async () => {
    const { server, url } = await startServer({ limits: { helloMs: 800 } });
    servers.push(server);
    const idle = await Promise.all(ATTACKERS.flatMap((a) => Array.from({ length: 8 }, () => openFrom(url, a))));
    await sleep(100);
    // At most 4 un-greeted sockets per address stay.
    expect(server.connectedCount()).toBeLessThanOrEqual(ATTACKERS.length * 4);
    // The teacher and the three seats join, from 127.0.0.1 (before: 10 of 12 joins refused).
    const answers = await Promise.all((['teacher', 'us', 'china', 'kim'] as const).map((s) => helloFrom(url, '127.0.0.1', server.codes[s])));
    expect(answers.map((a) => (a === 'closed' ? a : a.type))).toEqual(['welcome', 'welcome', 'welcome', 'welcome']);
    // The silent ones are gone within the hello deadline; the seats stay.
    await sleep(1200);
    expect(idle.filter((w) => w && w.readyState === WebSocket.OPEN).length).toBe(0);
    expect(server.connectedCount()).toBe(4);
  });

  it('with silent sockets from many addresses filling every free place, a code still gets in', async () => {
    const { server, url } = await startServer({ limits: { maxConnections: 12, helloMs: 5000 } });
    servers.push(server);
    const many = Array.from({ length: 20 }, (_, i) => `127.0.1.${i + 2}`);
    await Promise.all(many.flatMap((a) => [openFrom(url, a), openFrom(url, a)]));
    await sleep(100);
    expect(server.connectedCount()).toBeLessThanOrEqual(12 - 4);
    const answers = await Promise.all((['teacher', 'us', 'china', 'kim'] as const).map((s) => helloFrom(url, '127.0.0.9', server.codes[s])));
    expect(answers.map((a) => (a === 'closed' ? a : a.type))).toEqual(['welcome', 'welcome', 'welcome', 'welcome']);
    expect(server.connectedCount()).toBeLessThanOrEqual(12);
  });
});

describe('wrong join codes (item 8)', () => {
  it('are throttled per address, the host sees one summary line, and other addresses are unaffected', async () => {
    const { server, url, events } = await startServer({ limits: { badCodesPerAddress: 5, refusalSummaryMs: 400 } });
    servers.push(server);
    const guesses: (ServerMessage | 'closed')[] = [];
    for (let i = 0; i < 30; i++) guesses.push(await helloFrom(url, '127.0.0.3', `ZZZZ-${String(i).padStart(4, '2')}`));
    const reasons = guesses.map((g) => (g === 'closed' ? 'closed' : g.type === 'refused' ? g.reason : g.type));
    expect(reasons.slice(0, 5)).toEqual(Array(5).fill('unknown or expired code'));
    // Past the quota the address is not heard: refused unread (or closed at connect).
    expect(reasons.slice(5).every((r) => r === 'closed' || r.startsWith('too many wrong codes'))).toBe(true);
    // Even the right code from that address waits out the window: guessing it cannot be tested.
    const right = await helloFrom(url, '127.0.0.3', server.codes.us);
    expect(right === 'closed' || right.type === 'refused').toBe(true);
    // Another machine joins at once.
    const other = await helloFrom(url, '127.0.0.4', server.codes.us);
    expect(other !== 'closed' && other.type).toBe('welcome');
    await sleep(700);
    // One line for the lot, not one per guess: the codes stay on the host's screen.
    const lines = events.filter((e) => /wrong codes|unknown or expired/.test(e));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join('\n')).toMatch(/refused \d+ join attempts with wrong codes from 127\.0\.0\.3/);
    expect(server.counts.badCodes).toBeGreaterThanOrEqual(5);
  });
});
