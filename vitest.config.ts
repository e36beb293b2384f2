import { defineConfig } from 'vitest/config';

// Two projects: `fast` (the model, scenarios, engine and golden games, in-process and
// seconds long: `npm run test:fast`, or `npx vitest run test/model`) and `slow` (CLI and
// terminal processes, batches on worker threads, the network, browsers, reports,
// calibration, the type-level tests: they want a fresh `dist/`, so `npm run test:slow`
// builds first). `npm test` runs both.
const FAST = ['test/model', 'test/scenario', 'test/record', 'test/engine', 'test/golden', 'test/strategies', 'test/rng'];
const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const under = (dirs: string[]) => dirs.flatMap((d) => [`${d}/**/*.test.ts`, `${d}/**/*.test.tsx`]);

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    env: {
      // Frames without colour codes, so tests read the text a person reads.
      FORCE_COLOR: '0',
      // The UI tests drive an interactive terminal; under CI ink defers its frames for logs
      // (it reads CI on import), so the test processes must not look like CI to ink.
      CI: 'false',
      CONTINUOUS_INTEGRATION: 'false',
    },
    testTimeout: 30_000,
    // Both cores: the suite is mostly processes the tests start and wait on, so two files at
    // a time keep the machine busy without crowding it (one worker took over seven minutes).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'fast', include: under(FAST) } },
      { extends: true, test: { name: 'slow', include: ALL, exclude: under(FAST) } },
    ],
  },
});
