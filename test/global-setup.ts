import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every temporary folder a test makes (its own, a CLI child's, the browser's profile) lands in
// one folder for this run, removed when the run ends, so no test can leave litter in /tmp.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'leverage-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
