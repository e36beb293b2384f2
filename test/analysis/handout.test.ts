import { describe, expect, it } from 'vitest';
import { handoutMarkdown } from '../../src/cli/commands/explain.js';
import { runBatch } from '../../src/engine/batch/batch.js';
import { METRICS, meanInterval, proportionInterval } from '../../src/engine/batch/stats.js';
import { COLUMNS } from '../../src/model/claims.js';
import { OUTCOME_NAMES } from '../../src/model/outcomes.js';
import { LESSONS } from '../../src/analysis/lessons.js';
import { scaleWeight, variants } from '../../src/analysis/robustness.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// The teacher's hand-out: questions for students, an answer key apart at the end, and every
// number from real seeded runs (checked here against direct batches).

const s = resolveScenario('baseline');
const RUNS = 400;
const SEED = '5';
const md = await handoutMarkdown(s, SEED, RUNS, { workers: 0 });
const keyAt = md.indexOf('## Answer key');
const student = md.slice(0, keyAt);
const key = md.slice(keyAt);

const stat = (acc: { metrics: unknown[] }, k: string) => meanInterval(acc.metrics[METRICS.findIndex((m) => m.key === k)] as never);
const f2 = (x: number) => x.toFixed(2);
const ci = (m: { mean: number; low: number; high: number }) => `${f2(m.mean)} [${f2(m.low)}, ${f2(m.high)}]`;
async function batch(params: typeof s.params, label: string, us: string) {
  const [cell] = await runBatch(
    { command: 'check', seed: SEED, runs: RUNS, scenarios: [{ ...s, params, source: `${s.source}#${label}` }], profiles: [{ us, china: 'opportunist', kim: 'regimeFirst' }] },
    { workers: 0 },
  );
  return cell!.acc;
}

describe('the hand-out', () => {
  it('keeps the answers in a key at the end, one per step', () => {
    expect(keyAt).toBeGreaterThan(0);
    expect(student).not.toMatch(/Answer:/);
    expect(student).not.toMatch(/The runs say/);
    for (let i = 1; i <= LESSONS.length; i++) expect(key).toMatch(new RegExp(`^\\*\\*${i}\\. .*\\*\\* Answer: \\*`, 'm'));
  });

  it('has a one-paragraph summary, discussion questions for every step, and the columns as references', () => {
    const summary = md.slice(md.indexOf('## Summary') + '## Summary'.length, md.indexOf('## 1. ')).trim();
    expect(summary.split('\n').filter((l) => l.trim())).toHaveLength(1);
    expect(summary).toMatch(/\d+\.\d\d/);
    expect(student.match(/\*\*To discuss\.\*\*\n\n- /g)).toHaveLength(LESSONS.length);
    const refs = md.slice(md.indexOf('## References'));
    for (const c of COLUMNS) expect(refs).toContain(`[${c.key}] "${c.title}"`);
  });

  it('speaks to students without code identifiers', () => {
    // Rule names, guards and strategy ids are camelCase in the code; none may reach a student.
    const camel = student.replace(/`[^`]*`/g, '').match(/\b[a-z]+[A-Z][A-Za-z]*\b/g);
    expect(camel).toBeNull();
    expect(student).not.toMatch(/thereIsPressureToSell|Encoded by/);
    expect(key).toMatch(/thereIsPressureToSell/);
  });

  it('explains a locator before the first one, states signs in words, and rounds what it cannot know precisely', () => {
    expect(md.indexOf('A locator such as 2022¶4')).toBeGreaterThan(0);
    expect(md.indexOf('A locator such as 2022¶4')).toBeLessThan(md.indexOf('(2020¶4)'));
    const summary = md.slice(md.indexOf('## Summary'), md.indexOf('## 1. '));
    expect(summary).not.toMatch(/\(positive: /);
    expect(summary).toMatch(/Asking Beijing for help.* (worse|better) off than never asking|exactly where never asking does/);
    // A break-even cost of war is an extrapolation: two significant figures, not 236.68.
    const flip = /war costs Washington about (\S+) points/.exec(summary);
    if (flip) expect((flip[1] as string).replace(/^-|\.|0+$/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(2);
  });

  it('quotes each claim as a paragraph of its own', () => {
    const lines = student.split('\n');
    let quotes = 0;
    lines.forEach((l, i) => {
      if (!l.startsWith('> ')) return;
      quotes++;
      expect(lines[i + 1], l).toBe('');
    });
    expect(quotes).toBeGreaterThanOrEqual(LESSONS.reduce((t, l) => t + l.claims.length, 0));
  });

  it('explains a 95% interval before the first one appears in a table', () => {
    const explained = md.indexOf('95% interval');
    const firstTable = md.indexOf('\n| ');
    expect(explained).toBeGreaterThan(0);
    expect(explained).toBeLessThan(firstTable);
    expect(md.slice(explained - 400, explained)).toMatch(/How to read a number with an interval/);
  });

  it("step 4's ask-without-paying row is a direct batch's numbers", async () => {
    const acc = await batch(s.params, 'as-is', 'asksNeverPays');
    const war = proportionInterval(acc.outcomes[OUTCOME_NAMES.indexOf('war')]!, acc.n);
    expect(md).toContain(`| asks, never pays | ${ci(stat(acc, 'payoffUs'))} | ${(war.p * 100).toFixed(1)}% |`);
    const free = variants(s.params, ['C9'])[1]!.params;
    const accFree = await batch(free, 'C9-off', 'asksNeverPays');
    expect(md).toContain(`| asks, never pays, C9 off | ${ci(stat(accFree, 'payoffUs'))} |`);
  });

  it("step 8's sweep of the war weight is direct batches' numbers", async () => {
    const x4 = scaleWeight(s.params, 'payoffs.us.war', 4);
    expect(x4.payoffs.us.war).toBe(4 * s.params.payoffs.us.war);
    const cols = stat(await batch(x4, 'us-war-x4', 'columns'), 'payoffUs');
    const ask = stat(await batch(x4, 'us-war-x4', 'asksBeijing'), 'payoffUs');
    expect(md).toContain(`| ${f2(4 * s.params.payoffs.us.war)} (x4) | ${f2(cols.mean)} (war `);
    expect(md).toMatch(new RegExp(`\\| ${f2(4 * s.params.payoffs.us.war)} \\(x4\\) \\| [^|]+ \\| ${f2(ask.mean).replace('.', '\\.')} \\(war `));
  });

  it("step 3 splits the cost of paying into credibility and learning, measured", async () => {
    const asIs = [await batch(s.params, 'as-is', 'appeaser'), await batch(s.params, 'as-is', 'sanctioner')];
    const p = structuredClone(s.params);
    p.us.credibilityLossPerConcession = 0;
    const noCred = [await batch(p, 'no-credibility-cost', 'appeaser'), await batch(p, 'no-credibility-cost', 'sanctioner')];
    const gap = (x: typeof asIs) => stat(x[1]!, 'payoffUs').mean - stat(x[0]!, 'payoffUs').mean;
    expect(key).toContain(`the credibility cost alone carries ${f2(gap(asIs) - gap(noCred))} of it`);
    expect(student).toMatch(/Concessions cost credibility directly|costs credibility with allies/);
  });
});
