/**
 * The merge rules every writer shares: MERGE by id, names coalesce, lists (aliases, evidence, search keys) only
 * grow, so writing the same rows twice leaves the graph identical. Statements take `$rows`.
 */

/** Cypher that appends to a list property the incoming items it lacks, keeping order. */
export const UNION = (target: string, incoming: string) =>
  `coalesce(${target}, []) + [item IN ${incoming} WHERE NOT item IN coalesce(${target}, [])]`;

export const MERGE_EXCERPTS = `UNWIND $rows AS row
  MERGE (x:Excerpt {id: row.id})
  ON CREATE SET x.sourceId = row.sourceId, x.text = row.text`;

/**
 * An excerpt stands only while its source does: the excerpts of those of `$sourceIds` that are retracted are
 * retracted with them (readers then need not read a source to know its excerpts stand). Writers run it after
 * writing excerpts, `retractFact` after retracting an entity.
 */
export const RETRACT_EXCERPTS_OF_RETRACTED_SOURCES = `UNWIND $sourceIds AS sourceId
  MATCH (s:Entity {id: sourceId}) WHERE s.retractedAt IS NOT NULL
  MATCH (x:Excerpt {sourceId: sourceId}) WHERE x.retractedAt IS NULL
  SET x.retractedAt = s.retractedAt, x.retractedBy = s.retractedBy, x.retractionReason = s.retractionReason`;

/** The distinct source ids of excerpt rows: `$sourceIds` for RETRACT_EXCERPTS_OF_RETRACTED_SOURCES. */
export function sourceIdsOf(excerpts: readonly { sourceId: string }[]): string[] {
  return [...new Set(excerpts.map((excerpt) => excerpt.sourceId))];
}

/** The stored names of `n` that `row` replaces (each language's name, where both have one and they differ). */
export const REPLACED_NAMES = (n: string, row: string) =>
  `[pair IN [[${n}.nameEn, ${row}.nameEn], [${n}.nameRu, ${row}.nameRu], [${n}.nameKk, ${row}.nameKk]]
    WHERE pair[0] IS NOT NULL AND pair[1] IS NOT NULL AND pair[0] <> pair[1] | pair[0]]`;

/**
 * The label of entities whose names changed since their lemma keys were computed: `refreshNameLemmas` finds them by
 * it (a label scan, however large the graph) and removes it once their `lemmaKeys` are written.
 */
export const NEEDS_LEMMAS = 'NeedsLemmas';

/** The full-text index's text of an entity: its search keys and lemma keys, separated so no phrase spans two. */
export const SEARCH_TEXT = (n: string) =>
  `reduce(text = '', key IN ${n}.searchKeys + coalesce(${n}.lemmaKeys, []) | text + ' , ' + key)`;

/**
 * Entities with the given label expression: `$(row.label)` for mixed rows, or a static label (a closed set of
 * kind labels) so the planner need not resolve it per row.
 */
export const mergeEntities = (label: string) => `UNWIND $rows AS row
  MERGE (n:Entity {id: row.id})
  ON CREATE SET n.kind = row.kind, n.degree = 0
  // A name a later write replaces stays with the entity as an alias: what one source called it is not dropped.
  WITH n, row, size(coalesce(n.searchKeys, [])) AS keysBefore,
       ${REPLACED_NAMES('n', 'row')} AS replacedNames
  SET n:${label},
      n.nameEn = coalesce(row.nameEn, n.nameEn),
      n.nameRu = coalesce(row.nameRu, n.nameRu),
      n.nameKk = coalesce(row.nameKk, n.nameKk),
      n.text = coalesce(row.text, n.text),
      n.aliases = ${UNION('n.aliases', '(row.aliases + replacedNames)')},
      n.evidenceIds = ${UNION('n.evidenceIds', 'row.evidenceIds')},
      n.searchKeys = ${UNION('n.searchKeys', 'row.searchKeys')},
      n += coalesce(row.sourceProps, {})
  // Search keys only grow, so a name or alias that is new grows them: only then do the lemma keys need redoing, and an
  // entity written again unchanged keeps its labels (loading the seeds twice leaves the graph identical).
  FOREACH (_ IN CASE WHEN n.lemmaKeys IS NULL OR size(n.searchKeys) <> keysBefore THEN [1] ELSE [] END | SET n:${NEEDS_LEMMAS})
  SET n.searchText = ${SEARCH_TEXT('n')}`;

/**
 * Recounts the relations of the entities `$ids` (retracted ones included) into `degree`, which networks rank by
 * through the `entity_degree` index; run after relations are written. An entity whose count matches is skipped: this
 * transaction added none to it (relations are never deleted). The first SET takes the entity's write lock before the
 * count, so a writer counting at the same time waits and then counts this transaction's relations too.
 */
export const SET_DEGREES = `UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  WITH n WHERE n.degree IS NULL OR n.degree <> COUNT { (n)--() }
  SET n.degree = coalesce(n.degree, 0)
  WITH n
  SET n.degree = COUNT { (n)--() }`;

/** Each entity at an end of `relations`, once (the `$ids` of SET_DEGREES). */
export function endsOf(relations: readonly { from: string; to: string }[]): string[] {
  return [...new Set(relations.flatMap((relation) => [relation.from, relation.to]))];
}

/**
 * Cypher SET items merging how a fact stated again is known into `variable` (see `mergeBasis`): stated once any
 * claim states it, else inferred with the first reasoning. Must come before the evidence is merged.
 */
export const MERGE_BASIS = (variable: string) =>
  `${variable}.basis = CASE WHEN ${variable}.basis = 'STATED' OR row.basis = 'STATED' THEN 'STATED' ELSE 'INFERRED' END,
   ${variable}.inference = CASE WHEN ${variable}.basis = 'STATED' OR row.basis = 'STATED' THEN null ELSE coalesce(${variable}.inference, row.inference) END`;

export const MERGE_ATTRIBUTES = `UNWIND $rows AS row
  MERGE (a:Attribute {id: row.id})
  ON CREATE SET a.entityId = row.entityId, a.key = row.key, a.value = row.value, a.number = row.number,
                a.unit = row.unit, a.qualifier = row.qualifier, a.precision = row.precision,
                a.earliest = row.earliest, a.latest = row.latest
  SET ${MERGE_BASIS('a')},
      a.evidenceIds = ${UNION('a.evidenceIds', 'row.evidenceIds')}`;
