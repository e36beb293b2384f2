import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUserError, leverage as run } from './helpers.js';
import { leverageMachine } from '../../src/model/machine.js';
import { machineGraph } from '../../src/analysis/diagram.js';
import { MOVE_NAMES } from '../../src/model/moves.js';
import { ENDINGS, GAME_TABLE, moveDecl } from '../../src/model/game-table.js';


describe('leverage explain', () => {
  it('prints the walk-through without questions, claim by claim, with real numbers', () => {
    const r = run(['explain', '--non-interactive', '--runs', '200']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\. Pressure as something to sell/m);
    expect(r.out).toMatch(/^9\. Where the conclusion holds, and where it breaks/m);
    expect(r.out).toMatch(/^8\. What a payoff is made of, and what war costs/m);
    // The interval is explained before the first one is shown.
    expect(r.out.indexOf('95% interval')).toBeGreaterThan(0);
    expect(r.out.indexOf('95% interval')).toBeLessThan(r.out.search(/-?\d+\.\d\d \[-?\d/));
    expect(r.out).toMatch(/C8 \(2022¶4\): Paying off blackmail/);
    expect(r.out).toMatch(/Predict: /);
    expect(r.out).toMatch(/The runs say: /);
  });

  it('writes a Markdown hand-out', () => {
    const d = mkdtempSync(join(tmpdir(), 'lev-'));
    const r = run(['explain', '2022', '--format', 'md', '--runs', '200', '--out', join(d, 'handout.md')]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(d, 'handout.md'), 'utf8');
    expect(md).toMatch(/^# The leverage argument, step by step: 2022/);
    expect(md).toMatch(/\| US plays \(one round\) \| US payoff \|/);
  });

  it('asks for a terminal when it would ask questions', () => {
    expectUserError(run(['explain']), /explain asks for your predictions, so it needs a terminal\. Fix: add --non-interactive/);
  });
});

describe('leverage robustness, sweep, fork, atlas, graph', () => {
  it('robustness prints a one-screen table of verdicts with a legend', () => {
    const r = run(['robustness', '2023', '--runs', '300', '--width', '200']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^assumption +A +B +C +D/m);
    expect(r.out).toMatch(/^C10-off +[+x?] /m);
    expect(r.out).toMatch(/^one-shot +[+x?] /m);
    expect(r.out).toMatch(/^A Don't concede \(C3 C8\)/m);
  });

  it('sweep draws a tornado, tables and, for two parameters, a heatmap; CSV on request', () => {
    const r = run(['sweep', 'baseline', '--param', 'start.chinaInfluence=0:1:0.5', '--param', 'us.europeResponsiveness=0:1:0.5', '--runs', '100']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tornado: /);
    expect(r.out).toMatch(/Heatmap of US payoff/);
    const d = mkdtempSync(join(tmpdir(), 'lev-'));
    run(['sweep', 'baseline', '--param', 'start.chinaInfluence=0:1:0.5', '--runs', '100', '--out', join(d, 's.csv')]);
    const lines = readFileSync(join(d, 's.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('kind,param1,value1,param2,value2,mean,ci_low,ci_high');
    expect(lines).toHaveLength(4);
  });

  it('fork replays a game to a round and compares paired continuations', () => {
    const d = mkdtempSync(join(tmpdir(), 'lev-'));
    run(['run', '2022', '--seed', '7', '--log', join(d, 'g.jsonl')]);
    const r = run(['fork', join(d, 'g.jsonl'), '--at', '1', '--us', 'concede-taiwan', '--runs', '200']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/as played \(expose\)/);
    expect(r.out).toMatch(/forked \(concede-taiwan\)/);
    expect(r.out).toMatch(/Forked minus as played: US -?\d/);
  });

  it('atlas finds the short endings by graph search and tabulates every ending', () => {
    // Two rounds of search (the default 4 takes ~6 s of CPU) still reach the one-round war.
    const r = run(['atlas', '2022', '--runs', '200', '--us', 'columns,appeaser', '--width', '300', '--search-rounds', '2']); // the side-by-side table
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/War: the crisis spun out of control\n {2}1 round \(graph search, first 2 rounds\)/);
    expect(r.out).toMatch(/columns \/ opportunist \/ regimeFirst +\d/);
  });

  it('graph draws every state, event and guard of the machine itself', () => {
    const mermaid = run(['graph']).out;
    const dot = run(['graph', '--format', 'dot']).out;
    const g = machineGraph(leverageMachine);
    for (const s of g.states) {
      expect(mermaid).toContain(s.name);
      expect(dot).toContain(`"${s.name}"`);
    }
    for (const m of MOVE_NAMES) expect(mermaid).toContain(` : ${m}`);
    const guardsInMachine = new Set(g.edges.map((e) => e.guard?.split('(')[0]).filter(Boolean));
    const declared = new Set([...Object.keys(GAME_TABLE).flatMap((m) => moveDecl(m as keyof typeof GAME_TABLE).guard?.name ?? []), ...ENDINGS.map((e) => e.guard)]);
    expect([...guardsInMachine].sort()).toEqual([...declared].sort());
    for (const guard of guardsInMachine) expect(mermaid).toContain(`[${guard}`);
    expect(dot).toMatch(/^digraph leverage \{/);
  });

  it.each([
    [['sweep', 'baseline', '--param', 'start.nonsense=0:1:0.5'], /--param start\.nonsense=0:1:0\.5: 'start\.nonsense' is not a scenario field/],
    [['sweep', 'baseline', '--param', 'start.chinaInfluence=0:2:0.5'], /start\.chinaInfluence must stay within 0 to 1/],
    [['sweep', 'baseline', '--param', 'start.chinaInfluence'], /write it as PATH=FROM:TO:STEP/],
    [['sweep', 'baseline', '--param', 'start.chinaInfluence=0:1:0.0001'], /more than 50 values/],
    [['sweep', 'baseline'], /required option '--param/],
    [['graph', '--format', 'png'], /--format png: use mermaid or dot/],
    [['explain', '--format', 'pdf'], /--format pdf: use text, md or html/],
    [['robustness', 'atlantis'], /atlantis: no such scenario/],
    [['atlas', 'baseline', '--us', 'nobody'], /unknown US strategy 'nobody'/],
  ])('refuses %j', (args, pattern) => expectUserError(run(args), pattern));

  it('fork refuses a round the game does not have, a wrong side, and an illegal move', () => {
    const d = mkdtempSync(join(tmpdir(), 'lev-'));
    const log = join(d, 'g.jsonl');
    run(['run', 'one-shot', '--seed', '1', '--log', log]);
    expectUserError(run(['fork', log, '--at', '5', '--us', 'expose']), /--at 5: must be a whole number from 1 to 1/);
    expectUserError(run(['fork', log, '--at', '1']), /name exactly one side and its move/);
    expectUserError(run(['fork', log, '--at', '1', '--us', 'nuclear']), /--us nuclear: not a us move/);
    writeFileSync(join(d, 'bad.jsonl'), 'not json\n');
    expectUserError(run(['fork', join(d, 'bad.jsonl'), '--at', '1', '--us', 'expose']), /bad\.jsonl:1: not a JSON line/);
  });
});
