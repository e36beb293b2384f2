import type { Actor } from './context.js';

/** One line of what a step did, citing the claims behind it. */
export interface Note {
  claims: string[];
  text: string;
  /**
   * Who can know it, when that differs from who observed the step (a note on a move that
   * only some sides observe is known to those sides unless it says otherwise).
   */
  seenBy?: readonly Actor[];
}

const f = (x: number) => x.toFixed(2);
/** "0.35 -> 0.40": how narration words a change. */
export const change = (a: number, b: number) => `${f(a)} -> ${f(b)}`;
