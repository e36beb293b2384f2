import type { Rng, Stream } from './rng.js';

// Johannes Baagøe's Alea generator, the one seedrandom.alea implements, written for the batch
// path: the same seeding arithmetic and the same draws (a test compares the two over many
// seeds), but seeded with no allocation. seedrandom's version keeps its hash accumulator in
// a closure, so every update of it boxes a fresh number (~6 us a game of four streams); here
// the accumulator is a local, the hashed seed is read piece by piece (no seed string is
// built), and the part of the hash every seed shares is worked out once. seedrandom stays
// the reference: sessions, replays and the screen draw from it (rng.ts).

/** The hash's starting state, and 2^-32 and 2^32. */
const MASH_START = 0xefc8249d;
const TWO_POW_M32 = 2.3283064365386963e-10;
const TWO_POW_32 = 0x100000000;
const CODE_BAR = 124; // '|'
const CODE_ZERO = 48; // '0'

/**
 * One character into the hash state (Baagøe's Mash step). Baagøe writes the whole part of `h`
 * as `h >>> 0`; here it is `Math.trunc(h)`, the same number for any h in [0, 2^32), and h
 * always lies there: the state stays below 2^33 (each step returns less than 2^32 plus a
 * fortieth of what it was given) and a char code below 2^16, so h is under 0.0252 * 2^33.
 * Truncating keeps the number a double (no round trip through an integer register), and a
 * game's seeding, one long chain of these steps, ran ~25% faster (the same draws: alea.test.ts
 * compares with seedrandom over any seed string).
 */
function mashStep(n: number, code: number): number {
  let h = 0.02519603282416938 * (n + code);
  let x = Math.trunc(h);
  h -= x;
  h *= x;
  x = Math.trunc(h);
  h -= x;
  return x + h * TWO_POW_32;
}

function mashString(n: number, s: string): number {
  let x = n;
  for (let i = 0; i < s.length; i++) x = mashStep(x, s.charCodeAt(i));
  return x;
}

/** Every seed is hashed after three spaces: that prefix, and the three numbers it gives, never change. */
const AFTER_SPACE_1 = mashStep(MASH_START, 32);
const AFTER_SPACE_2 = mashStep(AFTER_SPACE_1, 32);
const AFTER_SPACES = mashStep(AFTER_SPACE_2, 32);
const S0_START = (AFTER_SPACE_1 >>> 0) * TWO_POW_M32;
const S1_START = (AFTER_SPACE_2 >>> 0) * TWO_POW_M32;
const S2_START = (AFTER_SPACES >>> 0) * TWO_POW_M32;

/** Decimal digits of a game index, most significant last (scratch reused, never reallocated). */
const DIGITS = new Int32Array(16);

/**
 * An Alea stream. Seeding is deferred to the first draw, as rng.ts's makeRng does, so a
 * deterministic strategy's stream costs nothing; `reseed*` only records what to hash.
 */
