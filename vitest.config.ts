import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ES module builds; Node (and so every dependency) loads the CommonJS one, and
    // Vite would hand our sources the other. Types and errors of two copies fail graphql's realm checks.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
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
