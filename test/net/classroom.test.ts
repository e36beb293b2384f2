import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as pathJoin } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassroomServer } from '../../src/net/server.js';
import type { ServerMessage } from '../../src/net/protocol.js';
import { parseLog, replayLog } from '../../src/engine/reference/replay.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { leverage } from '../cli/helpers.js';
import { JoinRefused, TableClient } from '../../src/net/client.js';
import { ACTOR_SEATS, playSeat, RawClient, startServer } from './helpers.js';

// Whole class games over real sockets on 127.0.0.1: a real server, raw WebSocket clients.

const servers: ClassroomServer[] = [];
const clients: RawClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function table(over: Parameters<typeof startServer>[0] = {}) {
  const t = await startServer(over);
  servers.push(t.server);
  return t;
}

async function join(url: string, code: string) {
  const c = await RawClient.join(url, code);
  clients.push(c);
  return c;
}

/** A varied but reproducible choice of legal moves. */
const pickVaried = (legal: string[], round: number) => legal[(round * 7 + legal.length) % legal.length] as string;

function expectReplays(server: ClassroomServer) {
  const jsonl = server.session.toJsonl();
  const log = parseLog(jsonl, 'class.jsonl');
  const result = replayLog(log, resolveScenario('2022'), 'class.jsonl');
  expect(result.problem).toBeUndefined();
  expect(result.ok).toBe(true);
  return log;
}

