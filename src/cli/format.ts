import type { Actor } from '../model/context.js';
import type { Step, GameSession } from '../engine/reference/session.js';
import type { Strategy } from '../strategies/types.js';
import { OUTCOMES, payoffBreakdown } from '../model/outcomes.js';
import type { Observer } from '../model/observe.js';
import { observe, observedMoveText } from '../model/observe.js';
import { debrief } from '../analysis/debrief.js';
import { debriefLines, payoffBreakdownLines } from '../ui/debrief-lines.js';

const ACTOR_LABEL: Record<Actor | 'chance', string> = { china: 'China', kim: 'Kim', us: 'US', chance: 'Chance' };

export function actorLabel(a: Actor | 'chance'): string {
  return ACTOR_LABEL[a];
}

function sideName(session: GameSession, a: Actor): string {
  const s = session.sides[a];
  return s === 'human' ? 'you' : (s as Strategy).name;
}

const names = (sides: readonly Actor[]) => sides.map((a) => actorLabel(a)).join(' and ');

/** A step as `observer` observed it (the one observation rule: model/observe.ts). */
export function formatStep(step: Step, observer: Observer): string[] {
  const o = observe(step, observer);
  const moveTag = o.moveKnownTo ? ` (known only to ${names(o.moveKnownTo)})` : '';
  const lines = [`  ${actorLabel(o.actor).padEnd(7)}${observedMoveText(o)}${moveTag}`];
  for (const n of o.notes) {
    if (o.actor !== 'chance' && n.claims.length === 0) continue;
    const cite = n.claims.length ? ` [${n.claims.join(' ')}]` : '';
    const tag = n.knownTo ? ` (known only to ${names(n.knownTo)})` : '';
    lines.push(`         ${n.text}${cite}${tag}`);
  }
  return lines;
}

/** The readable round-by-round account of a finished (or stopped) game. */
/**
 * The account as `observer` observed it (the one observation rule). `debrief`: after the
 * game, the timeline with hidden moves revealed and why it ended ('full'), or only who saw
 * what ('compact', when the account already told everything); by default compact for the
 * all-seeing observer, none for anyone else (the debrief reveals what a side could not see).
 */
export function formatAccount(session: GameSession, observer: Observer, opts: { width?: number; debrief?: 'full' | 'compact' | 'none' } = {}): string {
  const debriefKind = opts.debrief ?? (observer === 'all' ? 'compact' : 'none');
  const width = Math.max(60, Math.min(opts.width ?? process.stdout.columns ?? 100, 120));
  const out: string[] = [];
  const h = session.header();
  out.push(`leverage: ${session.scenario.name} (seed ${h.seed}, game ${h.index})`);
  out.push(`US: ${sideName(session, 'us')}  |  China: ${sideName(session, 'china')}  |  Kim: ${sideName(session, 'kim')}`);
  let round = 0;
  for (const step of session.steps) {
    if (step.round !== round) {
      round = step.round;
      out.push('', `Round ${round}`);
    }
    out.push(...formatStep(step, observer));
  }
  const o = session.outcome();
  const p = session.payoffs();
  if (o && p) {
    out.push('', `Outcome: ${OUTCOMES[o]} (after ${session.ctx.roundsPlayed} round${session.ctx.roundsPlayed === 1 ? '' : 's'})`);
    out.push(`Payoffs: US ${p.us.toFixed(2)}  China ${p.china.toFixed(2)}  Kim ${p.kim.toFixed(2)}`);
    const c = session.ctx;
    out.push(
      `Concessions: Taiwan ${c.concededTaiwan}, chips ${c.concededChips}, aid to Kim ${c.aidToKim}  |  peak tension ${c.peakTension.toFixed(2)}  |  exposure ${c.exposure.toFixed(2)}  |  Europe ${c.europeAlignment.toFixed(2)}`,
    );
    out.push('', 'Each payoff, part by part (weights: payoffs.* in the scenario):', ...payoffBreakdownLines(payoffBreakdown(c, o), width - 2).map((l) => `  ${l}`));
    out.push('');
    if (debriefKind !== 'none') out.push(...debriefLines(debrief({ params: session.scenario.params, steps: session.steps, ctx: c, outcome: o }), width, debriefKind === 'compact'));
    else if (observer === 'public') out.push("Debrief left out: it reveals what each side could not see. Drop --no-hidden to read it.");
    else if (observer !== 'all') out.push(`Debrief left out: it reveals what ${actorLabel(observer)} could not see. Replay without --as to read it.`);
  }
  return out.join('\n') + '\n';
}
