import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

/** The real, built CLI (npm test builds first): package.json's bin, run as a person would run it. */
export const BIN = join(packageRoot(), (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { bin: { leverage: string } }).bin.leverage);

export function leverage(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: packageRoot(), env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A person's mistake: exit 2, one clear line naming the problem, never a stack trace. */
export function expectUserError(r: ReturnType<typeof leverage>, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err.trim().split('\n').length).toBeLessThanOrEqual(2);
}
