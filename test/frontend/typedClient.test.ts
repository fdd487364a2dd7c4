import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer.js';
import { runNodeTool } from './runNodeTool.js';

const RECIPE = path.resolve('examples/typed-client');
const codegen = (cwd: string, schema: string) =>
  runNodeTool('@graphql-codegen/cli/esm/bin.js', ['--config', 'codegen.ts'], cwd, { COOPGRAPH_SCHEMA: schema });
const tsc = (cwd: string) => runNodeTool('typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json'], cwd);

/** The README's typed-client recipe (examples/typed-client), followed step by step in a fresh folder. */
describe('typed client recipe', () => {
  let server: TestServer;
  let project: string;
  /** What codegen generated from introspection for the recipe's operations. */
  let introspected: string;
  beforeAll(async () => {
    server = await startTestServer();
    project = await mkdtemp(path.join(tmpdir(), 'coopgraph-typed-client-'));
    // The packages the recipe installs are devDependencies of this repository, so no network is needed.
    await symlink(path.resolve('node_modules'), path.join(project, 'node_modules'), 'dir');
    for (const file of ['package.json', 'codegen.ts', 'tsconfig.json'])
      await cp(path.join(RECIPE, file), path.join(project, file));
    await mkdir(path.join(project, 'src'));
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
    await server.close();
  });

  it('runs codegen before any operation is written (ignoreNoDocuments)', async () => {
    const run = await codegen(project, `${server.url}/graphql`);
    expect(run.stderr + run.stdout).not.toMatch(/Unable to find any GraphQL type definitions/);
    expect(run.code).toBe(0);
  });

  it('generates types for a named operation from introspection, and they type-check', async () => {
    await cp(path.join(RECIPE, 'src'), path.join(project, 'src'), { recursive: true });
    const run = await codegen(project, `${server.url}/graphql`);
    expect(run.code, run.stderr).toBe(0);
    const types = await readFile(path.join(project, 'src/gql/graphql.ts'), 'utf8');
    introspected = types;
    expect(types).toContain('export type NetworkAroundQuery = ');
    // The Date scalar arrives as a string, not `any`.
    expect(types).toMatch(/sources: Array<\{ id: string, title: string, publishedOn: string \}>/);
    expect(types).toMatch(/^import type /m);
    const check = await tsc(project);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('types results for real: a Date read as a number fails tsc', async () => {
    await writeFile(
      path.join(project, 'src/wrong.ts'),
      `import { graphql } from './gql';\nimport { request } from './request';\n` +
        'const Q = graphql(`query Dates { sources { publishedOn } }`);\n' +
        "const data = await request('http://localhost:4000/graphql', Q, {});\nexport const day: number = data.sources[0]!.publishedOn;\n",
    );
    expect((await codegen(project, `${server.url}/graphql`)).code).toBe(0);
    const check = await tsc(project);
    expect(check.code).not.toBe(0);
    expect(check.stdout).toMatch(/src\/wrong\.ts.*Type 'string' is not assignable to type 'number'/);
    await rm(path.join(project, 'src/wrong.ts'));
  });

  it('runs the typed operation against the server', async () => {
    await writeFile(
      path.join(project, 'run.ts'),
      "import { describeNetwork } from './src/network';\nconsole.log(await describeNetwork(process.env.COOPGRAPH_URL!, ['organization/ktz']));\n",
    );
    const run = await runNodeTool('tsx/dist/cli.mjs', ['run.ts'], project, { COOPGRAPH_URL: `${server.url}/graphql` });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ nodes; first: [A-Z]+ .+; a source published on \d{4}-\d{2}-\d{2}\n$/);
  });

  it('generates the same from the downloaded schema file (GET /schema.graphql)', async () => {
    const sdl = await (await fetch(`${server.url}/schema.graphql`)).text();
    await writeFile(path.join(project, 'schema.graphql'), sdl);
    await rm(path.join(project, 'src/gql'), { recursive: true });
    const run = await codegen(project, 'schema.graphql');
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(project, 'src/gql/graphql.ts'), 'utf8')).toBe(introspected);
  });
});
