import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { INTEGRATION_WORKERS } from './test/support/integrationWorkers.js';
import { UNIT_TEST_FILES } from './test/unitTestFiles.js';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ES module builds; Node (and so every dependency) loads the CommonJS one, and
    // Vite would hand our sources the other. Types and errors of two copies fail graphql's realm checks.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Both projects inherit the options above and `resolve.alias` (`extends: true`).
    projects: [
      {
        extends: true,
        test: {
          // Pure tests: no Neo4j, no server, no browser; they run first, in parallel, in seconds.
          name: 'unit',
          include: [...UNIT_TEST_FILES],
          // They keep no state between files, so a worker reuses its loaded modules for the next file.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...UNIT_TEST_FILES],
          // One real, seeded Neo4j per worker, on free ports with throw-away stores: some files assert the whole graph
          // is unchanged, so two files never share one at the same time.
          globalSetup: ['test/support/globalSetup.ts'],
          setupFiles: ['test/support/claimSharedNeo4j.ts'],
          // Files keep their state in the Neo4j they claim, not in modules: reusing a worker's loaded modules saves
          // each file 1-2 CPU s of imports.
          isolate: false,
          maxWorkers: INTEGRATION_WORKERS,
          // A browser or a server shares two cores with three other workers here: what a page shows may take seconds
          // to appear, and no poll asserts time.
          expect: { poll: { timeout: 30_000 } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
