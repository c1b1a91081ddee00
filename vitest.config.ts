import { defineConfig } from 'vitest/config';
import { FUZZ } from './test/setup/fuzz.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check.ts'],
    globalSetup: ['test/setup/build-cli.ts'],
    // Fuzz mode runs ten times the cases: give its properties the time they need.
    testTimeout: FUZZ ? 3_600_000 : 60_000,
  },
});
