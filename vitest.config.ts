// Test runner configuration: tests live next to the code (design.md principle 7).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
