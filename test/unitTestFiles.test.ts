import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.js';
import { INTEGRATION_WORKERS } from './support/integrationWorkers.js';
import { UNIT_TEST_FILES } from './unitTestFiles.js';

/** Helpers that start or reach the test run's Neo4j, the server or Chromium: a unit test must not use them. */
const INTEGRATION_ONLY = [
  'startTestServer',
  'sharedNeo4j',
  'startIsolatedNeo4j',
  'startSupervisedNeo4j',
  'startEmbeddedNeo4j',
  'launchChromium',
  'globalSetup',
];

/** The files under `test/` that `file` imports, directly or through other files under `test/`. */
function testImportsOf(file: string, seen = new Set<string>()): Set<string> {
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const target = path.join(path.dirname(file), specifier!.replace(/\.js$/, '.ts'));
    if (!target.startsWith('test/') || seen.has(target) || !existsSync(target)) continue;
    seen.add(target);
    testImportsOf(target, seen);
  }
  return seen;
}

describe('the unit test project', () => {
  it('lists only files that exist', () => {
    expect(UNIT_TEST_FILES.filter((file) => !existsSync(file))).toEqual([]);
  });

  it.each(UNIT_TEST_FILES)('%s reaches no Neo4j, server or browser', (file) => {
    const sources = [file, ...testImportsOf(file)].map((source) => ({ source, text: readFileSync(source, 'utf8') }));
    const offences = sources.flatMap(({ source, text }) => [
      ...INTEGRATION_ONLY.filter((name) => new RegExp(`from '[^']*/${name}\\.js'`).test(text)).map(
        (name) => `${source} imports ${name}`,
      ),
      ...(/\binject\(/.test(text) ? [`${source} reads what the integration setup provides`] : []),
    ]);
    expect(offences).toEqual([]);
  });

  it('runs without the Neo4j setup, and the integration project runs as many files as it starts Neo4js', () => {
    const projects = (config.test?.projects ?? []) as TestProjectInlineConfiguration[];
    const byName = new Map(projects.map((project) => [project.test?.name, project.test]));
    expect(byName.get('unit')?.globalSetup).toBeUndefined();
    expect(byName.get('integration')).toMatchObject({
      globalSetup: ['test/support/globalSetup.ts'],
      maxWorkers: INTEGRATION_WORKERS,
    });
    expect(config.test?.globalSetup).toBeUndefined();
  });
});
