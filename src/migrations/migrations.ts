/** One schema change, applied once and recorded as `(:Migration {version})`. Never edit a released migration: add one. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'unique ids and full-text search',
    statements: [
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT excerpt_id IF NOT EXISTS FOR (n:Excerpt) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT attribute_id IF NOT EXISTS FOR (n:Attribute) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE',
      'CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
      'CREATE INDEX entity_search_keys IF NOT EXISTS FOR (n:Entity) ON (n.searchKeys)',
      'CREATE INDEX excerpt_source IF NOT EXISTS FOR (n:Excerpt) ON (n.sourceId)',
      "CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
    ],
  },
  {
    version: 2,
    name: 'API keys and the audit trail',
    statements: [
      'CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE',
      'CREATE INDEX api_key_name IF NOT EXISTS FOR (k:ApiKey) ON (k.name)',
      'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)',
    ],
  },
  {
    version: 3,
    name: 'indexes for reads at scale',
    statements: [
      // Attributes are found by their entity's id (signedOn, date, legalForm); without this every lookup scans them all.
      'CREATE INDEX attribute_entity IF NOT EXISTS FOR (n:Attribute) ON (n.entityId)',
    ],
  },
  {
    version: 4,
    name: 'agreement signing date on the node',
    statements: [
      // Agreements sort by signing date. Writers keep `signedOn` on the entity (the value of its first unretracted
      // signedOn attribute by id, the one the API shows), so a page sorts on a property instead of a subquery per agreement.
      'CREATE INDEX agreement_signed_on IF NOT EXISTS FOR (n:Agreement) ON (n.signedOn)',
      // Backfill for graphs written before this migration, in batches so that large graphs fit the heap.
      `MATCH (a:Attribute {key: 'signedOn'}) WITH DISTINCT a.entityId AS id
       CALL (id) {
         MATCH (n:Entity {id: id})
         SET n.signedOn = COLLECT { MATCH (x:Attribute {entityId: id, key: 'signedOn'}) WHERE x.retractedAt IS NULL RETURN x.value ORDER BY x.id LIMIT 1 }[0]
       } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    version: 5,
    name: 'lemma keys for search',
    statements: [
      // Names are searched in their dictionary forms too (`lemmaKeys`, written by the text-analysis worker): entities
      // written before are marked for it, in batches so that large graphs fit the heap.
      `MATCH (n:Entity) WHERE n.lemmaKeys IS NULL
       CALL (n) { SET n:NeedsLemmas } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    version: 6,
    name: 'how facts are known and signing bounds',
    statements: [
      // Facts written before `basis` existed were all written from verbatim excerpts: stated.
      `MATCH (a:Attribute) WHERE a.basis IS NULL
       CALL (a) { SET a.basis = 'STATED' } IN TRANSACTIONS OF 10000 ROWS`,
      `MATCH ()-[r]->() WHERE r.basis IS NULL AND r.evidenceIds IS NOT NULL
       CALL (r) { SET r.basis = 'STATED' } IN TRANSACTIONS OF 10000 ROWS`,
      // Agreements filter on both ends of the signing interval (see signedOnProperty.ts).
      `MATCH (a:Attribute {key: 'signedOn'}) WITH DISTINCT a.entityId AS id
       CALL (id) {
         MATCH (n:Entity {id: id})
         WITH n, COLLECT { MATCH (x:Attribute {entityId: id, key: 'signedOn'}) WHERE x.retractedAt IS NULL
                         RETURN x ORDER BY CASE WHEN x.precision IS NULL THEN 0 WHEN x.earliest IS NULL OR x.latest IS NULL THEN null
                                   ELSE duration.inDays(date(x.earliest), date(x.latest)).days END, x.id LIMIT 1 }[0] AS x
         SET n.signedOn = CASE WHEN x IS NULL THEN null WHEN x.precision IS NULL THEN x.value ELSE x.latest END,
             n.signedEarliest = CASE WHEN x IS NULL THEN null WHEN x.precision IS NULL THEN x.value ELSE x.earliest END
       } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    version: 7,
    name: 'source texts',
    statements: [
      // A source's text is kept as its own node, found by the hash the source declares (see sourceTexts.ts).
      'CREATE CONSTRAINT source_text_sha256 IF NOT EXISTS FOR (t:SourceText) REQUIRE t.sha256 IS UNIQUE',
      'CREATE INDEX source_content_sha256 IF NOT EXISTS FOR (n:Source) ON (n.contentSha256)',
    ],
  },
  {
    version: 8,
    name: 'entity degree',
    statements: [
      // Networks keep the highest-degree entities of a large neighbourhood by reading this index in order instead of
      // ranking everything they reach; writers keep `degree` (see SET_DEGREES). Backfill in batches.
      'CREATE INDEX entity_degree IF NOT EXISTS FOR (n:Entity) ON (n.degree)',
      `MATCH (n:Entity)
       CALL (n) { SET n.degree = COUNT { (n)--() } } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
];
