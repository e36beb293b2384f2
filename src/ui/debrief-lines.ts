import type { Actor } from '../model/context.js';
import type { PayoffComponent } from '../model/outcomes.js';
import type { Debrief, DebriefNote, Sighting, Threshold } from '../analysis/debrief.js';
import { CLAIMS, isClaimId } from '../model/claims.js';
import { OUTCOMES } from '../model/outcomes.js';

// The debrief and the payoff breakdown in words, as plain lines for a given width. No ink
// here: the end screen draws these lines, and `leverage run` / `play --moves` print them.

const SIDE: Record<Actor, string> = { us: 'US', china: 'China', kim: 'Kim' };
const signed = (x: number) => `${x < 0 ? '-' : '+'}${Math.abs(x).toFixed(2)}`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cite = (claims: readonly string[]) => (claims.length ? ` [${claims.join(' ')}]` : '');

/**
 * Wrap to `width` at spaces only (a word, or a number, is never split), keeping the
 * spacing inside a line; continuation lines are indented by `indent`.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/\s*\S+/g) ?? []) {
    const room = width - (lines.length ? indent.length : 0);
    if (line.trim() && line.length + token.length > room) {
      lines.push(line);
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line);
  return lines.map((l, i) => (i ? indent + l : l));
}

/** A part with its claims; `compact` leaves unclaimed parts untagged instead of "our assumption". */
function componentText(c: PayoffComponent, compact = false): string {
  return `${c.label} ${signed(c.value)}${c.claims.length ? cite(c.claims) : compact ? '' : ' [our assumption]'}`;
}

/** Each side's payoff as the sum of its named parts (zeros left out), wrapped to `width`. */
export function payoffBreakdownLines(breakdown: Record<Actor, PayoffComponent[]>, width: number, sides: readonly Actor[] = ['us', 'china', 'kim'], compact = false): string[] {
  const out: string[] = [];
  for (const a of sides) {
    const parts = breakdown[a];
    const total = parts.reduce((t, c) => t + c.value, 0);
    const shown = parts.filter((c) => Math.abs(c.value) >= 0.005);
    const zero = parts.length - shown.length;
    const others = zero && !compact ? ` (${zero} other part${zero === 1 ? '' : 's'} 0)` : '';
    const text = `${SIDE[a].padEnd(6)}${total.toFixed(2).padStart(7)} = ${shown.map((c) => componentText(c, compact)).join(' · ') || 'nothing'}${others}`;
    out.push(...wrapWords(text, width, ' '.repeat(16)));
  }
  return out;
}

const SIGHTING: Record<Sighting, string> = { saw: 'saw it', caught: 'caught it later', unseen: 'missed it' };

// "(openly) (hidden: ...)" read as a contradiction: an open request can still be missed, by
// luck, so the line says who missed it, not that it was hidden.
function sightingText(seen: Partial<Record<Actor, Sighting>>): string {
  const hidden = (Object.entries(seen) as [Actor, Sighting][]).filter(([, s]) => s !== 'saw');
  if (!hidden.length) return '';
  return `: ${hidden.map(([a, s]) => `${SIDE[a]} ${SIGHTING[s]}`).join(', ')}`;
}

function noteText(n: DebriefNote): string {
  const hidden = n.hiddenFrom.length ? ` (hidden from ${n.hiddenFrom.map((a) => SIDE[a]).join(' and ')})` : '';
  return `${n.text}${cite(n.claims)}${hidden}`;
}

function thresholdText(t: Threshold): string {
  const rel = t.below ? (t.crossed ? 'under' : 'not under') : t.crossed ? 'reached' : 'short of';
  // Counts (rounds played, concessions paid) read as whole numbers, not 12.00.
  const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
  return `${t.measure} ${num(t.value)}, ${rel} ${num(t.threshold)}`;
}

/** The timeline, round by round, with every hidden move revealed. */
export function timelineLines(d: Debrief, width: number, compact = false): string[] {
  const out: string[] = [];
  let round = 0;
  for (const e of d.timeline) {
    if (e.round !== round) {
      round = e.round;
      out.push(`Round ${round}`);
    }
    if (e.type === 'move') {
      out.push(...wrapWords(`  ${SIDE[e.actor].padEnd(6)}${e.label}${sightingText(e.seen)}`, width, ' '.repeat(8)));
      if (!compact) for (const n of e.notes) if (n.claims.length || n.hiddenFrom.length) out.push(...wrapWords(`        ${noteText(n)}`, width, ' '.repeat(10)));
    } else {
      const war = e.war ? 'war breaks out' : 'no war';
      out.push(...wrapWords(`  End   war risk ${pct(e.warRisk)}, chance drew ${e.draw.toFixed(3)}: ${war}`, width, ' '.repeat(8)));
      if (!compact) for (const n of e.notes) if (!n.claims.includes('C12')) out.push(...wrapWords(`        ${noteText(n)}`, width, ' '.repeat(10)));
    }
  }
  return out;
}

/** Why it ended, how much war risk built up, and what drove the result. */
export function verdictLines(d: Debrief, width: number): string[] {
  const e = d.ending;
  const out: string[] = [];
  const crossed = e.thresholds.filter((t) => t.crossed);
  const why =
    e.outcome === 'war'
      ? `In round ${e.round} the war risk was ${pct(d.warRisk.perRound.at(-1) ?? 0)} and chance drew under it`
      : e.outcome === 'stalemate' || e.outcome === 'concessionsExtracted'
        ? `The round limit came with ${e.thresholds.map(thresholdText).join('; ')}`
        : `In round ${e.round}: ${crossed.map(thresholdText).join('; ')}`;
  out.push(...wrapWords(`Why it ended: ${OUTCOMES[e.outcome]}. ${why}${cite(e.claims)}.`, width, '  '));
  const w = d.warRisk;
  out.push(
    ...wrapWords(
      `War risk over the game: ${pct(w.accumulated)} that some round would end in war (one minus the product of each round's chance of peace), ` +
        `highest ${pct(w.peak)} in round ${w.peakRound}.`,
      width,
      '  ',
    ),
  );
  out.push('What drove the result:');
  for (const a of ['us', 'china', 'kim'] as Actor[]) {
    const parts = d.drivers[a].map((c) => componentText(c)).join(', ');
    out.push(...wrapWords(`  ${SIDE[a]} ${d.payoffs[a].total.toFixed(2)}: ${parts || 'nothing moved it'}`, width, '    '));
  }
  const ending = e.claims.map((c) => `${c}: ${CLAIMS[c].summary}`);
  for (const c of ending) out.push(...wrapWords(`  The ending rests on ${c}`, width, '    '));
  const top = d.cited.slice(0, 5).filter((c) => isClaimId(c.claim));
  if (top.length) out.push(...wrapWords(`  Most cited in this game: ${top.map((c) => `${c.claim} (${c.count}x)`).join(', ')}.`, width, '    '));
  return out;
}

/** The whole debrief as text: a title, the timeline (compact: moves and war risk only), then the verdict. */
export function debriefLines(d: Debrief, width: number, compact = false): string[] {
  const title = compact ? 'Debrief: who saw what, and the war risk of each round' : 'Debrief: the whole game, every hidden move revealed';
  return [title, ...timelineLines(d, width, compact), '', ...verdictLines(d, width)];
}
