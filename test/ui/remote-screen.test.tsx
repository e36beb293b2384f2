import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { SeatObservation } from '../../src/net/protocol.js';
import type { UsView } from '../../src/model/views.js';
import type { TableClient } from '../../src/net/client.js';
import { RemoteSeat } from '../../src/ui/remote-seat.js';
import { App } from '../../src/ui/App.js';
import { seatObservation } from '../../src/net/observe.js';
import { GameSession } from '../../src/engine/reference/session.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { press } from './press-keys.js';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for the host's line: the screen reads only what a seat's socket would carry. */
function fakeClient(first: SeatObservation) {
  const listeners = new Set<() => void>();
  const sent: string[] = [];
  const client = {
    seatState: first,
    connected: true,
    gone: null,
    notice: '',
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    play: (m: string) => sent.push(m),
  };
  const push = (obs: SeatObservation) => {
    client.seatState = obs;
    for (const l of listeners) l();
  };
  return { client: client as unknown as TableClient, push, sent };
}

describe('the game screen for a seat at a class game', () => {
  it('redraws when the host sends news, says who it waits for, and sends moves to the host', async () => {
    const session = new GameSession(resolveScenario('2022'), '7', 0, { us: 'human', china: 'human', kim: 'human' });
    const status = (toMove: 'china' | 'us', waitingFor: string) => ({ started: true, paused: false, over: false, toMove, waitingFor, humans: ['us', 'china', 'kim'] as const, connected: { us: true, china: true, kim: true }, movedThisRound: [], roundSeconds: 0, clockMs: null, coveredByAi: [] as number[] });
    const first = seatObservation(session, 'us', session.ctx, { ...status('china', 'the game waits for China'), humans: ['us', 'china', 'kim'] }, [], null);
    const { client, push, sent } = fakeClient(first);
    const app = render(<App scenarios={[]} newSeed={() => '0'} save={() => ''} controller={new RemoteSeat(client)} />);
    await tick();
    expect(app.lastFrame()).toMatch(/Waiting for China/);
    session.play('chinaWaits');
    session.play('holdTests');
    push(seatObservation(session, 'us', session.ctx, { ...status('us', 'the game waits for US'), humans: ['us', 'china', 'kim'] }, session.legalMoves(), null));
    await tick();
    expect(app.lastFrame()).toMatch(/Your move, round 1/);
    app.stdin.write('1');
    await tick();
    expect(sent).toEqual([session.legalMoves()[0]]);
    app.stdin.write('u');
    await tick();
    expect(app.lastFrame()).toMatch(/no undo/);
    // Paused by the teacher: a move key says so, not that the move is greyed (issue 21 item 9).
    push(seatObservation(session, 'us', session.ctx, { ...status('us', 'the teacher has paused the game'), paused: true, humans: ['us', 'china', 'kim'] }, [], null));
    for (let i = 0; i < 100 && !/PAUSED/.test(app.lastFrame() ?? ''); i++) await tick(10);
    await press(app, ['1']);
    expect(app.lastFrame()).toMatch(/The game is paused by the teacher/);
    expect(app.lastFrame()).not.toMatch(/not open now/);
    expect(sent.length).toBe(1);
    app.unmount();
  });
});

