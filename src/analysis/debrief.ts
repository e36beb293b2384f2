import type { Actor, GameContext } from '../model/context.js';
import type { ClaimId } from '../model/claims.js';
import type { MoveName } from '../model/moves.js';
import type { Outcome, PayoffComponent } from '../model/outcomes.js';
import type { Params } from '../model/params.js';
import type { GameSession, Step } from '../engine/reference/session.js';
import { ACTORS } from '../model/context.js';
import { isClaimId } from '../model/claims.js';
import { warRisk } from '../model/crisis.js';
import { MOVES, moveVisibleTo } from '../model/moves.js';
import { knows } from '../model/observe.js';
import { payoffBreakdown } from '../model/outcomes.js';
import { totalConcessions } from '../model/round-end.js';

// The debrief of a finished game: every step with the hidden moves revealed and what each
// side saw of them, why the game ended (which threshold, how much war risk built up), and
// which claims drove the result. Data only: the words are the screen's and the CLI's.

/** What a side knew of a move: saw it made, caught it later (C4), or never knew. */
export type Sighting = 'saw' | 'caught' | 'unseen';

export interface DebriefNote {
  text: string;
  claims: string[];
  /** The sides that could not know it at the time (empty: public). */
  hiddenFrom: Actor[];
}

export interface DebriefMove {
  type: 'move';
  round: number;
  actor: Actor;
  move: MoveName;
  label: string;
  /** For each other side, what it knew of the move. */
  seen: Partial<Record<Actor, Sighting>>;
  notes: DebriefNote[];
}

export interface DebriefRoundEnd {
  type: 'roundEnd';
  round: number;
  /** C12: the chance of war this round, from tension and deterrence as chance found them. */
  warRisk: number;
  /** The number chance drew; war breaks out when it falls under the risk. */
  draw: number;
  war: boolean;
  notes: DebriefNote[];
}

export type DebriefEntry = DebriefMove | DebriefRoundEnd;

/** One threshold of the ending, with the value the game reached. */
export interface Threshold {
  /** What was measured, in a few words. */
  measure: string;
  value: number;
  threshold: number;
  /** true: the game ended because value reached the threshold (or fell under it, for `below`). */
  crossed: boolean;
  below: boolean;
}

export interface Ending {
  outcome: Outcome;
  round: number;
  claims: ClaimId[];
  thresholds: Threshold[];
}

export interface WarRiskSummary {
  /** Each round's risk, in order. */
  perRound: number[];
  /** The chance that at least one round ended in war: 1 - the product of (1 - each round's risk). */
  accumulated: number;
  peak: number;
  peakRound: number;
}

export interface Debrief {
  timeline: DebriefEntry[];
  ending: Ending;
  warRisk: WarRiskSummary;
  payoffs: Record<Actor, { total: number; components: PayoffComponent[] }>;
  /** Each side's payoff components that moved it most (largest first, zeros left out). */
  drivers: Record<Actor, PayoffComponent[]>;
  /** Claims cited by the game's events, most cited first. */
  cited: { claim: ClaimId; count: number }[];
}

/** C4: a request is caught when the round's end tells the US of it (the chance step's fact). */
function caughtThisRound(steps: Step[], round: number): boolean {
  return steps.some((s) => s.type === 'chance' && s.round === round && s.requestCaught);
}

function notesOf(step: Step): DebriefNote[] {
  return step.notes.map((n) => ({ text: n.text, claims: n.claims, hiddenFrom: ACTORS.filter((a) => !knows(n.seenBy, a)) }));
}

/** Why the game ended, in the scenario's own thresholds. */
export function endingOf(ctx: GameContext, outcome: Outcome, lastRisk: number, lastDraw: number): Ending {
  const p = ctx.params;
  const round = ctx.roundsPlayed;
  const t = (measure: string, value: number, threshold: number, below = false): Threshold => ({
    measure,
    value,
    threshold,
    below,
    crossed: below ? value < threshold : value >= threshold,
  });
  switch (outcome) {
    case 'war':
      return { outcome, round, claims: ['C12'], thresholds: [t("chance's draw under the round's war risk", lastDraw, lastRisk, true)] };
    case 'regimeCrisis':
      return {
        outcome,
        round,
        claims: ['C7', 'C11'],
        thresholds: [t("Kim's standing", ctx.kimStanding, p.kim.regimeCrisisThreshold, true), t("North Korea's economy", ctx.nkEconomy, p.kim.regimeCrisisThreshold, true)],
      };
    case 'settlement':
      return { outcome, round, claims: ['C11'], thresholds: [t('the diplomatic track', ctx.diplomacy, p.us.settlementThreshold)] };
    case 'leverageExposed':
      return {
        outcome,
        round,
        claims: ['C10', 'C12'],
        thresholds: [t("exposure of China's role", ctx.exposure, p.crisis.exposureEndsGame), t("Europe's alignment", ctx.europeAlignment, p.crisis.europeEndsGame)],
      };
    case 'concessionsExtracted':
      return { outcome, round, claims: ['C3', 'C8'], thresholds: [t('rounds played', round, p.rounds), t('concessions paid', totalConcessions(ctx), p.crisis.concessionsForExtraction)] };
    case 'stalemate':
      return { outcome, round, claims: ['C8'], thresholds: [t('rounds played', round, p.rounds), t('concessions paid', totalConcessions(ctx), p.crisis.concessionsForExtraction)] };
  }
}

