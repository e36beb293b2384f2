/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leverage } from '../cli/helpers.js';

// Generated reports opened in a real browser: the system's headless Chromium (Debian's
// `chromium` package; .ci/run installs it), driven by puppeteer-core, which never downloads
// a browser of its own. Set CHROMIUM=/path/to/chrome to use another one.

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

const chromium = findChromium();
if (!chromium) {
  console.warn('SKIPPED: the browser tests need Chromium and none is installed. Install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM=/path/to/chrome.');
}

const dir = mkdtempSync(join(tmpdir(), 'lev-browser-'));
let browser: Browser | undefined;

beforeAll(async () => {
  if (!chromium) return;
  browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface FigureCheck {
  id: string;
  width: number;
  height: number;
  marks: number;
  expected: number;
}

/** Open a page; fail on console errors, page errors and any request beyond the file itself. */
async function open(file: string) {
  const page = await (browser as Browser).newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${String(e)}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.setViewport({ width: 1280, height: 800 });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests: () => requests.filter((r) => r !== url) };
}

async function figures(page: Awaited<ReturnType<typeof open>>['page']): Promise<FigureCheck[]> {
  return page.$$eval('figure.chart', (els) =>
    els.map((el) => {
      const svg = el.querySelector('svg') as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      // Data marks are the children of vega's mark groups (axes and legends have other roles).
      const marks = svg.querySelectorAll('g.role-mark > *').length;
      return { id: el.id, width: box.width, height: box.height, marks, expected: Number(el.getAttribute('data-marks')) };
    }),
  );
}

const run = (name: string, args: string[]) => {
  const file = join(dir, `${name}.html`);
  const r = leverage([...args, '--out', file]);
  expect(r.code, r.err).toBe(0);
  return file;
};

describe.skipIf(!chromium)('HTML reports in headless Chromium', () => {
  const pages: Record<string, string> = {};

  it('compare, explain and one game open with no errors, no requests, and every chart drawn in full', async () => {
    pages.compare = run('compare', ['compare', '2020', '2022', '2023', '--us', 'all', '--runs', '80', '--format', 'html', '--workers', '2']);
    pages.explain = run('explain', ['explain', '2022', '--format', 'html', '--runs', '50']);
    pages.game = run('game', ['run', '2022', '--seed', '2', '--format', 'html']);
    const counts: Record<string, number> = {};
    for (const [name, file] of Object.entries(pages)) {
      const { page, errors, requests } = await open(file);
      const figs = await figures(page);
      counts[name] = figs.length;
      for (const f of figs) {
        expect(f.width, `${name} ${f.id} width`).toBeGreaterThan(100);
        expect(f.height, `${name} ${f.id} height`).toBeGreaterThan(50);
        expect(f.expected, `${name} ${f.id} declares its marks`).toBeGreaterThan(0);
        expect(f.marks, `${name} ${f.id} marks`).toBe(f.expected);
        // At 1280 px every chart fits the page: nothing to scroll sideways.
        expect(f.width).toBeLessThanOrEqual(1280);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(1280);
      const shot = join(dir, `${name}.png`);
      await page.screenshot({ path: shot });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(errors, name).toEqual([]);
      expect(requests(), `${name} made requests`).toEqual([]);
      await page.close();
    }
    expect(counts.compare).toBe(2);
    expect(counts.game).toBe(1);
    expect(counts.explain).toBeGreaterThan(5);
  }, 180_000);

  it('prints on A4 and Letter with no chart taller or wider than a page', async () => {
    for (const [name, file] of Object.entries(pages)) {
      const { page } = await open(file);
      await page.emulateMediaType('print');
      for (const format of ['A4', 'Letter'] as const) {
        // Printable area in CSS pixels (96 per inch) inside 12 mm margins.
        const size = format === 'A4' ? { w: 210, h: 297 } : { w: 215.9, h: 279.4 };
        const margin = 12;
        const px = (mm: number) => (mm / 25.4) * 96;
        await page.setViewport({ width: Math.floor(px(size.w - 2 * margin)), height: 800 });
        const figs = await figures(page);
        for (const f of figs) {
          expect(f.width, `${name} ${format} ${f.id} width`).toBeLessThanOrEqual(px(size.w - 2 * margin) + 1);
          const fig = await page.$eval(`#${f.id}`, (el) => el.getBoundingClientRect().height);
          expect(fig, `${name} ${format} ${f.id} fits one page`).toBeLessThan(px(size.h - 2 * margin));
        }
        const pdf = await page.pdf({ format, margin: { top: `${margin}mm`, bottom: `${margin}mm`, left: `${margin}mm`, right: `${margin}mm` } });
        expect(pdf.length).toBeGreaterThan(5_000);
      }
      await page.close();
    }
  }, 180_000);
});

describe.skipIf(!chromium)('what a class reads in the reports (issue 21)', () => {
  /** Every written cell of a heat table inside its coloured cell: no text runs into the next column. */
  async function textOutsideCells(page: Awaited<ReturnType<typeof open>>['page']): Promise<string[]> {
    return page.$$eval('figure.chart svg', (svgs) =>
      svgs.flatMap((svg) => {
        const rects = Array.from(svg.querySelectorAll('g.mark-rect.role-mark > path')).map((r) => r.getBoundingClientRect());
        return Array.from(svg.querySelectorAll('g.mark-text.role-mark > text')).flatMap((t) => {
          const b = t.getBoundingClientRect();
          const cx = b.left + b.width / 2;
          const cy = b.top + b.height / 2;
          const cell = rects.find((r) => r.left <= cx && cx <= r.right && r.top <= cy && cy <= r.bottom);
          if (!cell) return [];
          const inside = b.left >= cell.left - 1 && b.right <= cell.right + 1 && b.top >= cell.top - 1 && b.bottom <= cell.bottom + 1;
          return inside ? [] : [t.textContent ?? ''];
        });
      }),
    );
  }

  it('robustness and report: every verdict stays in its cell, on screen and in print', async () => {
    const file = run('robustness-cells', ['robustness', 'baseline', '--runs', '50', '--workers', '1', '--format', 'html']);
    const { page } = await open(file);
    expect(await textOutsideCells(page)).toEqual([]);
    await page.emulateMediaType('print');
    await page.setViewport({ width: 700, height: 900 });
    expect(await textOutsideCells(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it("explain: each step's table fits beside its chart at 1280 px", async () => {
    const file = run('explain-tables', ['explain', 'baseline', '--format', 'html', '--runs', '50', '--workers', '1']);
    const { page } = await open(file);
    const overflowing = await page.$$eval('.beside .table', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.closest('figure')?.id));
    expect(overflowing).toEqual([]);
    await page.close();
  }, 120_000);

  it('tournament: under 500 KB, the answer first, column names in view while scrolling', async () => {
    const file = run('tournament-all', ['tournament', 'baseline', '--runs', '20', '--workers', '1', '--format', 'html']);
    expect(statSync(file).size).toBeLessThan(500_000);
    const { page } = await open(file);
    expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent))).toEqual(['The answer: equilibria and best replies', 'Every profile']);
    const headTop = await page.evaluate(() => {
      window.scrollTo(0, document.body.scrollHeight - 1200);
      return (document.querySelector('table.long thead th') as HTMLElement).getBoundingClientRect().top;
    });
    expect(headTop).toBeGreaterThanOrEqual(0);
    expect(headTop).toBeLessThan(5);
    await page.close();
  }, 120_000);
});
