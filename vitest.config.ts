// Test runner configuration: tests live next to the code (design.md principle 7).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
    // Vitest's default is cores − 1: one file at a time on two cores, though many files spend their time waiting
    // on a child process, a browser or a database. Two at a time on two cores (measured: see the closing note).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/support/global-setup.ts'],
  },
});
