import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import type { Actor, GameContext } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { ScenarioRef, Sides } from '../engine/reference/session.js';
import type { Strategy } from '../strategies/types.js';
import type { Counterfactual } from '../analysis/counterfactuals.js';
import type { Debrief } from '../analysis/debrief.js';
import type { ClientMessage, EndOfGame, Seat, SeatEnd, ServerMessage, TableStatus, TeacherCommand } from './protocol.js';
import { ACTORS } from '../model/context.js';
import { isMoveName, MOVES } from '../model/moves.js';
import { GameSession } from '../engine/reference/session.js';
import { makeRng } from '../rng/rng.js';
import { counterfactualsFor } from '../analysis/counterfactuals.js';
import { debrief } from '../analysis/debrief.js';
import { payoffBreakdown } from '../model/outcomes.js';
import { seatObservation, teacherObservation } from './observe.js';
import type { Limits } from './limits.js';
import { newJoinCode, sameCode } from './codes.js';
import { DEFAULT_LIMITS } from './limits.js';
import { MAX_MESSAGE_BYTES, parseClientMessage, SEATS } from './protocol.js';

// The classroom's one authority: it holds the game, checks every message from the network,
// moves the AI for empty or timed-out seats, and sends each seat only what observe.ts lets it see.

export interface ServerOptions {
  scenario: ScenarioRef;
  seed: string;
  index: number;
  /** Who plays a seat nobody took, and who covers a seat whose time ran out. */
  ai: { [A in Actor]: Strategy<A> };
  /** Seconds per round before the AI covers the seats still to move; 0: no clock. */
  roundSeconds: number;
  host: string;
  port: number;
  limits?: Partial<Limits>;
  /** One line per notable event (joins, refusals, rounds), for the host's terminal. */
  onEvent?: (line: string) => void;
}

export interface ServerCounts {
  connections: number;
  messages: number;
  refused: number;
  rateLimited: number;
  closedForAbuse: number;
  badCodes: number;
  movesAccepted: number;
}

interface Conn {
  ws: WebSocket;
  seat: Seat | null;
  tokens: number;
  lastRefill: number;
  overRate: number;
  refusalsLogged: number;
  helloTimer: NodeJS.Timeout | null;
  name: string;
  address: string;
  alive: boolean;
}

const SEAT_NAME: Record<Seat, string> = { us: 'US', china: 'China', kim: 'Kim', teacher: 'Teacher' };
/** Refusals shown on the host's terminal per connection; the rest are only counted. */
const REFUSALS_LOGGED = 5;
/** And at most this many refusal lines in any ten seconds, whatever the number of connections. */
const REFUSAL_LINES_PER_10S = 40;

export class ClassroomServer {
  readonly codes: Record<Seat, string>;
  readonly counts: ServerCounts = { connections: 0, messages: 0, refused: 0, rateLimited: 0, closedForAbuse: 0, badCodes: 0, movesAccepted: 0 };
  /** Null until the game starts; a provisional session shows the opening position before. */
  session: GameSession;
  started = false;
  paused = false;
  /** Resolves when the game is over. */
  readonly finished: Promise<GameSession>;
  private resolveFinished!: (s: GameSession) => void;
  private readonly limits: Limits;
  private wss: WebSocketServer | null = null;
  private readonly conns = new Set<Conn>();
  private readonly holder: Partial<Record<Seat, Conn>> = {};
  private humans: Actor[] = [];
  private readonly joinedOnce = new Set<Seat>();
  private roundStart: GameContext;
  private readonly acceptedIds: Record<Seat, Set<string>> = { us: new Set(), china: new Set(), kim: new Set(), teacher: new Set() };
  /**
   * The one turn the AI takes for a person (the clock ran out, or the teacher pressed e),
   * named by its step number: only the seat whose turn it is then, never a seat later in
   * the round that has not had its turn yet.
   */
  private coverStep = -1;
  /** Step numbers of the moves the AI made for a person's seat: their screens say so. */
  private readonly coveredByAi: number[] = [];
  private clock: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private deadline = 0;
  private clockLeftMs: number | null = null;
  private ends: Partial<Record<Actor, Counterfactual[]>> = {};
  private finalDebrief: Debrief | undefined;
  /** The teacher has shown the seats the whole game (only once it is over). */
  private revealed = false;
  private done = false;
  private logWindowStart = 0;
  private refusalsInWindow = 0;
  /** Wrong join codes per address in its current window (item 8 of issue 20: guessing is throttled). */
  private readonly badCodesBy = new Map<string, { count: number; since: number }>();
  /** Wrong codes since the last summary line, and from where. */
  private badCodeSummary = { refused: 0, throttled: 0, addresses: new Set<string>() };
  private summaryTimer: NodeJS.Timeout | null = null;

