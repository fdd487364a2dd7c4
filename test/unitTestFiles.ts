/**
 * The test files that need neither Neo4j, the test server nor Chromium: the `unit` project runs them without the
 * Neo4j-backed global setup (`npm run test:unit`, seconds). Every other file belongs to the `integration` project.
 * A file listed here must not start or import the test server; `test/unitTestFiles.test.ts` checks that.
 */
export const UNIT_TEST_FILES: readonly string[] = [
  'test/auth/createJwtVerifier.test.ts',
  'test/bench/measureOperation.test.ts',
  'test/bulk/importCsvTables.test.ts',
  'test/config.test.ts',
  'test/export/createExportRouter.test.ts',
  'test/export/createGraphqlLoadGraph.test.ts',
  'test/export/serializeCsvZip.test.ts',
  'test/export/serializeCytoscapeJson.test.ts',
  'test/export/serializeGexf.test.ts',
  'test/export/serializeGraphml.test.ts',
  'test/generate/writeScaleGraph.test.ts',
  'test/graphql/fieldRegistry.test.ts',
  'test/graphql/memoizeBySelection.test.ts',
  'test/graphql/projectionShapeOf.test.ts',
  'test/models/ReadAheadCache.test.ts',
  'test/nlp/kazakhCaseSuffixes.test.ts',
  'test/repositories/cypherList.test.ts',
  'test/repositories/defineColumns.test.ts',
  'test/repositories/entityProjection.test.ts',
  'test/repositories/includeCost.test.ts',
  'test/search/normalizeName.test.ts',
  'test/search/toLuceneQuery.test.ts',
  'test/security/csvFormulaInjection.test.ts',
  'test/seed/articleFacts.test.ts',
  'test/seed/collectExcerpts.test.ts',
  'test/seed/findMissingExcerpts.test.ts',
  'test/seed/renderSeedDraft.test.ts',
  'test/seed/sourceSchema.test.ts',
  'test/server/compiledSize.test.ts',
  'test/server/createCompiledExecutionGateway.test.ts',
  'test/server/graphqlHttpHandlers.test.ts',
  'test/unitTestFiles.test.ts',
];
