import { defineConfig } from 'vitest/config';

// `npm run test:faults`: kills and restarts real processes (the built app, PostgreSQL, Meilisearch), each file
// on its own private services. Kept out of `npm test` (vite.config.ts excludes tests/faults/**).
export default defineConfig({
  test: {
    // tests/production/: the Dockerfile replayed (npm ci + build in a scratch copy: minutes, hence here).
    include: ['tests/faults/**/*.test.ts', 'tests/production/**/*.test.ts'],
    globalSetup: ['tests/faults/ensure-build.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Each file runs several real processes: one file at a time on a 2-core machine.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