  constructor(readonly opts: ServerOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.codes = Object.fromEntries(SEATS.map((s) => [s, newJoinCode()])) as Record<Seat, string>;
    this.session = new GameSession(opts.scenario, opts.seed, opts.index, this.aiSides());
    this.roundStart = { ...this.session.ctx };
    this.finished = new Promise((r) => (this.resolveFinished = r));
  }

  private aiSides(): Sides {
    return { us: this.opts.ai.us, china: this.opts.ai.china, kim: this.opts.ai.kim };
  }

  private event(line: string): void {
    this.opts.onEvent?.(line);
  }

  /** Listen; resolves with the port (useful with port 0). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const wss = new WebSocketServer({ host: this.opts.host, port: this.opts.port, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
      this.wss = wss;
      wss.once('error', reject);
      wss.once('listening', () => {
        wss.off('error', reject);
        // Errors after start-up (a socket reset mid-handshake) are the client's problem, not ours.
        wss.on('error', (e) => this.event(`server error: ${e.message}`));
        this.heartbeat = setInterval(() => this.beat(), this.limits.heartbeatMs);
        this.heartbeat.unref();
        resolve((wss.address() as AddressInfo).port);
      });
      wss.on('connection', (ws, req) => this.onConnection(ws, req));
    });
  }

  /** Drop connections that did not answer the last ping (a laptop that went to sleep). */
  private beat(): void {
    for (const c of this.conns) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }

