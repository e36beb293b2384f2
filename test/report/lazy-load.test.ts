import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../cli/helpers.js';
import { packageRoot } from '../../src/package-root.js';

// The chart libraries are heavy; only commands that write HTML may load them. A module hook
// records every module the CLI resolves, and the test reads which of them came from vega.

const HOOK = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
  export async function resolve(specifier, context, next) {
    const r = await next(specifier, context);
    if (/node_modules\\\\/vega/.test(r.url)) process.stderr.write('LOADED ' + r.url + '\\\\n');
    return r;
  }\`));
`;

function loadedVega(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`, BIN, ...args], { encoding: 'utf8', cwd: packageRoot() });
  return r.stderr.split('\n').filter((l) => l.startsWith('LOADED '));
}

describe('vega is loaded only to draw', () => {
  it('not by a text run, a batch, or help', () => {
    expect(loadedVega(['run', '2022', '--seed', '3'])).toEqual([]);
    expect(loadedVega(['batch', '2022', '--runs', '20', '--workers', '1'])).toEqual([]);
    expect(loadedVega(['--help'])).toEqual([]);
  });

  it('but by --format html (so the hook does see it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-lazy-'));
    try {
      expect(loadedVega(['run', '2022', '--seed', '3', '--format', 'html', '--out', join(dir, 'g.html')]).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
