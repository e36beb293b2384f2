import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Acc } from '../engine/batch/stats.js';
import type { BatchSpec, Shard } from '../engine/batch/batch.js';
import { specFingerprint, unitCount, unitGames } from '../engine/batch/batch.js';
import { accProblem, CHUNK_SIZE } from '../engine/batch/stats.js';
import { InputError } from '../input-error.js';
import { packageVersion } from '../package-root.js';

// A shard's partial result, laid out so that merge can read it a unit at a time: still one
// JSON document, but the header (everything but the units) on the first line, one unit per
// line, and a trailer with the digest of the unit lines. Merge folds units of every shard in
// unit order, so it reads all shards side by side and holds one line of each, never a whole
// file: its memory does not grow with the number of games.

export const PARTIAL_KIND = 'leverage-partial';
/** 2: one unit a line, and a digest of the units (1 held the units on one line, unchecked). */
export const PARTIAL_VERSION = 2;

export interface PartialHeader {
  kind: typeof PARTIAL_KIND;
  formatVersion: number;
  leverage: string;
  fingerprint: string;
  chunkSize: number;
  shard: Shard;
  /** Options of the report (e.g. compare's metric): they must agree too. */
  report: Record<string, unknown>;
  spec: BatchSpec;
}

export interface PartialUnit {
  u: number;
  acc: Acc;
}

const TRAILER = /^\],"unitsSha256":"([0-9a-f]{64})"\}$/;

/** The whole file's text; `units` in ascending order. */
export function partialText(header: Omit<PartialHeader, 'kind' | 'formatVersion' | 'leverage' | 'fingerprint' | 'chunkSize'>, units: PartialUnit[]): string {
  const full: PartialHeader = { kind: PARTIAL_KIND, formatVersion: PARTIAL_VERSION, leverage: packageVersion(), fingerprint: specFingerprint(header.spec), chunkSize: CHUNK_SIZE, ...header };
  const head = JSON.stringify({ ...full, units: [] }).slice(0, -2);
  const digest = createHash('sha256');
  const lines = units.map((x) => {
    const line = JSON.stringify(x);
    digest.update(line + '\n');
    return line;
  });
  return `${head}\n${lines.join(',\n')}${lines.length ? '\n' : ''}],"unitsSha256":"${digest.digest('hex')}"}\n`;
}

/** Smallest and largest read: many shards read side by side share a budget of about 32 MB. */
function blockSize(readers: number): number {
  return Math.max(16 * 1024, Math.min(1024 * 1024, Math.floor((32 * 1024 * 1024) / Math.max(1, readers))));
}

/**
 * Reads one partial file line by line. The file is opened for each read and closed again, so
 * a merge of thousands of shards needs no more file handles than one.
 */
export class PartialReader {
  header: PartialHeader;
  private pos = 0;
  /** Bytes read but not yet handed out as lines: buf[start, end). */
  private buf: Buffer;
  private start = 0;
  private end = 0;
  private eof = false;
  private readonly digest = createHash('sha256');
  private readonly block: number;
  /** The next unit this shard must hold (units u with u % count == index - 1, ascending). */
  private nextU: number;
  private readonly total: number;

  constructor(
    readonly file: string,
    readers = 1,
  ) {
    let st;
    try {
      st = statSync(file);
    } catch {
      throw new InputError(`${file}: no such file. Fix: check the path to the partial result.`);
    }
    if (st.isDirectory()) throw new InputError(`${file}: is a directory, not a partial result.`);
    this.block = blockSize(readers);
    this.buf = Buffer.allocUnsafe(this.block);
    this.header = this.readHeader();
    // The header line may have grown the buffer; the unit lines need one block.
    if (this.buf.length > this.block && this.end - this.start <= this.block) this.compact(Buffer.allocUnsafe(this.block));
    this.total = unitCount(this.header.spec);
    this.nextU = this.header.shard.index - 1;
  }

  private damaged(what: string): InputError {
    return new InputError(`${this.file}: the partial result is damaged (${what}). Fix: rerun that shard.`);
  }

