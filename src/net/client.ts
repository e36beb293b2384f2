import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import type { MoveName } from '../model/moves.js';
import type { Seat, SeatObservation, ServerMessage, TeacherCommand, TeacherObservation } from './protocol.js';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from './protocol.js';

// One seat's line to the host: say hello with the code, keep the latest observation, send
// moves and teacher commands, and dial again (same code) if the line drops during a game.

export class JoinRefused extends Error {}

/** `HOST:PORT`, `ws://HOST:PORT` or `[v6]:PORT` -> a ws:// URL; null when it is not an address. */
export function tableUrl(address: string): string | null {
  const a = address.trim();
  if (/^wss?:\/\//.test(a)) return a;
  const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(a);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) return null;
  return `ws://${m[1]}:${m[2]}`;
}

const RETRY_MS = 1000;
const RETRIES = 120;

export class TableClient {
  seat: Seat | null = null;
  seatState: SeatObservation | null = null;
  teacherState: TeacherObservation | null = null;
  /** The last refusal or notice from the host, for the footer. */
  notice = '';
  connected = false;
  /** Set when the line is gone for good (the host is gone, or refused the code). */
  gone: string | null = null;
  /** Called with each saved log the host sends (teacher's save). */
  onLog: (name: string, jsonl: string) => void = () => undefined;
  private ws: WebSocket | null = null;
  private readonly listeners = new Set<() => void>();
  private closing = false;
  private everJoined = false;
  private retries = 0;
  private counter = 0;
  private readonly nonce = randomBytes(4).toString('hex');

  constructor(
    readonly url: string,
    readonly code: string,
    readonly timeoutMs = 5000,
  ) {}

  /** Connect and say hello; resolves with the seat, rejects with a one-line reason. */
  connect(): Promise<Seat> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const ws = new WebSocket(this.url, { maxPayload: 64 * 1024 * 1024, handshakeTimeout: this.timeoutMs });
      this.ws = ws;
      const fail = (why: string, refused = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        ws.terminate();
        reject(refused ? new JoinRefused(why) : new Error(why));
      };
      const timer = setTimeout(() => fail(`no answer from ${this.url} within ${this.timeoutMs / 1000} s`), this.timeoutMs);
      ws.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ECONNREFUSED' ? `nothing is listening at ${this.url}` : `cannot reach ${this.url}: ${e.message}`));
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, code: this.code })));
      ws.on('message', (data) => {
        let msg: ServerMessage;
        try {
          msg = JSON.parse(String(data)) as ServerMessage;
        } catch {
          return;
        }
        if (!settled) {
          if (msg.type === 'refused') return fail(`the host refused: ${msg.reason}`, true);
          if (msg.type === 'welcome') {
            settled = true;
            clearTimeout(timer);
            this.seat = msg.seat;
            this.connected = true;
            this.everJoined = true;
            this.retries = 0;
            resolve(msg.seat);
          }
        }
        this.receive(msg);
      });
      ws.on('close', (code, reason) => {
        if (!settled) return fail(`the host closed the connection: ${String(reason) || code}`, code === 1008);
        if (this.ws !== ws) return;
        this.connected = false;
        this.changed();
        if (!this.closing && this.everJoined) this.redial(code, String(reason));
      });
    });
  }

  private redial(code: number, reason: string): void {
    const over = this.seatState?.status.over ?? this.teacherState?.status.over ?? false;
    if (over || code === 1008 || code === 4000 || this.retries >= RETRIES) {
      this.gone = code === 4000 ? 'this code was used again from another screen' : over ? 'the host has closed the table' : `the line to the host is gone (${reason || code})`;
      return this.changed();
    }
    this.retries++;
    this.notice = 'connection lost: dialling the host again…';
    this.changed();
    setTimeout(() => {
      if (this.closing) return;
      this.connect().catch((e: Error) => {
        if (e instanceof JoinRefused) {
          this.gone = e.message;
          this.changed();
        }
        // Otherwise the close handler of that attempt dials again.
      });
    }, RETRY_MS);
  }

  private receive(msg: ServerMessage): void {
    switch (msg.type) {
      case 'state':
        this.seatState = msg.obs;
        break;
      case 'teacherState':
        this.teacherState = msg.obs;
        break;
      case 'refused':
        this.notice = `Refused: ${msg.reason}`;
        break;
      case 'accepted':
        this.notice = '';
        break;
      case 'log':
        this.onLog(msg.name, msg.jsonl);
        break;
      default:
        return;
    }
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private nextId(): string {
    return `${this.nonce}-${++this.counter}`;
  }

  private send(msg: object): void {
    const text = JSON.stringify(msg);
    if (this.ws?.readyState === WebSocket.OPEN && text.length < MAX_MESSAGE_BYTES) this.ws.send(text);
  }

  play(move: MoveName): void {
    this.send({ type: 'move', id: this.nextId(), seq: this.seatState?.seq ?? 0, move });
  }

  command(command: TeacherCommand): void {
    this.send({ type: 'teacher', id: this.nextId(), command });
  }

  close(): void {
    this.closing = true;
    this.ws?.close(1000, 'bye');
  }
}
