import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The running server (introspection), or a downloaded copy: curl -o schema.graphql localhost:4000/schema.graphql
  schema: process.env['COOPGRAPH_SCHEMA'] ?? 'http://localhost:4000/graphql',
  documents: ['src/**/*.ts'],
  // Without it, a first run (before any graphql() call exists) fails with "Unable to find any GraphQL type definitions".
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        // `import type` for types, so the output compiles under `verbatimModuleSyntax` and `isolatedModules`.
        useTypeImports: true,
        // Dates travel as ISO-8601 strings (`2025-09-09`); without this they would be typed `any`.
        scalars: { Date: 'string' },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
