import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

/** The real, built CLI (npm test builds first): package.json's bin, run as a person would run it. */
export const BIN = join(packageRoot(), (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { bin: { leverage: string } }).bin.leverage);

/**
 * Where the CLI runs in tests: a fresh folder of this test file's own (under the run's
 * temporary folder), never the checkout, so a file a command writes under a fixed name
 * (`game.jsonl`, as in the README's examples) cannot land beside a person's own files or
 * another test's. It holds a link to the shipped scenarios, so `scenarios/2022.yaml` reads
 * as it does in a checkout.
 */
let workDir: string | undefined;
export function cliWorkDir(): string {
  if (!workDir) {
    workDir = mkdtempSync(join(tmpdir(), 'lev-cwd-'));
    symlinkSync(join(packageRoot(), 'scenarios'), join(workDir, 'scenarios'));
  }
  return workDir;
}

export function leverage(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: cliWorkDir(), env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A person's mistake: exit 2, one clear line naming the problem, never a stack trace. */
export function expectUserError(r: ReturnType<typeof leverage>, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err.trim().split('\n').length).toBeLessThanOrEqual(2);
}
