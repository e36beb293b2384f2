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

  /** Take a state already hashed from this stream's seed (GameSeeder's): as if seeded, not yet drawn from. */
  seededAs(s0: number, s1: number, s2: number): void {
    this.pending = false;
    this.c = 1;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
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

/** The hash state after the first pass over a seed prefix: what `reseedGame` needs. */
export function prefixHashState(prefix: string): number {
  return mashString(AFTER_SPACES, prefix);
}

/** A stream seeded from `seed` (for tests and one-off uses; batches reuse streams). */
export function aleaOf(seed: string): AleaStream {
  return new AleaStream().reseedText(seed);
}

/**
 * Hash chains stepped side by side, each a local of GameSeeder.hashLanes: four games of two
 * eager streams, as bench/tight-loop.ts seeds. Measured a game, seeding a run: 263 ns with
 * eight lanes, 383 with four, 770 with one game's two streams side by side (seedTogether,
 * before). A game hashed alone pays for every lane, used or not: ~850 ns with eight, 705
 * with four; eight won, since batches are runs and a lone game is ~1% slower for it.
 */
const LANES = 8;
/** A lane's character codes after the prefix, at most: an index's digits (16 for any safe integer), '|', a stream's name. */
const MAX_SUFFIX = 24;

/** A seeded state's part from the hash state `n` after one pass (Alea's s_k = start_k - mash). */
function seedPart(start: number, n: number): number {
  const s = start - (n >>> 0) * TWO_POW_M32;
  return s < 0 ? s + 1 : s;
}

/**
 * The eager streams (those every game draws from) of a run of consecutive games of one batch,
 * seeded several games at once: the batch path's one place for this idea.
 *
 * Seeding a stream is three passes of Mash over `${prefix}${index}|${stream}`, one long chain
 * of dependent floating-point steps, and the CPU mostly waits on each step's result. The
 * chains of the other streams and of the next games are independent of it, so stepping them
 * side by side, one character across every chain, costs little more than one chain alone
 * (bench/tight-loop.ts found this overlap most of its seeding gain). So the games of a run
 * are hashed as many at once as fill LANES chains (four games of two eager streams), as long
 * as their indices have as many digits, and the later games' states are held until they are
 * played. A state depends only on the prefix, the index and the stream, so nothing held can
 * go stale: a game not held (another index, a single game) is hashed then, with no others.
 */
export class GameSeeder {
  /** The seed text every game of the batch shares, `${master}|${scenario}|`, and its first pass. */
  prefix = '';
  prefixState = 0;
  private readonly streams: number;
  private readonly streamTails: string[];
  private readonly gamesAtOnce: number;
  /**
   * Lane j is game j / streams's stream j % streams: the codes of its seed at j * rowSize, and
   * how many. The prefix and each lane's stream name are written once (setPrefix, layOut); a
   * game's digits are all that change from game to game.
   */
  private rows = new Int32Array(0);
  private rowSize = 0;
  private readonly rowLengths = new Int32Array(LANES);
  /** Lanes that hold a game's stream this time. */
  private lanes = 0;
  /** The number of digits of the indices the rows are laid out for (layOut). */
  private digits = 0;
  /** Lane j's hash state after pass p at 3j + p. */
  private readonly hashes = new Float64Array(3 * LANES);
  private first = 0;
  private held = 0;

  /** `streams`: the names of the streams seeded ahead (1 to 4), in the order `seed` is asked for them. */
  constructor(streams: readonly Stream[]) {
    this.streams = streams.length;
    this.streamTails = streams.map((name) => `|${name}`);
    this.gamesAtOnce = Math.max(1, Math.floor(LANES / streams.length));
  }

  /** Seeds from now on start with `prefix`; nothing held is kept. */
  setPrefix(prefix: string): void {
    this.prefix = prefix;
    this.prefixState = prefixHashState(prefix);
    const size = prefix.length + MAX_SUFFIX;
    if (size !== this.rowSize) {
      this.rowSize = size;
      this.rows = new Int32Array(LANES * size);
    }
    for (let j = 0; j < LANES; j++) for (let i = 0; i < prefix.length; i++) this.rows[j * size + i] = prefix.charCodeAt(i);
    this.digits = 0;
    this.held = 0;
  }

  /**
   * Stream k's state for game `index` into `into`. Game `index` of a run ending before
   * `runEnd` (games index + 1 .. runEnd - 1 are asked for next, in order): if it is not held,
   * it is hashed now together with the run's next games.
   */
  seed(index: number, runEnd: number, k: number, into: AleaStream): void {
    let g = index - this.first;
    if (g < 0 || g >= this.held) {
      this.hashFrom(index, runEnd);
      g = 0;
    }
    const at = 3 * (g * this.streams + k);
    const h = this.hashes;
    into.seededAs(seedPart(S0_START, h[at] as number), seedPart(S1_START, h[at + 1] as number), seedPart(S2_START, h[at + 2] as number));
  }

  /** Hashes games index, index + 1, ... (as many as fill the lanes, before runEnd, all with index's number of digits). */
  private hashFrom(index: number, runEnd: number): void {
    let digits = 1;
    let moreDigits = 10; // the first index with more digits
    while (index >= moreDigits) {
      digits++;
      moreDigits *= 10;
    }
    if (digits !== this.digits) this.layOut(digits);
    const games = Math.max(1, Math.min(this.gamesAtOnce, runEnd - index, moreDigits - index));
    const E = this.streams;
    const rows = this.rows;
    const size = this.rowSize;
    const at = this.prefix.length;
    // Each game's digits, most significant first, into each of its lanes.
    for (let g = 0; g < games; g++) {
      for (let i = index + g, d = at + digits - 1; d >= at; i = Math.floor(i / 10), d--) {
        const code = CODE_ZERO + (i % 10);
        for (let j = g * E; j < (g + 1) * E; j++) rows[j * size + d] = code;
      }
    }
    // Lanes past the last game hash whatever their rows hold: their states are never read.
    this.lanes = games * E;
    this.first = index;
    this.held = games;
    this.hashLanes();
  }

  /** Every lane's '|' and stream name, after indices of `digits` digits, and its seed's length. */
  private layOut(digits: number): void {
    const at = this.prefix.length + digits;
    for (let j = 0; j < LANES; j++) {
      const tail = this.streamTails[j % this.streams] as string;
      for (let i = 0; i < tail.length; i++) this.rows[j * this.rowSize + at + i] = tail.charCodeAt(i);
      this.rowLengths[j] = at + tail.length;
    }
    this.digits = digits;
  }

  /**
   * The three passes of every lane, side by side. The lanes are locals, not an array, and
   * step together with no branch between them: chains kept in a typed array and stepped in a
   * loop over the lanes, or lanes each guarded by "has its seed ended", overlapped hardly at
   * all when measured (no faster than one game's two streams), while plain locals stay in
   * registers and the CPU runs their steps together (four games in ~1 us, one took 770 ns).
   * So the lanes step together through the codes they all have, and a longer seed's last
   * codes ('chance' is a letter longer than 'china') are hashed lane by lane after. Mash's
   * step is called from one place per lane: V8 inlines a function's calls only up to a total
   * size, and a step left a call returns its number boxed (two call sites per lane did that).
   */
  private hashLanes(): void {
    const rows = this.rows;
    const size = this.rowSize;
    const len = this.rowLengths;
    const hashes = this.hashes;
    let shortest = len[0] as number;
    for (let j = 1; j < this.lanes; j++) shortest = Math.min(shortest, len[j] as number);
    let a0 = this.prefixState;
    let a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    for (let pass = 0; pass < 3; pass++) {
      // Each pass hashes the whole seed, but the first pass's prefix is prefixState already.
      for (let i = pass === 0 ? this.prefix.length : 0; i < shortest; i++) {
        a0 = mashStep(a0, rows[i] as number);
        a1 = mashStep(a1, rows[size + i] as number);
        a2 = mashStep(a2, rows[2 * size + i] as number);
        a3 = mashStep(a3, rows[3 * size + i] as number);
        a4 = mashStep(a4, rows[4 * size + i] as number);
        a5 = mashStep(a5, rows[5 * size + i] as number);
        a6 = mashStep(a6, rows[6 * size + i] as number);
        a7 = mashStep(a7, rows[7 * size + i] as number);
      }
      hashes[pass] = a0;
      hashes[3 + pass] = a1;
      hashes[6 + pass] = a2;
      hashes[9 + pass] = a3;
      hashes[12 + pass] = a4;
      hashes[15 + pass] = a5;
      hashes[18 + pass] = a6;
      hashes[21 + pass] = a7;
      for (let j = 0; j < this.lanes; j++) {
        const end = len[j] as number;
        if (end === shortest) continue;
        let a = hashes[3 * j + pass] as number;
        for (let i = shortest; i < end; i++) a = mashStep(a, rows[j * size + i] as number);
        hashes[3 * j + pass] = a;
      }
      a0 = hashes[pass] as number;
      a1 = hashes[3 + pass] as number;
      a2 = hashes[6 + pass] as number;
      a3 = hashes[9 + pass] as number;
      a4 = hashes[12 + pass] as number;
      a5 = hashes[15 + pass] as number;
      a6 = hashes[18 + pass] as number;
      a7 = hashes[21 + pass] as number;
    }
  }
}
