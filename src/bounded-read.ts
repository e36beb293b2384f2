import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from './input-error.js';

// Reading a file a person named: never more than a cap (a path like /dev/zero or a huge file
// must end in one line, not exhaust memory), and only text: bytes that are not UTF-8, and NUL,
// are refused naming the line, since they would otherwise pass silently into names and notes.

/** The most a scenario file may hold: real ones are a few kilobytes. */
export const MAX_SCENARIO_BYTES = 1 << 20;
/** The most a game log or a partial result may hold: a long game's log is tens of kilobytes. */
export const MAX_DATA_BYTES = 256 << 20;

/** The bytes of `file`, at most `maxBytes`; a longer file (or an endless device) is refused. */
export function readBounded(file: string, maxBytes: number, what: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 16, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) {
        throw new InputError(`${file}: larger than ${formatBytes(maxBytes)}, too large for a ${what}. Fix: name the right file (a ${what} is far smaller).`);
      }
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

const formatBytes = (n: number) => (n >= 1 << 20 ? `${n / (1 << 20)} MB` : `${n / 1024} KB`);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The 1-based line of byte `offset`. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Text from bytes that must be UTF-8 without NUL; otherwise a one-line error naming the line. */
export function decodeText(bytes: Buffer, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`${file}:${lineAt(bytes, nul)}: contains a NUL byte. Fix: save it as plain UTF-8 text.`);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Find the first line that does not decode, to name it.
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(0x0a, start);
      const stop = end < 0 ? bytes.length : end;
      try {
        strictUtf8.decode(bytes.subarray(start, stop));
      } catch {
        throw new InputError(`${file}:${lineAt(bytes, start)}: is not valid UTF-8 text. Fix: save the file as UTF-8.`);
      }
      if (end < 0) throw new InputError(`${file}: is not valid UTF-8 text. Fix: save the file as UTF-8.`);
      start = end + 1;
    }
  }
}

/** Strip control characters (terminal escapes included) from text that came from a file, before echoing it. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '');
}