describe("the teacher's screen", () => {
  it('shows the truth, every view and who has moved, and sends the keys to the host', async () => {
    const { teacherObservation } = await import('../../src/net/observe.js');
    const { TeacherApp } = await import('../../src/ui/teacher.js');
    const session = new GameSession(resolveScenario('2022'), '7', 0, { us: 'human', china: 'human', kim: 'human' });
    session.play('askEscalationByCourier');
    const status = { started: true, paused: false, over: false, toMove: 'kim' as const, waitingFor: 'the game waits for Kim', humans: ['us', 'china', 'kim'] as ('us' | 'china' | 'kim')[], connected: { us: true, china: false, kim: true }, movedThisRound: ['china' as const], roundSeconds: 90, clockMs: 61_000, coveredByAi: [] as number[] };
    const commands: string[] = [];
    const client = {
      teacherState: teacherObservation(session, session.ctx, status, null),
      connected: true,
      gone: null,
      notice: '',
      onLog: () => undefined,
      subscribe: () => () => undefined,
      command: (c: string) => commands.push(c),
    } as unknown as TableClient;
    const app = render(<TeacherApp client={client} save={() => 'x.jsonl'} />);
    await tick();
    const frame = app.lastFrame() ?? '';
    expect(frame).toMatch(/teacher · round 1\/12 · seed 7 · running · clock 1:0[01]/);
    expect(frame).toMatch(/China: not connected · moved/);
    expect(frame).toMatch(/Kim: connected · to move/);
    expect(frame).toMatch(/Influence \(true\)/);
    expect(frame).toMatch(/A courier carries/);
    expect(frame).toMatch(/Kim sees: influence 0.70/);
    // Words, not the code's names (issue 21 item 10): the US saw nothing of the courier.
    const { viewLines } = await import('../../src/ui/teacher.js');
    expect(viewLines(client.teacherState!).join('\n')).toMatch(/Beijing's message: asked by courier/);
    expect(frame).not.toMatch(/askEscalation|: covert/);
    // Beijing's last move as Washington saw it, in words: an uncaught courier reads as Wait.
    const o = client.teacherState!;
    const later = viewLines({ ...o, views: { ...o.views, us: { ...(o.views.us as UsView), lastChinaMoveSeen: 'chinaWaits' } } }).join('\n');
    expect(later).toMatch(/Beijing last seen: Wait/);
    expect(later).not.toMatch(/chinaWaits/);
    for (const k of ['p', 'r', 'e', 's', 'g']) {
      app.stdin.write(k);
      await tick(10);
    }
    expect(commands).toEqual(['pause', 'resume', 'endRound', 'save', 'start']);
    app.unmount();
  });
});

describe('the end screen for a seat at a class game', () => {
  it('shows the payoff part by part, opens the debrief once the teacher reveals it, and help lists only the keys a seat has', async () => {
    const { columns } = await import('../../src/strategies/us.js');
    const { opportunist } = await import('../../src/strategies/china.js');
    const { regimeFirst } = await import('../../src/strategies/kim.js');
    const { debriefOf } = await import('../../src/analysis/debrief.js');
    const { payoffBreakdown } = await import('../../src/model/outcomes.js');
    const session = new GameSession(resolveScenario('2022'), '7', 0, { us: columns, china: opportunist, kim: regimeFirst });
    session.advanceUntilHuman();
    expect(session.isOver()).toBe(true);
    const line = session.outcomeLine()!;
    const status = { started: true, paused: false, over: true, toMove: null, waitingFor: 'the game is over', humans: ['us'] as ('us' | 'china' | 'kim')[], connected: { us: true, china: false, kim: false }, movedThisRound: [], roundSeconds: 0, clockMs: null, coveredByAi: [] as number[] };
    const end = { outcome: line.outcome, roundsPlayed: line.rounds, payoffs: line.payoffs, peakTension: session.ctx.peakTension, counterfactuals: [], parts: payoffBreakdown(session.ctx, line.outcome).us, debrief: null };
    const { client, push } = fakeClient(seatObservation(session, 'us', session.ctx, status, [], end));
    const app = render(<App scenarios={[]} newSeed={() => '0'} save={() => ''} controller={new RemoteSeat(client)} />);
    await tick();
    const frame = app.lastFrame() ?? '';
    expect(frame).toMatch(/Game over: /);
    // The US's own parts, summing to its payoff as the host scored it.
    expect(frame).toMatch(new RegExp(`US +${line.payoffs.us.toFixed(2).replace('.', '\\.')} = .*credibility kept`));
    expect(frame).toMatch(/the teacher can reveal the whole game/);
    app.stdin.write('d');
    await tick();
    expect(app.lastFrame()).toMatch(/Game over: [\s\S]*the teacher opens it/);
    push(seatObservation(session, 'us', session.ctx, status, [], { ...end, debrief: debriefOf(session) }));
    await tick();
    app.stdin.write('x');
    await tick();
    expect(app.lastFrame()).toMatch(/d debrief \(the whole game revealed\) · q quit/);
    app.stdin.write('d');
    await tick();
    expect(app.lastFrame()).toMatch(/Debrief: the whole game/);
    app.stdin.write('d');
    await tick();
    app.stdin.write('?');
    await tick();
    const help = app.lastFrame() ?? '';
    expect(help).toMatch(/c: claims in words/);
    expect(help).not.toMatch(/u: undo|t: teacher view|s: save/);
    app.unmount();
  });
});
