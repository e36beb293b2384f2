import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, expectUserError, leverage } from './helpers.js';

// Issue 20 at the command line, each case as the red-team report ran it.

const dir = mkdtempSync(join(tmpdir(), 'lev-i20-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A shell pipeline with the built CLI as `leverage`. */
function sh(script: string) {
  const r = spawnSync('bash', ['-c', `leverage() { "${process.execPath}" "${BIN}" "$@"; }\n${script}`], { encoding: 'utf8', cwd: dir, env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('writes only to regular files (item 2)', () => {
  it('refuses a device, a named pipe and a directory as --log or --out, leaving them alone', () => {
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    expectUserError(leverage(['run', '2022', '--log', '/dev/null']), /--log \/dev\/null: is a device, not a regular file\. Fix:/);
    expectUserError(leverage(['run', '2022', '--log', join(dir, 'fifo')]), /is a named pipe, not a regular file/);
    mkdirSync(join(dir, 'folder.json'));
    expectUserError(leverage(['batch', '2022', '--runs', '10', '--out', join(dir, 'folder.json')]), /folder\.json: is a directory, not a regular file/);
  });
});

describe('standard output that fails (item 9)', () => {
  it('a reader that stops early (scenarios | head -3) ends quietly', () => {
    const r = sh('set -o pipefail; leverage scenarios | head -1; echo "rc=${PIPESTATUS[0]}"');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/rc=0\n$/);
  });
  it('a full disk (run 2022 > /dev/full) is one line, exit 1', () => {
    const r = sh('leverage run 2022 > /dev/full');
    expect(r.code).toBe(1);
    expect(r.err).toBe('leverage: cannot write the output (the disk is full). Fix: free some space, or write elsewhere.\n');
  });
});

describe('bounded reads (item 7)', () => {
  it('run /dev/zero stops at the cap with one line', () => {
    const t0 = Date.now();
    expectUserError(leverage(['run', '/dev/zero']), /\/dev\/zero: larger than 1 MB, too large for a scenario file/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
  it('validate lists at most 50 problems and counts the rest, in time linear in their number', () => {
    const file = join(dir, 'many.yaml');
    writeFileSync(file, 'schema: 1\nname: x\ntitle: t\ndescription: d\n' + Array.from({ length: 8000 }, (_, i) => `junk${i}: 1\n`).join(''));
    const t0 = Date.now();
    const r = leverage(['validate', file]);
    const took = Date.now() - t0;
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe(`${file}: 7950 more problems not listed (8000 in all). Fix: the ones above first.`);
    expect(took).toBeLessThan(15_000); // it took 48.6 s before
  });
});

describe('conflicting flags (item 10)', () => {
  it('--format json --out r.csv and --json --format html are refused', () => {
    expectUserError(leverage(['batch', '2022', '--runs', '10', '--format', 'json', '--out', join(dir, 'r.csv')]), /--format json --out .*r\.csv: the file's name says csv\. Fix:/);
    expect(existsSync(join(dir, 'r.csv'))).toBe(false);
    expectUserError(leverage(['run', '2022', '--json', '--format', 'html', '--out', join(dir, 'g.html')]), /--json prints the game log; --format html asks for something else/);
    expectUserError(leverage(['run', '2022', '--format', 'text', '--out', join(dir, 'g.html')]), /--format text --out .*g\.html: the file's name says html/);
  });
});

describe('text from files (items 11, 12)', () => {
  it('validate does not echo terminal escapes from a title', () => {
    const file = join(dir, 'esc.yaml');
    writeFileSync(file, 'schema: 1\nname: esc\ntitle: "A \\e[2J\\e]0;pwned\\a title"\ndescription: d\n');
    const r = leverage(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.out.replace(/\s+/g, ' ')).toContain('A [2J]0;pwned title');
  });
  it('NUL and non-UTF-8 bytes are refused naming the line', () => {
    const nul = join(dir, 'nul.yaml');
    writeFileSync(nul, 'schema: 1\nname: n\ntitle: "a\0b"\ndescription: d\n');
    expectUserError(leverage(['validate', nul]), new RegExp(`${nul}:3: contains a NUL byte`));
    const latin = join(dir, 'latin.yaml');
    writeFileSync(latin, Buffer.concat([Buffer.from('schema: 1\nname: n\ntitle: t\ndescription: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expectUserError(leverage(['validate', latin]), new RegExp(`${latin}:4: is not valid UTF-8 text`));
  });
  it('an empty scalar gets "give it a value", an empty group "give it fields"', () => {
    const f = join(dir, 'empty.yaml');
    writeFileSync(f, 'schema: 1\nname:\ntitle: t\ndescription: d\nstart:\n');
    const r = leverage(['validate', f]);
    expect(r.err).toContain(`${f}:2:1: 'name' is empty. Fix: give it a value after the colon`);
    expect(r.err).toContain(`${f}:5:1: 'start' is empty. Fix: give it fields, indented under it`);
  });
});

describe('replay vouches only for what it checked (item 6)', () => {
  const log = join(dir, 'game.jsonl');
  const lines = () => readFileSync(log, 'utf8').trimEnd().split('\n');
  const edited = (name: string, edit: (ls: Record<string, any>[]) => void, raw?: (text: string) => string) => {
    const ls = lines().map((l) => JSON.parse(l) as Record<string, any>);
    edit(ls);
    const file = join(dir, name);
    const text = ls.map((l) => JSON.stringify(l)).join('\n') + '\n';
    writeFileSync(file, raw ? raw(text) : text);
    return leverage(['replay', file]);
  };

  it('an untouched log reproduces exactly, trailing blank lines and all', () => {
    expect(leverage(['run', '2022', '--seed', '3', '--log', log]).code).toBe(0);
    expect(leverage(['replay', log]).out).toMatch(/reproduced exactly/);
    const r = edited('blank.jsonl', () => {}, (t) => `${t}\n\n  \n`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/reproduced exactly/);
  });

  it('an edited header parameter, payoff weight, note, seenBy or seq is a divergence, never "exactly"', () => {
    const cases: [string, (ls: Record<string, any>[]) => void, RegExp][] = [
      ['tension.jsonl', (ls) => (ls[0]!.params.start.tension = 0.9), /:1: diverges .*params\.start\.tension: 0\.9 in the log/],
      ['weight.jsonl', (ls) => (ls[0]!.params.payoffs.us.credibility = 999), /:1: diverges .*params\.payoffs\.us\.credibility: 999 in the log/],
      ['note.jsonl', (ls) => (ls[2]!.notes[0].text = 'Something else happened.'), /:3: diverges .*notes/],
      ['seenby.jsonl', (ls) => {
        const s = ls.find((l) => l.notes?.some((n: any) => n.seenBy))!;
        for (const n of s.notes) delete n.seenBy;
      }, /diverges .*notes/],
      ['seq.jsonl', (ls) => (ls[3]!.seq = 99), /:4: diverges .*seq: 99 in the log/],
    ];
    for (const [name, edit, pattern] of cases) {
      const r = edited(name, edit);
      expect(r.code, name).toBe(1);
      expect(r.out, name).not.toMatch(/exactly/);
      expect(r.err, name).toMatch(pattern);
    }
  });

  it('a different scenario file with the same parameters says "not exactly"', () => {
    const r = edited('hash.jsonl', (ls) => (ls[0]!.scenario.sha256 = '0'.repeat(64)));
    expect(r.code).toBe(1);
    expect(r.out.replace(/\s+/g, ' ')).toMatch(/reproduced, but not exactly: the scenario .* is not the file the log was made from/);
  });
});

it('leaves no temporary files behind in the folders it wrote to', () => {
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.includes('.tmp-'))).toEqual([]);
});
