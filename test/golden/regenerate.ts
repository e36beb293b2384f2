// Rewrites the golden playthroughs after an intended rule change: `npm run golden`,
// then read the diff (git diff test/golden) before committing it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_CASES, GOLDEN_DIR, playCase } from './cases.js';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const c of GOLDEN_CASES) {
  const session = playCase(c);
  writeFileSync(join(GOLDEN_DIR, c.file), session.toJsonl());
  console.log(`${c.file}: ${session.outcome()} after ${session.ctx.roundsPlayed} rounds`);
}
