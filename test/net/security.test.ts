import { afterEach, describe, expect, it } from 'vitest';
import type { GameContext } from '../../src/model/context.js';
import type { ClassroomServer } from '../../src/net/server.js';
import type { ServerMessage } from '../../src/net/protocol.js';
import { chinaBeliefUsPays } from '../../src/model/beliefs.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { playSeat, RawClient, startServer } from './helpers.js';

// What a seat's socket receives, checked against the truth the teacher's socket receives.

const servers: ClassroomServer[] = [];
const clients: RawClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function join(url: string, code: string) {
  const c = await RawClient.join(url, code);
  clients.push(c);
  return c;
}

/** A truth no public number can equal by accident. */
const TRUE_INFLUENCE = 0.6180339887;

/** Keys of the other sides' private views, of the truth, and of the chance draws. */
const FORBIDDEN_KEYS = ['chinaInfluence', 'chinaBeliefUsPays', 'kimBeliefUsPays', 'requestChannel', 'lifeline', 'lastChinaMove', 'lastKimAnswer', 'restraintOrdered', 'chinaSawPay', 'chinaSawRefuse', 'detection', 'drift', 'start', 'truth', 'views', 'seed'];
/** What the narration says only to Beijing and Pyongyang (or Beijing alone). */
const FORBIDDEN_TEXT = [/A courier carries/, /courier's message goes unseen/, /openly asks Kim/, /slips past US intelligence/, /Beijing's belief/, /Kim's belief/, /did as Xi asked/];

function walk(x: unknown, keys: string[], numbers: number[]): void {
  if (typeof x === 'number') numbers.push(x);
  else if (Array.isArray(x)) for (const y of x) walk(y, keys, numbers);
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      keys.push(k);
      walk(v, keys, numbers);
    }
  }
}

const HIDDEN_REQUESTS = ['askEscalationByCourier', 'askEscalationOvertly'];

describe("a US seat's socket over a whole game", () => {
  it("never carries China's true influence, China's beliefs, or a request the US did not detect", async () => {
    const base = resolveScenario('2022');
    const scenario = { ...base, params: { ...base.params, start: { ...base.params.start, chinaInfluence: TRUE_INFLUENCE } } };
    const { server, url } = await startServer({ scenario, seed: '11' });
    servers.push(server);
    const teacher = await join(url, server.codes.teacher);
    const us = await join(url, server.codes.us);
    const china = await join(url, server.codes.china);
    const kim = await join(url, server.codes.kim);
    // Beijing asks Kim for escalation whenever it can, by courier first: the secrets to keep.
    const chinaPick = (legal: string[]) => HIDDEN_REQUESTS.find((m) => legal.includes(m)) ?? (legal[0] as string);
    const vary = (legal: string[], round: number) => legal[round % legal.length] as string;
    await Promise.all([playSeat(us, vary), playSeat(china, chinaPick), playSeat(kim, vary)]);
    await server.finished;
    await teacher.until((m) => m.type === 'teacherState' && m.obs.end !== null);

    // The truth at each step, from the teacher's socket.
    const truthAt = new Map<number, GameContext>();
    for (const m of teacher.received) if (m.type === 'teacherState') truthAt.set(m.obs.seq, m.obs.truth);
    const steps = server.session.steps;
    const undetected = steps.filter((s, i) => {
      if (s.type !== 'move' || !HIDDEN_REQUESTS.includes(s.move)) return false;
      const resolved = steps.slice(i).find((x) => x.type === 'chance');
      return resolved !== undefined && !resolved.notes.some((n) => /US intelligence catches/.test(n.text));
    });
    // The check is only worth something if this game had secrets to keep.
    expect(undetected.length).toBeGreaterThan(0);
    expect(teacher.raw.some((r) => r.includes(String(TRUE_INFLUENCE)))).toBe(true);

    let states = 0;
    us.received.forEach((m: ServerMessage, i) => {
      const raw = us.raw[i] as string;
      const keys: string[] = [];
      const numbers: number[] = [];
      walk(m, keys, numbers);
      expect(keys.filter((k) => FORBIDDEN_KEYS.includes(k)), raw.slice(0, 200)).toEqual([]);
      expect(numbers).not.toContain(TRUE_INFLUENCE);
      expect(raw).not.toContain('0.618033');
      for (const t of FORBIDDEN_TEXT) expect(raw).not.toMatch(t);
      if (m.type !== 'state') return;
      states++;
      const truth = truthAt.get(m.obs.seq);
      expect(truth, `teacher had no state for step ${m.obs.seq}`).toBeDefined();
      expect(m.obs.view.actor).toBe('us');
      expect(chinaBeliefUsPays(truth as GameContext)).toBeGreaterThan(0);
      // An undetected request shows as Beijing waiting, in the view and in the log.
      const seen = (m.obs.view as { lastChinaMoveSeen: string }).lastChinaMoveSeen;
      if (HIDDEN_REQUESTS.includes(seen)) expect((truth as GameContext).lastRequestDetected).toBe(true);
      for (const s of m.obs.steps) {
        if (s.type === 'move') expect(HIDDEN_REQUESTS).not.toContain(s.move);
        // No chance draws: whether a request was caught must not be readable from the dice.
        else expect(Object.keys(s)).not.toContain('war');
      }
    });
    expect(states).toBeGreaterThan(10);
    // China's own socket does carry what Beijing knows: the filter is per seat, not a blanket.
    expect(china.raw.some((r) => r.includes(String(TRUE_INFLUENCE)) && r.includes('A courier carries'))).toBe(true);
    // Only when the teacher reveals the finished game does the US seat get the whole of it.
    const n = us.received.length;
    teacher.sendJson({ type: 'teacher', id: 'v1', command: 'reveal' });
    const revealed = await us.until((m) => m.type === 'state' && m.obs.end?.debrief != null, 5000, n);
    expect(JSON.stringify(revealed)).toMatch(/A courier carries/);
    expect(revealed.type === 'state' && revealed.obs.end?.parts.reduce((t, c) => t + c.value, 0)).toBeCloseTo(server.session.outcomeLine()!.payoffs.us, 9);
  });
});