  async close(): Promise<void> {
    this.stopClock();
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const c of this.conns) {
      if (c.helloTimer) clearTimeout(c.helloTimer);
      c.ws.terminate();
    }
    this.conns.clear();
    const wss = this.wss;
    this.wss = null;
    if (wss) await new Promise<void>((r) => wss.close(() => r()));
  }

  connectedCount(): number {
    return this.conns.size;
  }

  /** Bytes queued for clients and not yet taken by the network: what a client that stops reading makes the host hold. */
  unsentBytes(): number {
    let n = 0;
    for (const c of this.conns) n += c.ws.bufferedAmount;
    return n;
  }

  // ---------------- connections ----------------

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    this.counts.connections++;
    const address = req.socket.remoteAddress ?? '?';
    const conn: Conn = { ws, seat: null, tokens: this.limits.burst, lastRefill: Date.now(), overRate: 0, refusalsLogged: 0, helloTimer: null, name: `${address}:${req.socket.remotePort ?? '?'}`, address, alive: true };
    ws.on('error', () => undefined); // bad frames and resets: ws closes the socket; nothing to crash
    ws.on('pong', () => (conn.alive = true));
    // Connections that have not said hello share what the seats leave: room for one
    // connection per seat is always kept, so idle sockets cannot lock out the people with codes.
    const pendingRoom = Math.max(1, this.limits.maxConnections - SEATS.length);
    let pendingHere = 0;
    let oldestPending: Conn | null = null;
    let pendingAll = 0;
    for (const c of this.conns) {
      if (c.seat) continue;
      pendingAll++;
      oldestPending ??= c; // a Set keeps insertion order: the first is the oldest
      if (c.address === address) pendingHere++;
    }
    if (pendingHere >= this.limits.pendingPerAddress || this.badCodesThrottled(address)) {
      this.counts.closedForAbuse++;
      ws.close(1013, pendingHere >= this.limits.pendingPerAddress ? 'too many connections from your address' : 'too many wrong codes from your address');
      return;
    }
    if (pendingAll >= pendingRoom && oldestPending) {
      // Full of sockets that have not spoken: the one silent longest makes room (a real
      // client says hello at once, so a newcomer with a code gets in).
      this.counts.closedForAbuse++;
      this.closeConn(oldestPending, 1013, 'the table is full of connections that did not say hello');
    }
    this.conns.add(conn);
    conn.helloTimer = setTimeout(() => {
      this.counts.closedForAbuse++;
      this.closeConn(conn, 1008, 'no hello');
    }, this.limits.helloMs);
    ws.on('message', (data, isBinary) => this.onMessage(conn, data as Buffer, isBinary));
    ws.on('close', () => this.onClose(conn));
  }

  /** Close and forget at once (the close event may come later): the room counts right away. */
  private closeConn(conn: Conn, code: number, reason: string): void {
    if (conn.helloTimer) clearTimeout(conn.helloTimer);
    this.conns.delete(conn);
    conn.ws.close(code, reason);
    // A peer that does not answer the close handshake is cut off soon after.
    setTimeout(() => conn.ws.terminate(), 1000).unref();
  }

  private badCodesThrottled(address: string): boolean {
    const b = this.badCodesBy.get(address);
    if (!b) return false;
    if (Date.now() - b.since > this.limits.badCodeWindowMs) {
      this.badCodesBy.delete(address);
      return false;
    }
    return b.count >= this.limits.badCodesPerAddress;
  }

  /** A wrong code: counted against its address, and told to the host as part of one summary line. */
  private noteBadCode(address: string, throttled: boolean): void {
    this.counts.badCodes++;
    if (!throttled) {
      const b = this.badCodesBy.get(address);
      if (b && Date.now() - b.since <= this.limits.badCodeWindowMs) b.count++;
      else this.badCodesBy.set(address, { count: 1, since: Date.now() });
    }
    const sum = this.badCodeSummary;
    if (throttled) sum.throttled++;
    else sum.refused++;
    sum.addresses.add(address);
    this.summaryTimer ??= setTimeout(() => this.summariseBadCodes(), this.limits.refusalSummaryMs);
    this.summaryTimer.unref?.();
  }

  private summariseBadCodes(): void {
    this.summaryTimer = null;
    const { refused, throttled, addresses } = this.badCodeSummary;
    if (refused + throttled === 0) return;
    const from = addresses.size === 1 ? `from ${[...addresses][0]}` : `from ${addresses.size} addresses`;
    this.event(`refused ${refused + throttled} join attempt${refused + throttled === 1 ? '' : 's'} with wrong codes ${from}${throttled ? ` (${throttled} while throttled: ${this.limits.badCodesPerAddress} wrong codes a ${Math.round(this.limits.badCodeWindowMs / 1000)} s per address)` : ''}`);
    this.badCodeSummary = { refused: 0, throttled: 0, addresses: new Set() };
    const now = Date.now();
    for (const [a, b] of this.badCodesBy) if (now - b.since > this.limits.badCodeWindowMs) this.badCodesBy.delete(a);
  }

  private onClose(conn: Conn): void {
    if (conn.helloTimer) clearTimeout(conn.helloTimer);
    this.conns.delete(conn);
    if (conn.seat && this.holder[conn.seat] === conn) {
      delete this.holder[conn.seat];
      this.event(`${SEAT_NAME[conn.seat]} disconnected${this.session.isOver() ? '' : ' (the seat waits for the same code)'}`);
      this.broadcast();
    }
  }

  /** A token bucket per connection: a flood is dropped, and a long flood closes the connection. */
  private allowed(conn: Conn): boolean {
    const now = Date.now();
    conn.tokens = Math.min(this.limits.burst, conn.tokens + ((now - conn.lastRefill) / 1000) * this.limits.ratePerSecond);
    conn.lastRefill = now;
    if (conn.tokens >= 1) {
      conn.tokens -= 1;
      return true;
    }
    this.counts.rateLimited++;
    this.counts.refused++;
    if (++conn.overRate >= this.limits.floodClose) {
      this.counts.closedForAbuse++;
      this.event(`closed ${conn.seat ? SEAT_NAME[conn.seat] : conn.name}: too many messages`);
      conn.ws.close(1008, 'too many messages');
    }
    return false;
  }

  private onMessage(conn: Conn, data: Buffer, isBinary: boolean): void {
    this.counts.messages++;
    if (!this.allowed(conn)) return;
    if (isBinary) return this.refuse(conn, 'binary frames are not accepted: send JSON text');
    const msg = parseClientMessage(data.toString('utf8'));
    if (typeof msg === 'string') return this.refuse(conn, msg);
    if (msg.type === 'hello') return this.onHello(conn, msg.code);
    if (!conn.seat) return this.refuse(conn, 'say hello with your join code first');
    if (msg.type === 'move') return this.onMove(conn, conn.seat, msg);
    if (conn.seat !== 'teacher') return this.refuse(conn, 'only the teacher can start, pause, resume, end a round, save or reveal', msg.id);
    return this.onTeacher(conn, msg);
  }

  private refuse(conn: Conn, reason: string, id?: string): void {
    this.counts.refused++;
    // A flood from many connections must not flood the host's terminal either.
    const now = Date.now();
    if (now - this.logWindowStart > 10_000) {
      this.logWindowStart = now;
      this.refusalsInWindow = 0;
    }
    if (conn.refusalsLogged < REFUSALS_LOGGED && this.refusalsInWindow++ < REFUSAL_LINES_PER_10S) {
      conn.refusalsLogged++;
      this.event(`refused ${conn.seat ? SEAT_NAME[conn.seat] : conn.name}: ${reason}${conn.refusalsLogged === REFUSALS_LOGGED ? ' (further refusals of this connection are only counted)' : ''}`);
    }
    this.send(conn, id === undefined ? { type: 'refused', reason } : { type: 'refused', id, reason });
  }

  private onHello(conn: Conn, code: string): void {
    if (conn.seat) return this.refuse(conn, 'already joined');
    // An address that has guessed wrong too often is not heard until its window ends, right code or not.
    if (this.badCodesThrottled(conn.address)) {
      this.noteBadCode(conn.address, true);
      this.send(conn, { type: 'refused', reason: 'too many wrong codes from your address: wait a minute, then try again' });
      this.closeConn(conn, 1008, 'too many wrong codes');
      return;
    }
    // After the game every code is spent; a wrong code learns nothing about which seats exist.
    const seat = this.session.isOver() ? undefined : SEATS.find((s) => sameCode(code, this.codes[s]));
    if (!seat) {
      this.noteBadCode(conn.address, false);
      // Counted and summarised, not a line each: a guesser must not scroll the codes off the host's screen.
      this.counts.refused++;
      this.send(conn, { type: 'refused', reason: 'unknown or expired code' });
      this.closeConn(conn, 1008, 'unknown or expired code');
      return;
    }
    if (seat !== 'teacher' && this.started && !this.humans.includes(seat)) {
      this.refuse(conn, `${SEAT_NAME[seat]} is played by the AI in this game (nobody had taken it when the game started)`);
      conn.ws.close(1008, 'seat played by the AI');
      return;
    }
    if (conn.helloTimer) clearTimeout(conn.helloTimer);
    conn.helloTimer = null;
    const before = this.holder[seat];
    if (before) {
      // The same code again: the newest connection takes the seat (a rejoin after a dropped line).
      before.seat = null;
      before.ws.close(4000, 'replaced by a new connection with this code');
    }
    conn.seat = seat;
    this.holder[seat] = conn;
    this.event(`${SEAT_NAME[seat]} ${before || this.joinedOnce.has(seat) ? 'rejoined' : 'joined'}`);
    this.joinedOnce.add(seat);
    this.send(conn, { type: 'welcome', seat, scenario: this.opts.scenario.name });
    if (!this.started && ACTORS.every((a) => this.holder[a])) this.start();
    else this.broadcast();
  }

  // ---------------- the game ----------------

  /** Seats a person holds now become human for the whole game; the AI plays the rest. */
  start(): void {
    if (this.started) return;
    this.humans = ACTORS.filter((a) => this.holder[a]);
    const sides = this.aiSides();
    for (const a of this.humans) sides[a] = 'human';
    this.session = new GameSession(this.opts.scenario, this.opts.seed, this.opts.index, sides);
    this.started = true;
    this.event(`game started: ${ACTORS.map((a) => `${SEAT_NAME[a]} ${this.humans.includes(a) ? 'person' : `AI (${this.opts.ai[a].name})`}`).join(', ')}`);
    this.startClock();
    this.run();
  }

  private startClock(): void {
    this.stopClock();
    this.clockLeftMs = null;
    if (this.opts.roundSeconds <= 0 || this.session.isOver()) return;
    this.setClock(this.opts.roundSeconds * 1000);
  }

  private setClock(ms: number): void {
    this.deadline = Date.now() + ms;
    const round = this.session.ctx.round;
    this.clock = setTimeout(() => {
      this.clock = null;
      this.clockLeftMs = 0;
      const who = this.session.toMove();
      this.event(`round ${round}: time is up; the AI moves for ${who && who !== 'chance' ? SEAT_NAME[who] : 'the seat to move'}`);
      this.coverStep = this.session.steps.length;
      this.run();
    }, ms);
  }

  private stopClock(): void {
    if (this.clock) clearTimeout(this.clock);
    this.clock = null;
  }

  private clockMs(): number | null {
    if (this.opts.roundSeconds <= 0 || !this.started || this.session.isOver()) return null;
    if (this.paused || this.clockLeftMs !== null) return this.clockLeftMs;
    return Math.max(0, this.deadline - Date.now());
  }

  /** Move chance, the AI sides and any covered seat until a person must move or the game ends; then tell everyone. */
  private run(): void {
    const s = this.session;
    while (!this.paused && !s.isOver()) {
      const who = s.toMove();
      if (who === null) break;
      const round = s.ctx.round;
      if (who !== 'chance' && s.sides[who] === 'human') {
        if (this.coverStep !== s.steps.length) break;
        // The AI's move for a person's seat is recorded as that seat's move: a replay plays it as given.
        const ai = this.opts.ai[who] as Strategy;
        const move = ai.choose(s.view(who) as never, s.legalMoves(), makeRng(`${s.seed}|cover|${s.steps.length}`, who));
        s.play(move);
        this.coveredByAi.push(s.steps.length); // the step's seq (they count from 1)
        this.event(`round ${round}: the AI (${ai.name}) moved for ${SEAT_NAME[who]}: ${MOVES[move].label}`);
        // The next person in this round has not had a turn yet: the clock starts again for them.
        const next = s.toMove();
        if (s.ctx.round === round && next && next !== 'chance' && s.sides[next] === 'human' && this.opts.roundSeconds > 0) this.startClock();
      } else {
        s.advance();
      }
      if (s.ctx.round !== round) {
        this.roundStart = { ...s.ctx };
        if (!s.isOver()) {
          this.event(`round ${s.ctx.round}`);
          this.startClock();
        }
      }
    }
    if (s.isOver()) this.finish();
    this.broadcast();
  }

  private finish(): void {
    if (this.done || !this.started) return;
    this.done = true;
    this.stopClock();
    const ai = this.aiSides();
    for (const a of this.humans) this.ends[a] = counterfactualsFor(this.opts.scenario, this.opts.seed, this.opts.index, a, ai);
    const o = this.session.outcomeLine();
    this.event(`game over: ${o?.outcome} after ${o?.rounds} rounds`);
    this.resolveFinished(this.session);
  }

  private onMove(conn: Conn, seat: Seat, msg: Extract<ClientMessage, { type: 'move' }>): void {
    const s = this.session;
    const refuse = (why: string) => {
      this.refuse(conn, why, msg.id);
      // A refused move may come from an old screen: send the current one.
      this.sendState(conn);
    };
    if (seat === 'teacher') return refuse('the teacher does not play a side');
    if (this.acceptedIds[seat].has(msg.id)) return this.refuse(conn, 'duplicate message: this move was already played', msg.id);
    if (!this.started) return refuse('the game has not started yet');
    if (s.isOver()) return refuse('the game is over');
    if (this.paused) return refuse('the game is paused by the teacher');
    if (!isMoveName(msg.move)) return refuse(`'${msg.move}' is not a move`);
    const owner = MOVES[msg.move].actor;
    if (owner !== seat) return refuse(`'${msg.move}' is a ${SEAT_NAME[owner]} move; you play ${SEAT_NAME[seat]}`);
    const who = s.toMove();
    if (who !== seat) return refuse(`not your turn: ${this.waitingFor()}`);
    if (msg.seq !== s.steps.length) return refuse(`stale move: the game has moved on since that screen (step ${s.steps.length}, not ${msg.seq})`);
    const legal = s.legalMoves();
    if (!legal.includes(msg.move)) return refuse(`'${MOVES[msg.move].label}' is not legal now; legal: ${legal.map((m) => MOVES[m].label).join(', ')}`);
    s.play(msg.move);
    this.acceptedIds[seat].add(msg.id);
    this.counts.movesAccepted++;
    this.send(conn, { type: 'accepted', id: msg.id });
    this.run();
  }

  private onTeacher(conn: Conn, msg: Extract<ClientMessage, { type: 'teacher' }>): void {
    const command: TeacherCommand = msg.command;
    const ok = () => this.send(conn, { type: 'accepted', id: msg.id });
    if (command === 'save') {
      if (!this.started) return this.refuse(conn, 'nothing to save: the game has not started yet', msg.id);
      ok();
      return this.send(conn, { type: 'log', name: `leverage-class-${this.opts.scenario.name}-seed${this.opts.seed}`, jsonl: this.session.toJsonl() });
    }
    if (command === 'start') {
      if (this.started) return this.refuse(conn, 'the game has already started', msg.id);
      ok();
      return this.start();
    }
    if (command === 'reveal') {
      if (!this.started || !this.session.isOver()) return this.refuse(conn, 'the debrief reveals every hidden move: it opens only once the game is over', msg.id);
      if (this.revealed) return this.refuse(conn, 'the debrief is already revealed', msg.id);
      this.revealed = true;
      this.event('the teacher revealed the whole game to the seats');
      ok();
      return this.broadcast();
    }
    if (!this.started || this.session.isOver()) return this.refuse(conn, this.started ? 'the game is over' : 'the game has not started yet (g starts it)', msg.id);
    if (command === 'pause') {
      if (this.paused) return this.refuse(conn, 'already paused', msg.id);
      this.paused = true;
      if (this.clock) this.clockLeftMs = Math.max(0, this.deadline - Date.now());
      this.stopClock();
      this.event('paused by the teacher');
      ok();
      return this.broadcast();
    }
    if (command === 'resume') {
      if (!this.paused) return this.refuse(conn, 'not paused', msg.id);
      this.paused = false;
      this.event('resumed by the teacher');
      if (this.clockLeftMs !== null && this.clockLeftMs > 0) {
        const left = this.clockLeftMs;
        this.clockLeftMs = null;
        this.setClock(left);
      }
      ok();
      return this.run();
    }
    // endRound: the AI moves for the seat whose turn it is (only that one: a seat later in the
    // round still gets its own turn).
    if (this.paused) return this.refuse(conn, 'resume first: the game is paused', msg.id);
    const who = this.session.toMove();
    if (!who || who === 'chance') return this.refuse(conn, 'no seat is to move now', msg.id);
    this.coverStep = this.session.steps.length;
    this.event(`round ${this.session.ctx.round}: the teacher ended ${SEAT_NAME[who]}'s turn`);
    ok();
    this.run();
  }

  // ---------------- telling ----------------

  waitingFor(): string {
    const s = this.session;
    if (!this.started) return 'the game waits for the teacher to start it (or for all three seats to join)';
    if (s.isOver()) return 'the game is over';
    if (this.paused) return 'the teacher has paused the game';
    const who = s.toMove();
    if (who === null || who === 'chance') return 'the round is resolving';
    const away = this.humans.includes(who) && !this.holder[who] ? ' (disconnected: the seat waits for the same code)' : '';
    return `the game waits for ${SEAT_NAME[who]}${away}`;
  }

  status(): TableStatus {
    const s = this.session;
    const round = s.ctx.round;
    const moved = [...new Set(s.steps.flatMap((x) => (x.type === 'move' && x.round === round ? [x.actor] : [])))];
    return {
      started: this.started,
      paused: this.paused,
      over: s.isOver(),
      toMove: this.started ? s.toMove() : null,
      waitingFor: this.waitingFor(),
      humans: [...this.humans],
      connected: { us: !!this.holder.us, china: !!this.holder.china, kim: !!this.holder.kim },
      movedThisRound: moved,
      roundSeconds: this.opts.roundSeconds,
      clockMs: this.clockMs(),
      coveredByAi: [...this.coveredByAi],
    };
  }

  private endOfGame(): EndOfGame | null {
    const o = this.session.outcomeLine();
    if (!o) return null;
    // Worked out once: every later broadcast sends the same finished game.
    return { outcome: o.outcome, roundsPlayed: o.rounds, payoffs: o.payoffs, peakTension: this.session.ctx.peakTension };
  }

  /** A seat's end: its own payoff parts, and the whole game once the teacher reveals it. */
  private seatEnd(seat: Actor, end: EndOfGame): SeatEnd {
    const s = this.session;
    const parts = payoffBreakdown(s.ctx, end.outcome)[seat];
    // Worked out once: every later broadcast sends the same finished game.
    if (this.revealed) this.finalDebrief ??= debrief({ params: s.scenario.params, steps: s.steps, ctx: s.ctx, outcome: end.outcome });
    return { ...end, counterfactuals: this.ends[seat] ?? [], parts, debrief: this.revealed ? (this.finalDebrief ?? null) : null };
  }

  private sendState(conn: Conn): void {
    const seat = conn.seat;
    if (!seat) return;
    const status = this.status();
    const end = this.endOfGame();
    if (seat === 'teacher') {
      this.send(conn, { type: 'teacherState', obs: teacherObservation(this.session, this.roundStart, status, end) });
      return;
    }
    const s = this.session;
    const legal: MoveName[] = this.started && !this.paused && !s.isOver() && s.toMove() === seat ? s.legalMoves() : [];
    // "+/- since your last move": from the state just before the seat's last move.
    const since = s.turnStart[seat] ?? this.roundStart;
    this.send(conn, { type: 'state', obs: seatObservation(s, seat, since, status, legal, end ? this.seatEnd(seat, end) : null) });
  }

  private broadcast(): void {
    for (const seat of SEATS) {
      const c = this.holder[seat];
      if (c) this.sendState(c);
    }
  }

  private send(conn: Conn, msg: ServerMessage): void {
    const ws = conn.ws;
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > this.limits.maxBufferedBytes) {
      // It is not reading: drop it rather than hold its mail (it can rejoin with its code).
      this.counts.closedForAbuse++;
      this.event(`dropped ${conn.seat ? SEAT_NAME[conn.seat] : conn.name}: not reading its messages`);
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(msg));
  }
}