/** Build the debrief of a finished game from its steps and its final state. */
export function debrief(game: { params: Params; steps: Step[]; ctx: GameContext; outcome: Outcome }): Debrief {
  const { params, steps, ctx, outcome } = game;
  const timeline: DebriefEntry[] = [];
  const perRound: number[] = [];
  let last: Step | undefined;
  let lastRisk = 0;
  let lastDraw = 1;
  for (const s of steps) {
    if (s.type === 'move') {
      const seen: Partial<Record<Actor, Sighting>> = {};
      for (const a of ACTORS) {
        if (a === s.actor) continue;
        seen[a] = moveVisibleTo(s.move, a) ? 'saw' : a === 'us' && caughtThisRound(steps, s.round) ? 'caught' : 'unseen';
      }
      timeline.push({ type: 'move', round: s.round, actor: s.actor, move: s.move, label: MOVES[s.move].label, seen, notes: notesOf(s) });
    } else {
      // Chance rolls for war on the tension and deterrence the round's moves left (rollForWar).
      const before = last?.state ?? { tension: params.start.tension, deterrence: params.start.deterrence };
      const risk = warRisk(before.tension, before.deterrence, params);
      perRound.push(risk);
      lastRisk = risk;
      lastDraw = s.war;
      timeline.push({ type: 'roundEnd', round: s.round, warRisk: risk, draw: s.war, war: s.warBroke, notes: notesOf(s) });
    }
    last = s;
  }
  let survive = 1;
  let peak = 0;
  let peakRound = 0;
  perRound.forEach((r, i) => {
    survive *= 1 - r;
    if (r > peak) [peak, peakRound] = [r, i + 1];
  });
  const breakdown = payoffBreakdown(ctx, outcome);
  const payoffs = {} as Debrief['payoffs'];
  const drivers = {} as Debrief['drivers'];
  for (const a of ACTORS) {
    const components = breakdown[a];
    payoffs[a] = { total: components.reduce((t, c) => t + c.value, 0), components };
    drivers[a] = components.filter((c) => Math.abs(c.value) >= 0.005).sort((x, y) => Math.abs(y.value) - Math.abs(x.value)).slice(0, 3);
  }
  const counts = new Map<ClaimId, number>();
  for (const s of steps) for (const n of s.notes) for (const c of n.claims) if (isClaimId(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const cited = [...counts.entries()].map(([claim, count]) => ({ claim, count })).sort((x, y) => y.count - x.count || Number(x.claim.slice(1)) - Number(y.claim.slice(1)));
  return {
    timeline,
    ending: endingOf(ctx, outcome, lastRisk, lastDraw),
    warRisk: { perRound, accumulated: 1 - survive, peak, peakRound },
    payoffs,
    drivers,
    cited,
  };
}

/** Better, worse, or within noise: a difference is only a difference when the intervals are apart. */
export type Standing = 'better' | 'worse' | 'withinNoise';

/**
 * Does a strategy do better than the person's payoff? `theirs` is the strategy's 95% range:
 * for one game set against many, the middle 95% of its single games (the end screen).
 */
export function standingAgainst(mine: number, theirs: { low: number; high: number }): Standing {
  if (theirs.low > mine) return 'better';
  if (theirs.high < mine) return 'worse';
  return 'withinNoise';
}

/** The debrief of a finished session (null while it is still going). */
export function debriefOf(session: GameSession): Debrief | null {
  const outcome = session.outcome();
  return outcome ? debrief({ params: session.scenario.params, steps: session.steps, ctx: session.ctx, outcome }) : null;
}
