import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { SeatObservation } from '../../src/net/protocol.js';
import type { TableClient } from '../../src/net/client.js';
import { RemoteSeat } from '../../src/net/remote-seat.js';
import { App } from '../../src/ui/App.js';
import { seatObservation } from '../../src/net/observe.js';
import { GameSession } from '../../src/engine/session.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

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
    const status = (toMove: 'china' | 'us', waitingFor: string) => ({ started: true, paused: false, over: false, toMove, waitingFor, humans: ['us', 'china', 'kim'] as const, connected: { us: true, china: true, kim: true }, movedThisRound: [], roundSeconds: 0, clockMs: null });
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
    app.unmount();
  });
});