export class AleaStream implements Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 1;
  private pending = false;
  // What the seed is: either `text` alone, or `${prefix}${index}|${stream}` (a batch game).
  private text = '';
  private prefix = '';
  /** The hash state after the first pass over `prefix` (shared by every game of a batch). */
  private prefixState = 0;
  private index = -1;
  private stream = '';

  /** Seed from the string `seed` (on the first draw). */
  reseedText(seed: string): this {
    this.text = seed;
    this.index = -1;
    this.pending = true;
    return this;
  }

  /**
   * Seed from `${prefix}${index}|${stream}` without building it; `prefixState` is
   * `prefixHashState(prefix)`, worked out once per batch.
   */
  reseedGame(prefix: string, prefixState: number, index: number, stream: Stream): this {
    this.prefix = prefix;
    this.prefixState = prefixState;
    this.index = index;
    this.stream = stream;
    this.pending = true;
    return this;
  }

  next(): number {
    this.advance();
    return this.s2;
  }

  /**
   * One step of the generator; the draw is then `s2`. It returns nothing, so a call V8 leaves
   * un-inlined boxes no number (drawThree reads `s2` itself: when next() stayed a call inside
   * the compiled round, its three returned draws were ~550 bytes a game).
   */
  private advance(): void {
    if (this.pending) this.seedNow();
    const t = 2091639 * this.s0 + this.c * TWO_POW_M32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
  }

  /**
   * Three draws in order, stored into `into` (chance's event: detection, war, drift). The
   * batch path calls this rather than next() three times: a call V8 does not inline returns
   * its number boxed, 16 bytes a draw; this returns nothing.
   */
  drawThree(into: { detection: number; war: number; drift: number }): void {
    this.advance();
    into.detection = this.s2;
    this.advance();
    into.war = this.s2;
    this.advance();
    into.drift = this.s2;
  }

  /** seedTogether's work (a method, to reach both streams' state). */
  seedWith(b: AleaStream): void {
    const a = this;
    if (!a.pending || !b.pending || a.index < 0 || a.index !== b.index || a.prefix !== b.prefix || a === b) {
      if (a.pending) a.seedNow();
      if (b.pending) b.seedNow();
      return;
    }
    a.pending = false;
    b.pending = false;
    let digits = 0;
    let i = a.index;
    do {
      DIGITS[digits++] = CODE_ZERO + (i % 10);
      i = Math.floor(i / 10);
    } while (i > 0);
    const prefix = a.prefix;
    let na = a.prefixState;
    let nb = na;
    a.c = 1;
    b.c = 1;
    for (let pass = 0; pass < 3; pass++) {
      if (pass > 0) {
        for (let k = 0; k < prefix.length; k++) {
          const code = prefix.charCodeAt(k);
          na = mashStep(na, code);
          nb = mashStep(nb, code);
        }
      }
      for (let d = digits - 1; d >= 0; d--) {
        const code = DIGITS[d] as number;
        na = mashStep(na, code);
        nb = mashStep(nb, code);
      }
      na = mashString(mashStep(na, CODE_BAR), a.stream);
      nb = mashString(mashStep(nb, CODE_BAR), b.stream);
      const start = pass === 0 ? S0_START : pass === 1 ? S1_START : S2_START;
      let sa = start - (na >>> 0) * TWO_POW_M32;
      if (sa < 0) sa += 1;
      let sb = start - (nb >>> 0) * TWO_POW_M32;
      if (sb < 0) sb += 1;
      if (pass === 0) {
        a.s0 = sa;
        b.s0 = sb;
      } else if (pass === 1) {
        a.s1 = sa;
        b.s1 = sb;
      } else {
        a.s2 = sa;
        b.s2 = sb;
      }
    }
  }

  /** Three passes of the hash over the seed, each taken off one of the three starting numbers. */
  private seedNow(): void {
    this.pending = false;
    let n: number;
    let h0: number;
    let h1: number;
    let h2: number;
    if (this.index < 0) {
      n = mashString(AFTER_SPACES, this.text);
      h0 = (n >>> 0) * TWO_POW_M32;
      n = mashString(n, this.text);
      h1 = (n >>> 0) * TWO_POW_M32;
      n = mashString(n, this.text);
      h2 = (n >>> 0) * TWO_POW_M32;
    } else {
      let digits = 0;
      let i = this.index;
      do {
        DIGITS[digits++] = CODE_ZERO + (i % 10);
        i = Math.floor(i / 10);
      } while (i > 0);
      n = this.gameTail(this.prefixState, digits);
      h0 = (n >>> 0) * TWO_POW_M32;
      n = this.gameTail(mashString(n, this.prefix), digits);
      h1 = (n >>> 0) * TWO_POW_M32;
      n = this.gameTail(mashString(n, this.prefix), digits);
      h2 = (n >>> 0) * TWO_POW_M32;
    }
    this.c = 1;
    this.s0 = S0_START - h0;
    if (this.s0 < 0) this.s0 += 1;
    this.s1 = S1_START - h1;
    if (this.s1 < 0) this.s1 += 1;
    this.s2 = S2_START - h2;
    if (this.s2 < 0) this.s2 += 1;
  }

  /** The hash over `${index}|${stream}`, from state `n`. */
  private gameTail(n: number, digits: number): number {
    let x = n;
    for (let d = digits - 1; d >= 0; d--) x = mashStep(x, DIGITS[d] as number);
    x = mashStep(x, CODE_BAR);
    return mashString(x, this.stream);
  }
}

/**
 * Seed two streams of the same game now (both set by `reseedGame` with the same prefix and
 * index, neither drawn from yet), hashing their seeds side by side: each hash is one long
 * chain of dependent steps, and two chains at once run in about the time of one. Draws are
 * exactly those of seeding each on its first draw; anything else falls back to that.
 */
export function seedTogether(a: AleaStream, b: AleaStream): void {
  a.seedWith(b);
}

/** The hash state after the first pass over a seed prefix: what `reseedGame` needs. */
export function prefixHashState(prefix: string): number {
  return mashString(AFTER_SPACES, prefix);
}

/** A stream seeded from `seed` (for tests and one-off uses; batches reuse streams). */
export function aleaOf(seed: string): AleaStream {
  return new AleaStream().reseedText(seed);
}
