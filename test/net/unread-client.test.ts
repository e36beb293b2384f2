import { afterEach, describe, expect, it } from 'vitest';
import type { ClassroomServer } from '../../src/net/server.js';
import { RawClient, playSeat, startServer } from './helpers.js';

// Issue 20, "not yet measured": a class client that never reads. What the host holds for it
// is the bytes queued on its socket; the drop rule (limits.maxBufferedBytes) must bound them
// well before the heartbeat notices (here the heartbeat is far off, so only the drop rule acts).

const servers: ClassroomServer[] = [];
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/**
 * A whole game, then a teacher that never reads asks for the log over and over (within its
 * rate limit): every answer is queued for it. The peak of unsent bytes, sampled, and the host's lines.
 */
async function deafTeacher(maxBufferedBytes: number, forMs: number) {
  const { server, url, events } = await startServer({ limits: { heartbeatMs: 600_000, maxBufferedBytes } });
  servers.push(server);
  const teacher = await RawClient.join(url, server.codes.teacher);
  clients.push(teacher);
  const seats = await Promise.all((['us', 'china', 'kim'] as const).map((a) => RawClient.join(url, server.codes[a])));
  clients.push(...seats);
  const pick = (legal: string[], round: number) => legal[(round + legal.length) % legal.length] as string;
  await Promise.all(seats.map((s) => playSeat(s, pick, 30_000)));
  await server.finished;
  // Its machine stops reading the socket: the kernel's buffers fill, then the host's queue grows.
  (teacher.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  let peak = 0;
  let asked = 0;
  const dropped = () => events.includes('dropped Teacher: not reading its messages');
  const t0 = Date.now();
  while (Date.now() - t0 < forMs && !dropped()) {
    if (teacher.ws.readyState === teacher.ws.OPEN) teacher.sendJson({ type: 'teacher', id: `s${++asked}`, command: 'save' });
    await new Promise((r) => setTimeout(r, 55)); // under 20 a second: never rate-limited
    peak = Math.max(peak, server.unsentBytes());
  }
  return { peak, events, server, asked, dropped: dropped() };
}

describe('a classroom client that never reads', () => {
  it('is dropped once its unread output passes the bound, so the host holds at most about that much for it', async () => {
    const bound = 256 * 1024;
    const { peak, server, asked, dropped } = await deafTeacher(bound, 40_000);
    expect(dropped).toBe(true);
    // One message may be queued past the bound before the next send sees it (a log is well under 1 MB).
    expect(peak).toBeLessThan(bound + (1 << 20));
    expect(server.unsentBytes()).toBe(0);
    console.log(`unread client: dropped after ${asked} saves asked (${((asked * server.session.toJsonl().length) / 1e6).toFixed(1)} MB sent, the rest absorbed by the kernel); peak unsent ${(peak / 1024).toFixed(0)} KB with the bound at ${bound / 1024} KB`);
  }, 90_000);
});
