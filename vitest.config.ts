import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Store and process tests share one PostgreSQL database; keep files from stepping on each other.
    fileParallelism: true,
    pool: 'forks',
  },
});
