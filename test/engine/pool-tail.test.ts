import { describe, expect, it } from 'vitest';
import { mayTake } from '../../src/engine/batch/pool.js';

// The pool keeps two units in flight per worker so that no worker waits for the main thread
// between units; at the end of a batch that left one worker idle while the other still held a
// queued unit. The rule that decides who gets a unit, and what it does to the end of a batch.

/**
 * When the last unit ends if the pool hands out units by `rule`, unit u lasting `cost[u]`: as
 * the pool does, each worker is offered one unit per round of the initial fill and one each
 * time it reports; a queued unit starts the moment the one before it ends (the main thread
 * answers at once).
 */
function finishTime(cost: number[], workers: number, rule: (held: number, left: number, workers: number) => boolean): number {
  const queue: number[][] = Array.from({ length: workers }, () => []);
  const started = new Array<number>(workers).fill(0);
  let next = 0;
  const feed = (w: number) => {
    const q = queue[w] as number[];
    if (rule(q.length, cost.length - next, workers)) q.push(next++);
  };
  for (let depth = 0; depth < 2; depth++) for (let w = 0; w < workers; w++) feed(w);
  let now = 0;
  for (;;) {
    let w = -1;
    let end = Infinity;
    for (let v = 0; v < workers; v++) {
      const q = queue[v] as number[];
      if (q.length && (started[v] as number) + (cost[q[0] as number] as number) < end) [w, end] = [v, (started[v] as number) + (cost[q[0] as number] as number)];
    }
    if (w < 0) return now;
    now = end;
    (queue[w] as number[]).shift();
    feed(w);
    started[w] = now;
  }
}

const alwaysTwoAhead = (held: number, left: number) => left > 0 && held < 2;

describe('which worker gets the next unit', () => {
  it('keeps two units in flight per worker until no more are left than workers, then feeds only empty hands', () => {
    expect(mayTake(0, 10, 2)).toBe(true);
    expect(mayTake(1, 10, 2)).toBe(true);
    expect(mayTake(2, 10, 2)).toBe(false);
    expect(mayTake(1, 2, 2)).toBe(false);
    expect(mayTake(0, 2, 2)).toBe(true);
    expect(mayTake(0, 0, 2)).toBe(false);
    // One worker starves no one: it keeps its next unit queued to the last.
    expect(mayTake(1, 1, 1)).toBe(true);
  });

  it('ends a batch with a slow unit near its end sooner than sending two ahead to the end, and never later on even units', () => {
    // 168 units of 4 ms on 2 workers, the fourth from last 20 ms: sent two ahead, the last unit
    // waits behind the slow one while the other worker has nothing left.
    const cost = Array.from({ length: 168 }, (_, u) => (u === 165 ? 20 : 4));
    const before = finishTime(cost, 2, alwaysTwoAhead);
    const after = finishTime(cost, 2, mayTake);
    expect(after).toBeLessThan(before);
    // Every unit is played: the total work is conserved, so neither ends before half of it.
    expect(after).toBeGreaterThanOrEqual(cost.reduce((a, b) => a + b, 0) / 2);
    const even = new Array<number>(40).fill(5);
    expect(finishTime(even, 2, mayTake)).toBeLessThanOrEqual(finishTime(even, 2, alwaysTwoAhead));
  });
});
