import { describe, expect, it } from 'vitest';
import type { Acc } from '../../src/engine/batch/stats.js';
import { resolveProfile, runUnit } from '../../src/engine/batch/batch.js';
import { emptyAcc, HIST_BINS, METRICS, PACKED_ACC_LENGTH, packAcc, unpackAcc } from '../../src/engine/batch/stats.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// Workers post each unit's accumulator packed into doubles (pool.ts, batch-worker.ts): what
// comes out must be the accumulator that went in, number for number, bit for bit.

/** Every number of an accumulator, in one order. */
function numbers(a: Acc): number[] {
  return [a.n, ...a.outcomes, ...a.payoffParts, ...a.metrics.flatMap((m) => [m.n, m.mean, m.m2, m.min, m.max, ...m.hist])];
}

function expectSameBits(a: Acc, b: Acc): void {
  const x = numbers(a);
  const y = numbers(b);
  expect(y.length).toBe(x.length);
  x.forEach((v, i) => expect(Object.is(v, y[i]), `number ${i}: ${v} came back as ${y[i]}`).toBe(true));
}

describe('a packed accumulator', () => {
  it("comes back as a real unit's accumulator, bit for bit", () => {
    const s = resolveScenario('2022');
    const ids = { us: 'columns', china: 'opportunist', kim: 'regimeFirst' };
    const acc = runUnit({ command: 'test', seed: 'p', runs: 300, scenarios: [{ name: s.name, source: s.source, sha256: s.sha256, params: s.params }], profiles: [ids] }, 0, [resolveProfile(ids)]);
    expect(acc.n).toBe(300);
    const back = unpackAcc(packAcc(acc));
    expectSameBits(acc, back);
    expect(JSON.stringify(back)).toBe(JSON.stringify(acc));
  });

  it('keeps an empty metric (min +Infinity, max -Infinity), -0 and the fractions of a mean', () => {
    const acc = emptyAcc();
    acc.n = 3;
    acc.payoffParts[0] = -0;
    (acc.metrics[1] as Acc['metrics'][number]).mean = 0.1 + 0.2;
    (acc.metrics[2] as Acc['metrics'][number]).hist[HIST_BINS - 1] = 3;
    const back = unpackAcc(packAcc(acc));
    expectSameBits(acc, back);
    expect(back.metrics[0]?.min).toBe(Infinity);
    expect(back.metrics[0]?.max).toBe(-Infinity);
    expect(Object.is(back.payoffParts[0], -0)).toBe(true);
    expect(back.metrics).toHaveLength(METRICS.length);
  });

  it('refuses an array of the wrong length, naming both lengths', () => {
    expect(() => unpackAcc(new Float64Array(PACKED_ACC_LENGTH - 1))).toThrow(`${PACKED_ACC_LENGTH - 1} numbers, not ${PACKED_ACC_LENGTH}`);
  });

  it('gives lists the merge can write into (not views of the packed array)', () => {
    const packed = packAcc(emptyAcc());
    const back = unpackAcc(packed);
    back.outcomes[0] = 7;
    (back.metrics[0] as Acc['metrics'][number]).hist[0] = 5;
    expect(packed.every((x, i) => i === 0 || Object.is(x, packAcc(emptyAcc())[i]))).toBe(true);
    expect(Array.isArray(back.outcomes) && Array.isArray(back.metrics[0]?.hist)).toBe(true);
  });
});