describe('a class game over real WebSockets', () => {
  it('three scripted people play a whole game and the log replays exactly', async () => {
    const { server, url } = await table();
    const seats = await Promise.all(ACTOR_SEATS.map((a) => join(url, server.codes[a])));
    for (const s of seats) expect(s.received[0]).toMatchObject({ type: 'welcome' });
    await Promise.all(seats.map((s) => playSeat(s, pickVaried)));
    const done = await server.finished;
    expect(done.isOver()).toBe(true);
    const log = expectReplays(server);
    expect(log.header.sides).toEqual({ us: 'human', china: 'human', kim: 'human' });
    expect(log.outcome).not.toBeNull();
    // Every person's move came over the network: one accepted message per human move.
    expect(server.counts.movesAccepted).toBe(done.humanMoves().length);
    expect(done.humanMoves().length).toBeGreaterThanOrEqual(3);
    // Everyone sees the end screen with the same outcome, and their side's AI comparison.
    for (const s of seats) {
      expect(s.state()?.end?.outcome).toBe(log.outcome?.outcome);
      expect(s.state()?.end?.counterfactuals.length).toBeGreaterThan(1);
    }
    // `leverage replay` (the built CLI) verifies it exactly too.
    const dir = mkdtempSync(pathJoin(tmpdir(), 'lev-class-'));
    try {
      writeFileSync(pathJoin(dir, 'g.jsonl'), server.session.toJsonl());
      const r = leverage(['replay', pathJoin(dir, 'g.jsonl')]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a seat that drops mid-round gets its screen back with the same code; the game waits meanwhile', async () => {
    const { server, url, events } = await table();
    const [us, china, kim] = await Promise.all(ACTOR_SEATS.map((a) => join(url, server.codes[a])));
    // China and Kim play round 1; the US drops when its turn comes.
    const chinaDone = playSeat(china!, pickVaried);
    const kimDone = playSeat(kim!, pickVaried);
    await us!.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    const seqBefore = us!.state()!.seq;
    await us!.close();
    await china!.until((m) => m.type === 'state' && /US \(disconnected/.test(m.obs.status.waitingFor));
    await new Promise((r) => setTimeout(r, 300));
    expect(server.session.steps.length).toBe(seqBefore);
    expect(server.session.toMove()).toBe('us');
    const back = await join(url, server.codes.us);
    expect(back.received[0]).toMatchObject({ type: 'welcome', seat: 'us' });
    const s = await back.until((m) => m.type === 'state');
    expect(s.type === 'state' && s.obs.seq).toBe(seqBefore);
    expect(s.type === 'state' && s.obs.legal.length).toBeGreaterThan(0);
    expect(s.type === 'state' && s.obs.steps.length).toBe(seqBefore);
    await Promise.all([playSeat(back, pickVaried), chinaDone, kimDone]);
    expect(events).toContain('US rejoined');
    expectReplays(server);
  });

  it('the same code from a second screen takes the seat over; the first is told and closed', async () => {
    const { server, url } = await table();
    const first = await join(url, server.codes.kim);
    const second = await join(url, server.codes.kim);
    await first.until(() => first.closed, 3000).catch(() => undefined);
    expect(first.closed).toBe(true);
    expect(second.received[0]).toMatchObject({ type: 'welcome', seat: 'kim' });
  });

  it('the teacher starts, pauses (moves refused, state untouched), resumes and ends a round (the AI covers)', async () => {
    const { server, url, events } = await table();
    const teacher = await join(url, server.codes.teacher);
    const us = await join(url, server.codes.us);
    expect(teacher.received[0]).toMatchObject({ type: 'welcome', seat: 'teacher' });
    await teacher.until((m) => m.type === 'teacherState');
    expect(teacher.teacher()?.status.started).toBe(false);
    teacher.sendJson({ type: 'teacher', id: 't1', command: 'start' });
    await us.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    expect(teacher.teacher()?.status.humans).toEqual(['us']);
    // The debrief reveals every hidden move: not while the game goes on.
    teacher.sendJson({ type: 'teacher', id: 'v0', command: 'reveal' });
    expect(await teacher.until((x) => x.type === 'refused')).toMatchObject({ reason: expect.stringMatching(/only once the game is over/) });
    teacher.sendJson({ type: 'teacher', id: 't2', command: 'pause' });
    await us.until((m) => m.type === 'state' && m.obs.status.paused);
    const seq = server.session.steps.length;
    const legal = server.session.legalMoves()[0] as string;
    const n = us.received.length;
    us.sendJson({ type: 'move', id: us.nextId(), seq, move: legal });
    const refused = await us.until((m) => m.type === 'refused', 3000, n);
    expect(refused).toMatchObject({ reason: 'the game is paused by the teacher' });
    expect(server.session.steps.length).toBe(seq);
    teacher.sendJson({ type: 'teacher', id: 't3', command: 'resume' });
    await us.until((m) => m.type === 'state' && !m.obs.status.paused && m.obs.legal.length > 0, 3000, n);
    const round = server.session.ctx.round;
    teacher.sendJson({ type: 'teacher', id: 't4', command: 'endRound' });
    await teacher.until((m) => m.type === 'teacherState' && m.obs.truth.round === round + 1);
    const usMove = server.session.steps.find((s) => s.type === 'move' && s.round === round && s.actor === 'us');
    expect(usMove).toBeDefined();
    expect(events.some((e) => e.includes("the AI (The columns' advice) moved for US"))).toBe(true);
    // The student may not command the table.
    const m = us.received.length;
    us.sendJson({ type: 'teacher', id: 'x1', command: 'endRound' });
    expect(await us.until((x) => x.type === 'refused', 3000, m)).toMatchObject({ reason: 'only the teacher can start, pause, resume, end a round, save or reveal' });
    // The teacher saves the log: the same JSONL, which replays.
    teacher.sendJson({ type: 'teacher', id: 't5', command: 'save' });
    const saved = await teacher.until((x) => x.type === 'log');
    expect(saved.type === 'log' && saved.jsonl).toContain('"type":"header"');
    await playSeat(us, pickVaried);
    expectReplays(server);
  });

  it("the teacher's e moves only for the seat whose turn it is, and that seat's screen says the AI moved for it (issue 21 item 8)", async () => {
    const { logLines } = await import('../../src/ui/App.js');
    const { server, url, events } = await table();
    const teacher = await join(url, server.codes.teacher);
    const kim = await join(url, server.codes.kim);
    const us = await join(url, server.codes.us);
    teacher.sendJson({ type: 'teacher', id: 't1', command: 'start' });
    // Round 1 runs China (AI), Kim, then the US: the game waits for Kim.
    await kim.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    const round = server.session.ctx.round;
    const kimStep = server.session.steps.length;
    const n = us.received.length;
    teacher.sendJson({ type: 'teacher', id: 't2', command: 'endRound' });
    // The US has not had its turn: it gets it, and the AI has not moved for it.
    await us.until((m) => m.type === 'state' && m.obs.legal.length > 0, 3000, n);
    expect(server.session.ctx.round).toBe(round);
    expect(server.session.toMove()).toBe('us');
    expect(server.session.steps.some((x) => x.type === 'move' && x.round === round && x.actor === 'us')).toBe(false);
    expect(events.some((e) => /moved for US/.test(e))).toBe(false);
    expect(events.some((e) => /moved for Kim/.test(e))).toBe(true);
    // Kim's screen labels the move as the AI's; the US screen does not call it the US's choice.
    const kimObs = (await kim.until((m) => m.type === 'state' && m.obs.status.coveredByAi.length > 0)) as Extract<ServerMessage, { type: 'state' }>;
    expect(kimObs.obs.status.coveredByAi).toEqual([kimStep + 1]); // steps count from 1;
    const kimLog = logLines(kimObs.obs.steps, 'kim', false, kimObs.obs.status.coveredByAi).map((l) => l.text);
    expect(kimLog.some((t) => t.includes('(the AI moved for you)'))).toBe(true);
    const usObs = us.state()!;
    expect(logLines(usObs.steps, 'us', false, usObs.status.coveredByAi).some((l) => l.text.includes('(the AI moved for you)'))).toBe(false);
    await Promise.all([playSeat(kim, pickVaried), playSeat(us, pickVaried)]);
    expectReplays(server);
  });

  it('when the round clock runs out, the AI moves for a seat that did not', async () => {
    const { server, url, events } = await table({ roundSeconds: 1 });
    const us = await join(url, server.codes.us);
    const teacher = await join(url, server.codes.teacher);
    teacher.sendJson({ type: 'teacher', id: 't1', command: 'start' });
    const first = await us.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    expect(first.type === 'state' && first.obs.status.clockMs).toBeGreaterThan(0);
    // The US never moves; after a second the AI covers and round 2 begins.
    await us.until((m) => m.type === 'state' && m.obs.round === 2, 4000);
    expect(events.some((e) => e.includes('time is up'))).toBe(true);
    await us.close();
    // The rest need not wait out a second a round: the teacher ends each round (a bounded
    // loop; past it, the clock still finishes the game).
    let over = false;
    void server.finished.then(() => (over = true));
    for (let k = 0; k < 40 && !over; k++) {
      teacher.sendJson({ type: 'teacher', id: `end${k}`, command: 'endRound' });
      await new Promise((r) => setTimeout(r, 100));
    }
    await server.finished;
    expectReplays(server);
  }, 40_000);

  it("the join screen's client dials again by itself when its line drops, and gets its seat back", async () => {
    const { server, url, events } = await table();
    const client = new TableClient(url, server.codes.china);
    try {
      await expect(new TableClient(url, 'NOPE-NOPE').connect()).rejects.toBeInstanceOf(JoinRefused);
      expect(await client.connect()).toBe('china');
      for (let i = 0; i < 100 && !client.seatState; i++) await new Promise((r) => setTimeout(r, 20));
      expect(client.seatState?.seat).toBe('china');
      // Cut the line under it, as a network failure would.
      (client as unknown as { ws: { _socket: { destroy(): void } } }).ws._socket.destroy();
      for (let i = 0; i < 150 && !events.includes('China rejoined'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(events).toContain('China disconnected (the seat waits for the same code)');
      expect(events, events.join('; ')).toContain('China rejoined');
      // The server logs the rejoin when it accepts the seat; the client marks itself connected
      // on its own open event, which under load can come a few ticks later.
      for (let i = 0; i < 100 && !client.connected; i++) await new Promise((r) => setTimeout(r, 20));
      expect(client.connected).toBe(true);
    } finally {
      client.close();
    }
  });

  it('a seat nobody took is played by the named AI for the whole game, and a late code for it is turned away', async () => {
    const { server, url } = await table({ ai: { us: getStrategy('us', 'exposer'), china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') } });
    const teacher = await join(url, server.codes.teacher);
    const kim = await join(url, server.codes.kim);
    teacher.sendJson({ type: 'teacher', id: 't1', command: 'start' });
    await kim.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    const late = await join(url, server.codes.us);
    expect(late.received[0]).toMatchObject({ type: 'refused', reason: 'US is played by the AI in this game (nobody had taken it when the game started)' });
    await playSeat(kim, pickVaried);
    await server.finished;
    const log = expectReplays(server);
    expect(log.header.sides).toEqual({ us: 'exposer', china: 'opportunist', kim: 'human' });
    await teacher.until((m) => m.type === 'teacherState' && m.obs.end !== null);
  });
});
