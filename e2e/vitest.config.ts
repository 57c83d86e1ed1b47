import { defineConfig } from 'vitest/config';

// End-to-end specs: a real server process and Debian's Chromium driven by playwright-core.
export default defineConfig({
  test: {
    include: ['e2e/src/**/*.spec.ts'],
    globalSetup: ['e2e/src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
