import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, leverage } from './helpers.js';
import { packageRoot } from '../../src/package-root.js';
import { commandIndex, newProgram, registerCommands, registerIndex } from '../../src/cli/program.js';

// The installed bin is the bundled entry (scripts/bundle-cli.mjs). The top-level help is
// printed from the build's index of the commands without loading any of them, so it must
// say exactly what the commands themselves would; and plain commands must not load the
// heavy libraries that only some commands need.

async function fullProgram() {
  const program = newProgram();
  await registerCommands(program);
  return program;
}

describe('the command line starts fast', () => {
  it('the bin is the bundled entry', () => {
    expect(BIN.endsWith('dist/cli/leverage.js')).toBe(true);
  });

  it("the index's help is the commands' own help, at any width", async () => {
    const program = await fullProgram();
    for (const width of [60, 80, 130]) {
      const fromIndex = newProgram();
      registerIndex(fromIndex, commandIndex(program));
      program.configureHelp({ helpWidth: width });
      fromIndex.configureHelp({ helpWidth: width });
      expect(fromIndex.helpInformation()).toBe(program.helpInformation());
    }
  });

  it('the built bin prints that help, and the version, and exits 0', async () => {
    const program = await fullProgram();
    program.configureHelp({ helpWidth: 80 });
    for (const args of [['--help'], ['-h']]) {
      const r = leverage(args);
      expect(r.code).toBe(0);
      expect(r.out).toBe(program.helpInformation());
    }
    // No command at all: the same help, on standard error (as before the index).
    expect(leverage([]).err).toBe(program.helpInformation());
    const v = leverage(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // A module hook prints every module the CLI resolves.
  const HOOK = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
  export async function resolve(specifier, context, next) {
    const r = await next(specifier, context);
    process.stderr.write('LOADED ' + r.url + '\\\\n');
    return r;
  }\`));
`;
  function loaded(args: string[]): string[] {
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`, BIN, ...args], { encoding: 'utf8', cwd: packageRoot() });
    expect(r.status).toBe(0);
    return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
  }
  const HEAVY = /node_modules\/(vega|vega-lite|ws|ink|react)\//;

  it('plain commands load none of vega, ws, ink or React', () => {
    for (const args of [['--help'], ['scenarios'], ['run', '2022', '--seed', '3'], ['batch', '2022', '--runs', '20', '--workers', '1'], ['sweep', '2022', '--param', 'payoffs.us.war=10:30:10', '--runs', '20', '--workers', '1']]) {
      expect(loaded(args).filter((u) => HEAVY.test(u)), args.join(' ')).toEqual([]);
    }
  });

  it('the top-level help loads a few bundled files and no package', () => {
    const urls = loaded(['--help']).filter((u) => !u.startsWith('node:'));
    expect(urls.every((u) => u.includes('/dist/cli/'))).toBe(true);
    expect(new Set(urls).size).toBeLessThan(8);
  });

  it("every command that reads a scenario parses zod without its ~40 locales", () => {
    // `import { z } from 'zod'` holds every locale (z.locales), ~366 KB of the chunk every
    // scenario-reading command parses at start; a namespace import keeps only what is used.
    const dir = join(packageRoot(), 'dist', 'cli');
    const bundled = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(bundled.some((text) => text.includes('node_modules/zod/'))).toBe(true);
    expect(bundled.filter((text) => /node_modules\/zod\/v4\/locales\/(?!en\.js)/.test(text))).toEqual([]);
  });
});
