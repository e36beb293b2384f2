import { WebSocket } from 'ws';
import type { Actor } from '../../src/model/context.js';
import type { Seat, ServerMessage } from '../../src/net/protocol.js';
import type { ServerOptions } from '../../src/net/server.js';
import { ClassroomServer } from '../../src/net/server.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';

// Real sockets on 127.0.0.1: a real server and raw WebSocket clients that read every frame.

export async function startServer(over: Partial<ServerOptions> = {}): Promise<{ server: ClassroomServer; url: string; events: string[] }> {
  const events: string[] = [];
  const server = new ClassroomServer({
    scenario: resolveScenario('2022'),
    seed: '7',
    index: 0,
    ai: { us: getStrategy('us', 'columns'), china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') },
    roundSeconds: 0,
    host: '127.0.0.1',
    port: 0,
    onEvent: (l) => events.push(l),
    ...over,
  });
  const port = await server.listen();
  return { server, url: `ws://127.0.0.1:${port}`, events };
}

/** A raw client: it keeps every message it receives, in order. */
export class RawClient {
  readonly received: ServerMessage[] = [];
  readonly raw: string[] = [];
  private waiters: (() => void)[] = [];
  closed = false;
  private ids = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const text = String(d);
      this.raw.push(text);
      this.received.push(JSON.parse(text) as ServerMessage);
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  static async open(url: string): Promise<RawClient> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawClient(ws);
  }

  static async join(url: string, code: string): Promise<RawClient> {
    const c = await RawClient.open(url);
    c.sendJson({ type: 'hello', version: 1, code });
    await c.until((m) => m.type === 'welcome' || m.type === 'refused');
    return c;
  }

  sendJson(msg: object): void {
    this.ws.send(JSON.stringify(msg));
  }

  nextId(): string {
    return `m${++this.ids}`;
  }

  /** The latest seat state, if any. */
  state() {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const m = this.received[i] as ServerMessage;
      if (m.type === 'state') return m.obs;
    }
    return null;
  }

  teacher() {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const m = this.received[i] as ServerMessage;
      if (m.type === 'teacherState') return m.obs;
    }
    return null;
  }

  /** Wait (bounded) until a message since `from` matches. */
  async until(pred: (m: ServerMessage) => boolean, ms = 5000, from = 0): Promise<ServerMessage> {
    const end = Date.now() + ms;
    for (;;) {
      const hit = this.received.slice(from).find(pred);
      if (hit) return hit;
      if (this.closed) throw new Error('connection closed while waiting');
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out; last messages: ${this.raw.slice(-2).join('\n').slice(0, 600)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((r) => {
      this.ws.once('close', () => r());
      this.ws.close();
    });
  }
}

/** Play this seat to the end: whenever it may move, it plays the legal move `pick` chooses. */
export async function playSeat(c: RawClient, pick: (legal: string[], round: number) => string, ms = 20_000, thinkMs = 0): Promise<void> {
  const end = Date.now() + ms;
  let lastSeq = -1;
  for (;;) {
    if (Date.now() > end) throw new Error('seat did not finish in time');
    if (c.closed) throw new Error("seat connection closed before the end");
    const s = c.state();
    if (s?.end) return;
    if (s && s.legal.length && s.seq !== lastSeq) {
      lastSeq = s.seq;
      if (thinkMs) await new Promise((r) => setTimeout(r, thinkMs));
      c.sendJson({ type: 'move', id: c.nextId(), seq: s.seq, move: pick(s.legal, s.round) });
    }
    const n = c.received.length;
    await c.until(() => true, Math.max(1, end - Date.now()), n).catch(() => undefined);
  }
}

export const ACTOR_SEATS: Actor[] = ['us', 'china', 'kim'];
export type { Seat };
