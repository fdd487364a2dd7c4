import type { Database } from '../neo4j/Database.js';
import type { SourceDocumentInput } from '../seed/sourceDocument.js';

type SourceInput = SourceDocumentInput['source'];

/** The stored metadata of the source `id`, shaped as a seed file's `source:`; null when there is none or it is retracted. */
export async function findSourceDeclaration(db: Database, id: string): Promise<SourceInput | null> {
  const [row] = await db.read<{ source: Record<string, string | null> }>(
    `MATCH (n:Entity {id: $id, kind: 'SOURCE'}) WHERE n.retractedAt IS NULL
     RETURN {id: n.id, title: n.title, publisher: n.publisher, publishedOn: n.publishedOn, language: n.language,
             url: n.url, contentSha256: n.contentSha256, note: n.note} AS source`,
    { id },
  );
  if (!row) return null;
  const defined = Object.entries(row.source).filter(([, value]) => value !== null);
  return Object.fromEntries(defined) as SourceInput;
}
