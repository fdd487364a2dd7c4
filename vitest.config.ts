import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real Neo4j for the whole run, on a free port with a throw-away store.
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Files share one database and some assert the whole graph is unchanged, so they run one at a time.
    fileParallelism: false,
  },
});
