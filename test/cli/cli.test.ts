import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { cliWorkDir, expectUserError, leverage } from './helpers.js';

describe('the tests\' CLI runs outside the checkout', () => {
  it("a README example that writes a fixed name (--log game.jsonl) writes into the test's own folder", () => {
    const name = `readme-example-${process.pid}.jsonl`;
    expect(leverage(['run', '2023', '--seed', '3', '--log', name]).code).toBe(0);
    expect(existsSync(join(cliWorkDir(), name))).toBe(true);
    expect(existsSync(join(packageRoot(), name))).toBe(false);
  });
});

describe('leverage run', () => {
  it('tells a seeded crisis round by round, citing claims, and ends with outcome and payoffs', () => {
    const r = leverage(['run', 'scenarios/2022.yaml', '--seed', '7']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^leverage: 2022 \(seed 7, game 0\)/);
    expect(r.out).toMatch(/Round 1\n/);
    expect(r.out).toMatch(/\[C\d+( C\d+)*\]/);
    expect(r.out).toMatch(/Outcome: /);
    expect(r.out).toMatch(/Payoffs: US -?\d+\.\d\d {2}China -?\d+\.\d\d {2}Kim -?\d+\.\d\d/);
    expect(leverage(['run', 'scenarios/2022.yaml', '--seed', '7']).out).toBe(r.out);
  });

  it('--json prints a JSONL log whose every line parses, header first, outcome last', () => {
    const r = leverage(['run', '2023', '--seed', '3', '--json', '--us', 'appeaser']);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { type: string; sides?: { us: string } });
    expect(lines[0]?.type).toBe('header');
    expect(lines[0]?.sides?.us).toBe('appeaser');
    expect(lines.at(-1)?.type).toBe('outcome');
  });

  it('--rounds 1 plays a single round', () => {
    const r = leverage(['run', '--rounds', '1', '--json']);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/"rounds":1/);
  });
});

describe('leverage replay', () => {
  it('reproduces a saved game exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    const log = join(dir, 'game.jsonl');
    expect(leverage(['run', '2022', '--seed', '9', '--log', log]).code).toBe(0);
    const r = leverage(['--width', '300', 'replay', log]); // the one-line summary, unwrapped
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/reproduced exactly: \d+ steps, outcome \w+/);
  });

  it('says where a game diverges when the scenario has changed, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    const scenario = join(dir, 'mine.yaml');
    writeFileSync(scenario, 'schema: 1\nname: mine\ntitle: Mine\ndescription: d\n');
    const log = join(dir, 'game.jsonl');
    leverage(['run', scenario, '--seed', '4', '--log', log]);
    writeFileSync(scenario, 'schema: 1\nname: mine\ntitle: Mine\ndescription: d\nstart:\n  tension: 0.9\n');
    const r = leverage(['replay', log]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/game\.jsonl:\d+: diverges at step \d+: .*has changed since the log was written/);
  });

  it.each([
    ['an empty log', '', /the log is empty/],
    ['a corrupt line', '{"type":"header"\n', /game\.jsonl:1: not a JSON line/],
    ['not a log', '{"type":"other"}\n', /not a leverage game log/],
  ])('refuses %s', (_n, text, pattern) => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    writeFileSync(join(dir, 'game.jsonl'), text);
    expectUserError(leverage(['replay', join(dir, 'game.jsonl')]), pattern);
  });

  it('refuses a truncated log, naming its last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    const full = leverage(['run', '--seed', '2', '--json']).out.trim().split('\n');
    writeFileSync(join(dir, 'game.jsonl'), full.slice(0, 6).join('\n') + '\n');
    expectUserError(leverage(['replay', join(dir, 'game.jsonl')]), /game\.jsonl:6: the log ends without an outcome or pause line/);
  });

  it('refuses a missing log', () => {
    expectUserError(leverage(['replay', 'nope.jsonl']), /nope\.jsonl: no such file/);
  });
});

