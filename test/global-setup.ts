import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

// Every temporary folder a test makes (its own, a CLI child's, the browser's profile) lands in
// one folder for this run, removed when the run ends, so no test can leave litter in /tmp.
const PREFIX = 'leverage-tests-';

export default function setup(): () => void {
  // Each vitest project runs the global setup; the first one's folder serves them all (a
  // folder per project nested inside it made paths too long for 80 columns and a socket).
  if (basename(process.env.TMPDIR ?? '').startsWith(PREFIX)) return () => {};
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
