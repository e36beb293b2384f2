import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUserError, leverage } from '../cli/helpers.js';

// `--format html` through the real CLI: the page is valid HTML (checked by a validator, not
// patterns), fetches nothing, and embeds exactly the numbers `--format json` prints for the
// same run.

const dir = mkdtempSync(join(tmpdir(), 'lev-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function checkPage(file: string): Promise<string> {
  const html = readFileSync(file, 'utf8');
  const report = await validator.validateString(html);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  expect(problems).toEqual([]);
  // Nothing to fetch: the only URLs are the SVG namespace names, which are never loaded.
  const urls = [...html.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')<]*/gi)].map((m) => m[0]);
  expect(urls.filter((u) => !/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/.test(u))).toEqual([]);
  expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b|<script(?![^>]*type="application\/json")|\bsrc=|@import|url\((?!#)/i);
  return html;
}

function embedded(html: string): unknown {
  const m = /<script type="application\/json" id="leverage-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m, 'the page embeds its data').not.toBeNull();
  return JSON.parse((m as RegExpExecArray)[1] as string);
}

function htmlAndJson(args: string[], name: string): { html: string; json: unknown; file: string } {
  const file = join(dir, `${name}.html`);
  const h = leverage([...args, '--format', 'html', '--out', file]);
  expect(h.err).toContain(`wrote ${file}`);
  expect(h.code).toBe(0);
  const j = leverage([...args, '--format', 'json']);
  expect(j.code).toBe(0);
  return { html: readFileSync(file, 'utf8'), json: JSON.parse(j.out), file };
}

describe('--format html', () => {
  it('compare: a valid page whose embedded data is the json of the same run', async () => {
    const { file, json } = htmlAndJson(['compare', '2020', '2022', '--us', 'appeaser,sanctioner,exposer', '--runs', '60', '--seed', '3', '--workers', '1'], 'compare');
    const html = await checkPage(file);
    expect(embedded(html)).toEqual(json);
    expect((json as { kind: string }).kind).toBe('leverage-compare');
    expect(html.match(/<figure class="chart/g)?.length).toBe(2);
    expect(html).toContain('Reproduce: leverage compare 2020 2022');
  });

  it('batch, tournament, sweep and robustness embed their json too', async () => {
    const cases: [string, string[]][] = [
      ['batch', ['batch', '2022', '--us', 'appeaser,sanctioner', '--runs', '50', '--workers', '1']],
      ['tournament', ['tournament', '2022', '--us', 'appeaser,sanctioner', '--china', 'opportunist,restrained', '--runs', '30', '--workers', '1']],
      ['sweep', ['sweep', '2022', '--param', 'start.chinaInfluence=0.2:0.8:0.3', '--param', 'start.tension=0.2:0.6:0.4', '--runs', '30', '--workers', '1']],
      ['robustness', ['robustness', '2022', '--runs', '50', '--workers', '1']],
    ];
    for (const [name, args] of cases) {
      const { file, json } = htmlAndJson(args, name);
      // The tournament page leaves out the per-profile batch detail (megabytes of histograms): --format json has it.
      const expected = name === 'tournament' ? { ...(json as Record<string, unknown>), batch: undefined } : json;
      expect(embedded(await checkPage(file)), name).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  }, 120_000);

  it('run and replay: one game, its data the JSONL log that run --json prints', async () => {
    const args = ['run', '2022', '--seed', '4', '--us', 'sanctioner'];
    const file = join(dir, 'run.html');
    const log = join(dir, 'game.jsonl');
    expect(leverage([...args, '--format', 'html', '--out', file, '--log', log]).code).toBe(0);
    const lines = leverage([...args, '--json']).out.trim().split('\n').map((l) => JSON.parse(l));
    const html = await checkPage(file);
    expect(embedded(html)).toEqual(lines);
    // Every move is a row of the annotated table, with its claims.
    const moves = lines.filter((l: { type: string }) => l.type === 'move').length;
    const chance = lines.filter((l: { type: string }) => l.type === 'chance').length;
    expect(html.split('<tbody>')[2]?.match(/<tr>/g)?.length).toBe(moves + chance);
    expect(html).toMatch(/<td>C\d+/);
    const replayed = join(dir, 'replay.html');
    const r = leverage(['replay', log, '--format', 'html', '--out', replayed]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('reproduced exactly');
    expect(embedded(await checkPage(replayed))).toEqual(lines);
  });

  it('fork: the two distributions, its data the json of the same fork', async () => {
    const log = join(dir, 'fork-game.jsonl');
    leverage(['run', '2022', '--seed', '4', '--log', log]);
    const { file, json } = htmlAndJson(['fork', log, '--at', '2', '--us', 'expose', '--runs', '40'], 'fork');
    expect(embedded(await checkPage(file))).toEqual(json);
    expect((json as { kind: string }).kind).toBe('leverage-fork');
  });

  it('explain: a chart beside its table in every step, the predictions as questions, a debrief', async () => {
    const file = join(dir, 'explain.html');
    const r = leverage(['explain', '2022', '--format', 'html', '--out', file, '--runs', '50']);
    expect(r.code).toBe(0);
    const html = await checkPage(file);
    const data = embedded(html) as { lessons: { title: string; table: { rows: string[][] } }[] };
    const steps = data.lessons.length;
    expect(steps).toBeGreaterThan(5);
    expect(html.match(/<figure class="chart with-table"/g)?.length).toBe(steps);
    expect(html.match(/<div class="question">/g)?.length).toBe(steps + 1);
    expect(html).toContain('<h2>Debrief</h2>');
    // The table beside each chart is the lesson's own table.
    const first = data.lessons[0]?.table.rows[0]?.[1] as string;
    expect(html).toContain(first);
  }, 60_000);

  it('report: one page of an analysis, embedded as json', async () => {
    const file = join(dir, 'report.html');
    const r = leverage(['report', '2022', '--out', file, '--runs', '50', '--workers', '2']);
    expect(r.err).toContain('wrote');
    expect(r.code).toBe(0);
    const html = await checkPage(file);
    const data = embedded(html) as { kind: string; compare: { rows: unknown[] }; scenarios: { differences: unknown[]; sweep: { oneAtATime: unknown[] }; screening: { path: string }[] }[] };
    expect(data.kind).toBe('leverage-report');
    const s = data.scenarios[0] as (typeof data.scenarios)[number];
    expect(s.differences.length).toBeGreaterThan(0);
    expect(s.sweep.oneAtATime).toHaveLength(3);
    expect(s.screening.every((p) => !p.path.startsWith('payoffs.'))).toBe(true);
    expect(html).toContain('differ from the baseline');
    // The equilibria, PRIM and Sobol pictures only with --where-it-holds: the default stays quick.
    expect(html).not.toContain('qre-path');
  }, 120_000);

  it('report --where-it-holds: equilibria, PRIM and Sobol pictures per scenario, from the data it embeds', async () => {
    const file = join(dir, 'report-where.html');
    const r = leverage(['report', '2022', '--where-it-holds', '--out', file, '--runs', '50', '--workers', '2']);
    expect(r.code).toBe(0);
    const html = await checkPage(file);
    type Where = { equilibria: { mixed: unknown[]; qre: unknown[]; table?: unknown }; discover: { holdsShare: number; points: unknown[]; prim: { chosen: { density: number } } }; sobol: { n: number; factors: { name: string }[] } };
    const data = embedded(html) as { scenarios: { where?: Where }[] };
    const w = (data.scenarios[0] as { where?: Where }).where as Where;
    expect(w.equilibria.mixed.length).toBeGreaterThan(0);
    expect(w.equilibria.qre.length).toBeGreaterThan(10);
    // The strategy table is left out of the page's data: it would be most of the page.
    expect(w.equilibria.table).toBeUndefined();
    expect(w.discover.points).toHaveLength(100);
    expect(w.sobol.factors.map((f) => f.name)).toContain('luck (the seed)');
    for (const id of ['qre-path', 'alpha-rank', 'prim-tradeoff', 'prim-box', 'sobol-bars']) expect(html).toContain(`id="report-2022-${id}"`);
    // The sentence above the pictures is the discover run's own share.
    expect(html).toContain(`than the appeaser at ${(100 * w.discover.holdsShare).toFixed(0)}% of 100 points`);
  }, 180_000);

  it('refuses html without a file, or into a file not named .html, and leaves no partial file', () => {
    expectUserError(leverage(['compare', '2022', '--format', 'html']), /--format html writes a page to a file\. Fix: add --out FILE\.html/);
    expectUserError(leverage(['compare', '2022', '--format', 'html', '--out', join(dir, 'x.txt')]), /needs a file ending in \.html/);
    expectUserError(leverage(['run', '--format', 'html']), /add --out FILE\.html/);
    expectUserError(leverage(['run', '--out', join(dir, 'game.txt')]), /writes only its html page to a file/);
    expectUserError(leverage(['explain', '--format', 'html']), /add --out FILE\.html/);
    const missing = join(dir, 'no-such-folder', 'c.html');
    expectUserError(leverage(['report', '2022', '--out', missing]), /does not exist/);
    expect(existsSync(missing)).toBe(false);
  });
});