  private compact(into: Buffer): void {
    this.buf.copy(into, 0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
    this.buf = into;
  }

  /** Read more of the file after what is held; false at its end. */
  private fill(): boolean {
    if (this.eof) return false;
    if (this.end === this.buf.length) {
      // A line longer than the buffer (a header): double it, else make room at the front.
      this.compact(this.start === 0 ? Buffer.allocUnsafe(this.buf.length * 2) : this.buf);
    }
    let n = 0;
    try {
      const fd = openSync(this.file, 'r');
      try {
        n = readSync(fd, this.buf, this.end, this.buf.length - this.end, this.pos);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw new InputError(`${this.file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    if (n === 0) {
      this.eof = true;
      return false;
    }
    this.pos += n;
    this.end += n;
    return true;
  }

  /** The next line without its newline, or null at the end of the file. */
  private line(): string | null {
    let from = this.start;
    for (;;) {
      const at = this.buf.indexOf(10, from);
      if (at >= 0 && at < this.end) {
        const line = this.buf.toString('utf8', this.start, at);
        this.start = at + 1;
        return line;
      }
      from = this.end - this.start;
      if (!this.fill()) {
        if (this.start === this.end) return null;
        const line = this.buf.toString('utf8', this.start, this.end);
        this.start = this.end;
        return line;
      }
      from += this.start;
    }
  }

  private readHeader(): PartialHeader {
    const first = this.line() ?? '';
    let data: unknown;
    try {
      // A file of an older format, or another JSON file, is one complete document.
      data = JSON.parse(first);
    } catch {
      try {
        data = JSON.parse(first + ']}');
      } catch {
        throw new InputError(`${this.file}: not JSON (corrupt or cut short). Fix: rerun that shard.`);
      }
    }
    const p = data as Partial<PartialHeader> | null;
    if (p?.kind !== PARTIAL_KIND) throw new InputError(`${this.file}: not a partial result; make one with --shard i/n --out FILE.json.`);
    if (p.formatVersion !== PARTIAL_VERSION || p.leverage !== packageVersion()) {
      throw new InputError(`${this.file}: written by leverage ${String(p.leverage)} (format ${String(p.formatVersion)}); this is ${packageVersion()}. Fix: rerun every shard with one version.`);
    }
    const shard = p.shard;
    if (!p.spec || typeof shard !== 'object' || !Number.isInteger(shard.count) || !Number.isInteger(shard.index) || shard.index < 1 || shard.index > shard.count) {
      throw this.damaged('its header lacks the spec or a valid shard i/n');
    }
    let fingerprint: string | undefined;
    try {
      fingerprint = specFingerprint(p.spec);
      unitCount(p.spec);
    } catch {
      fingerprint = undefined; // a spec without its lists: damaged, as below
    }
    if (fingerprint === undefined || p.fingerprint !== fingerprint || p.chunkSize !== CHUNK_SIZE) throw this.damaged('its spec does not match its fingerprint');
    return p as PartialHeader;
  }

  /** Whether the shard holds unit `u` (it must: it is the next of its units in order). */
  nextUnit(u: number): Acc {
    if (u !== this.nextU) throw new Error(`internal: unit ${u} asked of shard ${this.header.shard.index}, which is at ${this.nextU}`);
    const line = this.line();
    const text = line?.endsWith(',') ? line.slice(0, -1) : line;
    if (text === null || text === undefined || TRAILER.test(text)) {
      throw new InputError(`${this.file}: the shard is incomplete (it stops before unit ${u}). Fix: rerun it.`);
    }
    this.digest.update(text + '\n');
    let unit: Partial<PartialUnit> | null;
    try {
      unit = JSON.parse(text) as Partial<PartialUnit> | null;
    } catch {
      throw this.damaged(`the line of unit ${u} is not JSON`);
    }
    if (unit?.u !== u) throw this.damaged(`expected unit ${u}, found ${JSON.stringify(unit?.u)}`);
    const problem = accProblem(unit.acc, unitGames(this.header.spec, u));
    if (problem) throw this.damaged(`unit ${u}: ${problem}`);
    this.nextU += this.header.shard.count;
    return unit.acc as Acc;
  }

  /** After the last unit: the trailer, its digest of the units, and nothing after it. */
  finish(): void {
    if (this.nextU < this.total) throw new Error('internal: a shard finished before its last unit');
    const line = this.line();
    const m = line === null ? null : TRAILER.exec(line);
    if (!m) throw this.damaged(line === null ? 'it is cut short' : 'it holds more units than its shard has');
    if (m[1] !== this.digest.digest('hex')) throw this.damaged('its units do not match their digest');
    const rest = this.line();
    if ((rest !== null && rest !== '') || this.line() !== null) throw this.damaged('there is text after its end');
  }
}