describe('bad input on the command line', () => {
  it.each([
    [['run', '--us', 'nobody'], /--us: unknown US strategy 'nobody'\. Fix: use one of columns/],
    [['run', '--china', 'x'], /--china: unknown China strategy/],
    [['run', 'atlantis'], /atlantis: no such scenario/],
    [['run', '--rounds', '0'], /--rounds 0: must be a whole number from 1 to 200/],
    [['run', '--rounds', 'ten'], /--rounds ten: must be a whole number/],
    [['run', '--seed', 'a b'], /--seed a b: use 1-64 letters/],
    [['run', 'missing.yaml'], /missing\.yaml: no such file/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['run', '--frob'], /unknown option '--frob'/],
  ])('%j', (args, pattern) => {
    expectUserError(leverage(args), pattern);
  });

  it('an output path in a missing folder is refused before any work, and leaves no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    const r = leverage(['run', '--log', join(dir, 'no', 'such', 'game.jsonl')]);
    expectUserError(r, /the folder .* does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([['equilibria', '2022'], ['discover', '2022', '--param', 'C10'], ['sensitivity', '2022', '--param', 'C10']])('%s: an --out in a missing folder is refused before any game is played', (...args) => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    const r = leverage([...args, '--runs', '10', '--out', join(dir, 'no', 'such', 'r.json')]);
    expectUserError(r, /the folder .* does not exist/);
    expect(r.err).not.toMatch(/playing/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a bad scenario leaves no log file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    writeFileSync(join(dir, 'bad.yaml'), 'schema: 1\nname: b\ntitle: B\ndescription: d\nrounds: -1\n');
    const log = join(dir, 'game.jsonl');
    expectUserError(leverage(['run', join(dir, 'bad.yaml'), '--log', log]), /bad\.yaml:5:1: rounds is -1/);
    expect(existsSync(log)).toBe(false);
  });
});

describe('leverage validate, scenarios, strategies, --help', () => {
  it('validate says ok for each good file and exits 2 if any is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    writeFileSync(join(dir, 'bad.yaml'), 'schema: 1\n');
    const r = leverage(['validate', 'scenarios/2020.yaml', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^ok {2}scenarios\/2020\.yaml/);
    expect(r.err).toMatch(/bad\.yaml:1:1: missing required field 'name'/);
  });

  it('lists scenarios and strategies with descriptions', () => {
    const s = leverage(['scenarios']);
    for (const n of ['baseline', '2020', '2022', '2023', 'one-shot']) expect(s.out).toContain(n);
    const st = leverage(['strategies']);
    expect(st.out).toMatch(/columns +Expose Beijing/);
    expect(st.out).toMatch(/memory: /);
  });

  it('has --help on every command', () => {
    for (const c of ['run', 'replay', 'validate', 'scenarios', 'strategies']) {
      const r = leverage([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.out, c).toMatch(new RegExp(`Usage: leverage ${c}`));
    }
  });

});

describe('leverage play without the screen', () => {
  it('scripted moves print the game as plain text', () => {
    const r = leverage(['play', '2022', '--as', 'us', '--seed', '7', '--moves', 'expose,sanction,posture', '--width', '300']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/US: you {2}\|/);
    expect(r.out).toMatch(/US +Expose Beijing's role/);
    expect(r.out).toMatch(/US +Sanction; seize Kim's money in Europe/);
    expect(r.out).toMatch(/Your moves ran out at round \d+; the game is not over\. Legal now: .*expose/);
    expect(r.out).not.toMatch(/\x1b\[/);
  });

  it('scripted play is the same game as the screen would give, and its log replays', () => {
    const d = mkdtempSync(join(tmpdir(), 'lev-'));
    const log = join(d, 'g.jsonl');
    leverage(['play', 'one-shot', '--as', 'china', '--seed', '3', '--moves', 'courier', '--log', log]);
    expect(readFileSync(log, 'utf8')).toMatch(/"china":"human"/);
    expect(leverage(['replay', log]).out).toMatch(/reproduced exactly/);
    rmSync(d, { recursive: true, force: true });
  });

  it("shows the US only what Washington observed: a move it did not see (China's Wait) is 'Nothing observed', in play and in replay --as us", () => {
    const d = mkdtempSync(join(tmpdir(), 'lev-'));
    try {
      const log = join(d, 'g.jsonl');
      const r = leverage(['play', '2022', '--as', 'us', '--seed', '7', '--china', 'covertFirst', '--moves', 'expose,expose,expose', '--log', log]);
      expect(r.code).toBe(0);
      expect(readFileSync(log, 'utf8')).toMatch(/"move":"chinaWaits"/);
      for (const text of [r.out, leverage(['replay', log, '--show', '--as', 'us']).out]) {
        expect(text).not.toMatch(/courier/i);
        expect(text).toMatch(/China +Nothing observed/);
        expect(text).toMatch(/Kim +(Test a|Fire a|Conduct a)/);
      }
      expect(leverage(['replay', log, '--show']).out).toMatch(/China +Wait \(known only to China and Kim\)/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it.each([
    [['play', '--as', 'us', '--moves', 'expose,frobnicate'], /--moves: move 2 'frobnicate' is not a us move\. Fix: use one of concede-taiwan/],
    [['play', '--as', 'kim', '--moves', 'hold,nuclear'], /--moves: move 2 'nuclear' is not legal in round 2\. Legal then: short-range, over-japan, hold, suspend/],
    [['play', '--as', 'martians', '--moves', 'hold'], /--as martians: play as us, china or kim/],
    [['play', 'one-shot', '--as', 'us', '--moves', 'expose,expose'], /the game ended before your move 2/],
  ])('refuses %j', (args, pattern) => expectUserError(leverage(args), pattern));

  it('explains that the screen needs a terminal when stdin or stdout is not one', () => {
    const r = leverage(['play', '2022']);
    expectUserError(r, /play needs a terminal: its standard input and output must both be a TTY\. Fix: .*--moves/);
  });
});
