import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkWritable, readTextFile, writeAtomic } from '../../src/cli/io.js';
import { decodeText, printable, readBounded } from '../../src/bounded-read.js';
import { InputError } from '../../src/input-error.js';

// Issue 20, items 2, 3, 7 and 12 at the level of the one writer and the one reader.

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'lev-io-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const inputError = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('the one safe writer (items 2, 3)', () => {
  it('refuses a device, a named pipe and a directory, before and at the write, in one line', () => {
    const d = scratch();
    const fifo = join(d, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const [target, kind] of [['/dev/null', 'a device'], [fifo, 'a named pipe'], [d, 'a directory']] as const) {
      expect(inputError(() => checkWritable(target, '--log'))).toMatch(new RegExp(`^--log ${target}: is ${kind}, not a regular file\\. Fix:`));
      expect(inputError(() => writeAtomic(target, 'x', '--out'))).toMatch(new RegExp(`^--out ${target}: is ${kind}`));
    }
  });

  it('writes through a fresh temp file with an unpredictable name beside the target, leaving nothing behind', () => {
    const d = scratch();
    const out = join(d, 'r.json');
    // A planted file and symlink at the old predictable temp name must be left alone.
    const victim = join(d, 'victim');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, `${out}.tmp-${process.pid}`);
    writeAtomic(out, 'one');
    writeAtomic(out, 'two');
    expect(readFileSync(out, 'utf8')).toBe('two');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readdirSync(d).sort()).toEqual(['r.json', 'r.json.tmp-' + process.pid, 'victim'].sort());
  });

  it('replaces a symlink to a regular file by a file, and never writes through it', () => {
    const d = scratch();
    const victim = join(d, 'victim');
    writeFileSync(victim, 'precious');
    const link = join(d, 'log.jsonl');
    symlinkSync(victim, link);
    writeAtomic(link, 'new');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(link, 'utf8')).toBe('new');
  });

  it('--log /dev/full, the reported case, is refused as a device', () => {
    expect(inputError(() => writeAtomic('/dev/full', 'x', '--log'))).toMatch(/^--log \/dev\/full: is a device/);
  });
});

describe('the bounded reader (items 7, 12)', () => {
  it('stops reading an endless device at the cap with one line', () => {
    const t0 = Date.now();
    expect(inputError(() => readBounded('/dev/zero', 1 << 20, 'scenario file'))).toMatch(/^\/dev\/zero: larger than 1 MB, too large for a scenario file\. Fix:/);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(inputError(() => readTextFile('/dev/zero', 'game log'))).toMatch(/too large for a game log/);
  });

  it('refuses NUL and non-UTF-8 bytes naming the line', () => {
    expect(inputError(() => decodeText(Buffer.from('name: a\ntitle: b\0c\n'), 'x.yaml'))).toMatch(/^x\.yaml:2: contains a NUL byte/);
    expect(inputError(() => decodeText(Buffer.concat([Buffer.from('a: 1\nb: 2\ntitle: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), 'x.yaml'))).toMatch(/^x\.yaml:3: is not valid UTF-8/);
    expect(decodeText(Buffer.from('title: Kim’s “test”\n'), 'x.yaml')).toBe('title: Kim’s “test”\n');
  });

  it('strips control characters and terminal escapes from echoed text, keeping the words', () => {
    expect(printable('A \u001b[2J\u001b]0;pwned\u0007title\r\n')).toBe('A [2J]0;pwnedtitle\n');
    expect(printable('Kim’s standing')).toBe('Kim’s standing');
  });
});
