// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of `src/`, lowest last: a folder may import its own files, `domain` and the folders below it, never
 * one above. `domain` imports nothing of ours. Root files (`errors.ts`, `config.ts`, the entry points) are shared.
 */
const LAYERS = {
  server: [
    'curate',
    'explorer',
    'export',
    'ftm',
    'graphiql',
    'auth',
    'graphql',
    'analysis',
    'changes',
    'bulk',
    'migrations',
    'repositories',
    'seed',
    'nlp',
    'search',
    'neo4j',
    'models',
  ],
  export: ['ftm', 'graphql', 'repositories', 'seed', 'neo4j', 'models'],
  ftm: ['repositories', 'seed', 'neo4j', 'models'],
  curate: [],
  explorer: [],
  graphiql: [],
  changes: ['models'],
  analysis: ['repositories', 'nlp', 'search', 'models'],
  graphql: ['auth', 'analysis', 'changes', 'repositories', 'seed', 'nlp', 'search', 'neo4j', 'models'],
  auth: ['repositories', 'neo4j', 'models'],
  bulk: ['repositories', 'seed', 'neo4j', 'models'],
  generate: ['seed'],
  migrations: ['repositories', 'neo4j', 'models'],
  repositories: ['seed', 'nlp', 'search', 'neo4j', 'models'],
  seed: ['search', 'models'],
  nlp: ['search', 'neo4j'],
  search: [],
  neo4j: [],
  models: [],
};
const FOLDERS = [...Object.keys(LAYERS), 'cli'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.cache/',
      'src/graphql/generated/',
      'src/*/public/',
      'examples/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { import: importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests read answers as the JSON they are.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: 'src/domain imports nothing of ours.' }] },
      ],
    },
  },
  ...Object.entries(LAYERS).map(([folder, below]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FOLDERS.filter((other) => other !== folder && !below.includes(other)).map(
                (other) => `**/${other}/**`,
              ),
              message: `src/${folder} may import only ${['domain', ...below].map((name) => `src/${name}`).join(', ')} and root files: layers point one way.`,
            },
          ],
        },
      ],
    },
  })),
);
