import type { Debrief } from '../analysis/debrief.js';
import type { Actor } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { Outcome, PayoffComponent, Payoffs } from '../model/outcomes.js';
import type { Advice } from './game-controller.js';
import type { Counterfactual } from '../analysis/counterfactuals.js';
import type { Meter } from './meters.js';
import type { RemoteGame, ScreenController, ScreenFacts, ScreenSession } from './screen-controller.js';
import type { TableClient } from '../net/client.js';
import type { SeatObservation, TableStatus } from '../net/protocol.js';
import { adviceFor } from './game-controller.js';
import { metersFromView } from './meters.js';

// A seat at a class game, as the game screen sees it: everything comes from the host's last
// observation for this seat, and moves go back to the host, which alone decides.

export function clockText(status: TableStatus, receivedAt: number, now = Date.now()): string {
  if (status.clockMs === null) return '';
  const left = Math.max(0, status.clockMs - (status.paused ? 0 : now - receivedAt));
  const s = Math.ceil(left / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class RemoteSeat implements ScreenController, RemoteGame {
  readonly remote: RemoteGame = this;
  private mine: MoveName[] = [];
  private receivedAt = Date.now();

  constructor(readonly client: TableClient) {
    client.subscribe(() => (this.receivedAt = Date.now()));
  }

  private get obs(): SeatObservation {
    const o = this.client.seatState;
    if (!o) throw new Error('no state from the host yet');
    return o;
  }

  get human(): Actor {
    return this.obs.seat;
  }

  get scenario(): { name: string } {
    return { name: this.obs.scenario };
  }

  /** The host keeps the seed from the seats (see observe.ts). */
  get seed(): string {
    return 'kept by the host';
  }

  get ctx(): ScreenFacts {
    const o = this.obs;
    const v = o.view;
    return {
      round: o.round,
      params: { rounds: o.rounds },
      offerPrice: o.offerPrice,
      concededTaiwan: v.concededTaiwan,
      concededChips: v.concededChips,
      aidToKim: v.aidToKim,
      peakTension: o.end?.peakTension ?? v.tension,
      roundsPlayed: o.end?.roundsPlayed ?? o.round - 1,
    };
  }

  get session(): ScreenSession {
    const o = this.obs;
    return {
      steps: o.steps,
      isOver: () => o.end !== null,
      outcome: (): Outcome | null => o.end?.outcome ?? null,
      payoffs: (): Payoffs | null => o.end?.payoffs ?? null,
      toJsonl: () => '',
    };
  }

  meters(): Meter[] {
    return metersFromView(this.obs.seat, this.obs.view, this.obs.roundStartView);
  }

  legalMoves(): MoveName[] {
    return this.obs.legal;
  }

  /** The same advice `play` gives, from this side's view alone. */
  advice(): Advice | null {
    const o = this.obs;
    return o.legal.length ? adviceFor(o.seat, o.view, o.legal, `class|${o.scenario}`, o.round) : null;
  }

  play(move: MoveName): void {
    this.mine.push(move);
    this.client.play(move);
  }

  canUndo(): boolean {
    return false;
  }

  undo(): void {}

  moves(): MoveName[] {
    return [...this.mine];
  }

  counterfactuals(): Counterfactual[] {
    return this.obs.end?.counterfactuals ?? [];
  }

  payoffParts(): PayoffComponent[] | null {
    return this.obs.end?.parts ?? null;
  }

  debrief(): Debrief | null {
    return this.obs.end?.debrief ?? null;
  }

  waitingFor(): string {
    const s = this.obs.status;
    const w = s.waitingFor.replace(/^the game waits for /, 'Waiting for ');
    return w.charAt(0).toUpperCase() + w.slice(1);
  }

  paused(): boolean {
    return this.obs.status.paused;
  }

  coveredByAi(): readonly number[] {
    return this.obs.status.coveredByAi ?? [];
  }

  status(): string {
    const c = this.client;
    if (c.gone) return `Disconnected: ${c.gone}`;
    if (!c.connected) return c.notice || 'connection lost';
    const s = this.obs.status;
    const clock = clockText(s, this.receivedAt);
    const parts = [s.paused ? 'PAUSED by the teacher' : '', clock ? `clock ${clock}` : '', c.notice].filter(Boolean);
    return parts.join(' · ') || 'class game';
  }

  subscribe(listener: () => void): () => void {
    const unsubscribe = this.client.subscribe(listener);
    // The round clock ticks on screen between messages.
    const tick = setInterval(listener, 1000);
    return () => {
      clearInterval(tick);
      unsubscribe();
    };
  }
}
