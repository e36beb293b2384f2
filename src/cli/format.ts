import type { Actor } from '../model/context.js';
import type { Step, GameSession } from '../engine/session.js';
import type { Strategy } from '../strategies/types.js';
import { OUTCOMES } from '../model/outcomes.js';
import type { Observer } from '../model/observe.js';
import { observe, observedMoveText } from '../model/observe.js';

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
export function formatAccount(session: GameSession, observer: Observer): string {
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
  }
  return out.join('\n') + '\n';
}
