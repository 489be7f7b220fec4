import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{electron,data,checklists,geo,renderer}/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