describe('the server refuses what a seat may not do, and the state stays as it was', () => {
  it('wrong phase, another side, illegal, duplicated or stale moves; wrong and spent codes', async () => {
    // Six wrong codes from one address here: the per-address throttle (tested in lan.test.ts) is lifted.
    const { server, url, events } = await startServer({ limits: { badCodesPerAddress: 100 } });
    servers.push(server);
    const [us, china, kim] = [await join(url, server.codes.us), await join(url, server.codes.china), await join(url, server.codes.kim)];
    await china.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    const refusal = async (c: RawClient, msg: object) => {
      const before = server.session.steps.length;
      const n = c.received.length;
      c.sendJson(msg);
      const r = await c.until((m) => m.type === 'refused', 3000, n);
      expect(server.session.steps.length).toBe(before);
      return r.type === 'refused' ? r.reason : '';
    };
    const seq = () => server.session.steps.length;
    expect(await refusal(us, { type: 'move', id: 'a1', seq: seq(), move: 'exposeBeijing' })).toMatch(/^not your turn: the game waits for China/);
    expect(await refusal(us, { type: 'move', id: 'a2', seq: seq(), move: 'restrainKim' })).toMatch(/is a China move; you play US/);
    expect(await refusal(china, { type: 'move', id: 'b0', seq: seq(), move: 'noSuchMove' })).toMatch(/is not a move/);
    expect(await refusal(china, { type: 'move', id: 'b1', seq: seq() + 5, move: 'chinaWaits' })).toMatch(/^stale move/);
    china.sendJson({ type: 'move', id: 'b2', seq: seq(), move: 'chinaWaits' });
    await china.until((m) => m.type === 'accepted');
    // The same message again (a replay): refused as a duplicate.
    expect(await refusal(china, { type: 'move', id: 'b2', seq: 0, move: 'chinaWaits' })).toMatch(/^duplicate message/);
    await kim.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    kim.sendJson({ type: 'move', id: 'k1', seq: seq(), move: 'holdTests' });
    await us.until((m) => m.type === 'state' && m.obs.legal.length > 0);
    // Conceding when nothing is on offer is not among the legal moves.
    const illegal = ['concedeTaiwan', 'concedeChips'].find((m) => !server.session.legalMoves().includes(m as never));
    if (illegal) expect(await refusal(us, { type: 'move', id: 'a3', seq: seq(), move: illegal })).toMatch(/is not legal now; legal: /);
    expect(events.filter((e) => e.startsWith('refused')).length).toBeGreaterThanOrEqual(5);

    // Wrong codes: one reason for all, naming no seat.
    const reasons: string[] = [];
    const near = `${server.codes.us.slice(0, -1)}${server.codes.us.endsWith('A') ? 'B' : 'A'}`;
    for (const code of ['AAAA-AAAA', near, '', 'x'.repeat(39)]) {
      const c = await join(url, code);
      const r = c.received[0];
      reasons.push(r?.type === 'refused' ? r.reason : String(r?.type));
    }
    expect(new Set(reasons)).toEqual(new Set(['unknown or expired code']));

    // After the game every code is spent.
    const pick = (legal: string[]) => legal[0] as string;
    await Promise.all([playSeat(us, pick), playSeat(china, pick), playSeat(kim, pick)]);
    await server.finished;
    for (const seat of ['us', 'teacher'] as const) {
      const late = await join(url, server.codes[seat]);
      expect(late.received[0]).toMatchObject({ type: 'refused', reason: 'unknown or expired code' });
    }
  });
});

describe('a flood from one seat', () => {
  // Deterministic: one joined connection sends far past its burst in one go, so the rate limit
  // must bite (the fuzz test's many short-lived attackers may be closed before it does).
  it('is rate-limited past its burst and closed once it keeps flooding; the state is untouched', async () => {
    const { server, url } = await startServer({ limits: { floodClose: 100 } });
    servers.push(server);
    const us = await join(url, server.codes.us);
    const before = server.counts.movesAccepted;
    for (let i = 0; i < 400; i++) us.sendJson({ type: 'move', id: `f${i}`, seq: 0, move: 'nonsense' });
    for (let i = 0; i < 100 && !us.closed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(server.counts.rateLimited).toBeGreaterThan(0);
    expect(server.counts.closedForAbuse).toBeGreaterThan(0);
    expect(us.closed).toBe(true);
    expect(server.counts.movesAccepted).toBe(before);
  });
});
