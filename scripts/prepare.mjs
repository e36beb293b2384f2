// npm's `prepare` hook: build a checkout at `npm install`, and skip the build when dist/ was
// built from exactly these sources. npx installs a checkout into its own cache (a link to
// it) the first time `npx leverage` runs there, and that install runs `prepare` again: with
// an unconditional build, the first `npx leverage` after `npm install` rebuilt for 40-90 s.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.sources-sha256';
// Everything the build reads: the sources it compiles or bundles, its scripts and settings.
const INPUTS = ['src', 'bench', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function sourcesDigest() {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(files)) h.update(`${f}\n`).update(readFileSync(f)).update('\n');
  return h.digest('hex');
}

const built = existsSync('dist/cli/leverage.js') && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === sourcesDigest();
if (built) {
  process.stderr.write('leverage: dist/ is already built from these sources; not rebuilding.\n');
} else {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // After the build: it regenerates src/engine/compiled-round.generated.ts, which is hashed too.
  writeFileSync(STAMP, sourcesDigest() + '\n');
}
