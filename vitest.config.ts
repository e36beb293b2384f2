import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
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
  },
});
