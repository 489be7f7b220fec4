import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false, // one browser at a time on a 2-core machine
    pool: 'forks',
    // Each file opens its own host on its own temporary data directory, so files must pass in
    // any order: run them shuffled (tests inside a file are one story and keep their order).
    sequence: { shuffle: { files: true, tests: false } },
  },
});
