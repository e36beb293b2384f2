import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUserError, leverage } from './helpers.js';

// Every command that writes a file says so on stderr, one line naming the file, as batch
// does; the text it would have printed goes to the file, not also to the screen.

const dir = mkdtempSync(join(tmpdir(), 'lev-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectWrote(args: string[], file: string): void {
  const r = leverage(args);
  expect(r.err).toBe(`wrote ${file}\n`);
  expect(r.code).toBe(0);
  expect(existsSync(file)).toBe(true);
}

describe('--out says where it wrote', () => {
  it('run --log, then fork --out', () => {
    const log = join(dir, 'g.jsonl');
    const r = leverage(['run', '--seed', '3', '--log', log]);
    expect(r.err).toBe(`wrote ${log}\n`);
    expect(r.out).toMatch(/Round 1/);
    expectWrote(['fork', log, '--at', '1', '--us', 'concede-taiwan', '--runs', '50', '--out', join(dir, 'fork.json')], join(dir, 'fork.json'));
  });

  it('tournament, sweep and robustness', () => {
    expectWrote(['tournament', 'baseline', '--us', 'columns,appeaser', '--china', 'opportunist', '--runs', '20', '--workers', '1', '--out', join(dir, 't.csv')], join(dir, 't.csv'));
    expectWrote(['sweep', 'baseline', '--param', 'start.tension=0.2:0.6:0.2', '--runs', '50', '--workers', '1', '--out', join(dir, 's.json')], join(dir, 's.json'));
    expectWrote(['robustness', 'baseline', '--runs', '50', '--workers', '1', '--out', join(dir, 'r.md')], join(dir, 'r.md'));
  });

  it('explain, as a hand-out and as text', () => {
    expectWrote(['explain', '--format', 'md', '--runs', '50', '--workers', '1', '--out', join(dir, 'h.md')], join(dir, 'h.md'));
    expectWrote(['explain', '--non-interactive', '--runs', '50', '--workers', '1', '--out', join(dir, 'h.txt')], join(dir, 'h.txt'));
  });
});

describe('a mistyped name gets the nearest name, not every name', () => {
  it.each([
    [['compare', 'baseline', '--metric', 'payofUs'], /--metric payofUs: unknown measure\. Did you mean 'payoffUs'\?$/m],
    [['run', '--us', 'apeaser'], /--us: unknown US strategy 'apeaser'\. Did you mean 'appeaser'\?/],
    [['sweep', 'baseline', '--param', 'start.tenson=0:1:0.5'], /'start\.tenson' is not a scenario field\. Did you mean 'start\.tension'\?/],
    [['run', '2O22'], /2O22: no such scenario\. Did you mean '2022'\?/],
  ])('%j', (args, pattern) => {
    const r = leverage(args);
    expectUserError(r, pattern);
    // One suggestion, not the list of names.
    expect(r.err.split(',').length).toBeLessThan(4);
  });

  it('a mistyped move in fork', () => {
    const log = join(dir, 'typo.jsonl');
    expect(leverage(['run', '--seed', '3', '--log', log]).code).toBe(0);
    expectUserError(leverage(['fork', log, '--at', '1', '--us', 'expos']), /--us expos: not a us move\. Did you mean 'expose'\?$/m);
  });

  it('a name far from every choice still lists them', () => {
    expectUserError(leverage(['run', '--us', 'nobody']), /Fix: use one of columns, /);
  });
});

describe('calibrate with fewer runs than its default', () => {
  it('says that a FAIL may be sample size, and only when it ran fewer games and something failed', async () => {
    const { fewerRunsHint, DEFAULT_CALIBRATION_RUNS } = await import('../../src/cli/commands/calibrate.js');
    expect(fewerRunsHint({ runs: 500, failed: 1 }).join(' ')).toMatch(/500 games a batch, fewer than the default 4000: every interval is about 2\.8 times wider.*rerun without --runs/);
    expect(fewerRunsHint({ runs: 500, failed: 0 })).toEqual([]);
    expect(fewerRunsHint({ runs: DEFAULT_CALIBRATION_RUNS, failed: 3 })).toEqual([]);
  });
});

describe('explain in an 80x24 terminal', () => {
  it('every step, from its title to its question, fits one screen, with no code names', async () => {
    const { setOutputWidth } = await import('../../src/cli/width.js');
    const { stepQuestion } = await import('../../src/cli/commands/explain.js');
    const { LESSONS } = await import('../../src/analysis/lessons.js');
    setOutputWidth('80');
    try {
      for (const [i, l] of LESSONS.entries()) {
        const lines = stepQuestion(l, i + 1, false).split('\n');
        // 24 rows, one left for the answer line the key press writes.
        expect(lines.length, l.id).toBeLessThanOrEqual(23);
        for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
        expect(stepQuestion(l, i + 1, false)).not.toContain(l.rules);
        expect(stepQuestion(l, i + 1, true)).toContain('In the code: ');
        expect(stepQuestion(l, i + 1, false)).not.toContain('In the code: ');
      }
    } finally {
      setOutputWidth(undefined);
    }
  });
});
