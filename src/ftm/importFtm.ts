import type { Database } from '../neo4j/Database.js';
import { writeGraph, type GraphWriteCounts } from '../repositories/writeGraph.js';
import { planGraphWrite } from '../seed/planGraphWrite.js';
import { sourceDocumentSchema, type SourceDocumentInput } from '../seed/sourceDocument.js';
import { FtmInputError } from './FtmInputError.js';
import { ftmToSourceDocument, type StoredNames } from './ftmToSourceDocument.js';
import { parseFtmLines } from './parseFtmLines.js';

export interface ImportFtmOptions {
  /** The FtM JSON lines. */
  text: string;
  /** The source the file becomes: its id (`source/…`), title, date, language and, optionally, publisher and URL. */
  source: SourceDocumentInput['source'];
  actor: string;
}

/**
 * Reads FtM entities into the graph as one source document, through the seeds' validation (`sourceDocumentSchema`)
 * and writer (`planGraphWrite`, `writeGraph`): one transaction, nothing written when a line is refused, and a second
 * import of the same file under the same source leaves the graph as it was. Names already stored are kept (the
 * file's become aliases), since FtM names carry no language.
 */
export async function importFtm(
  db: Database,
  { text, source, actor }: ImportFtmOptions,
): Promise<GraphWriteCounts & { skipped: Record<string, number> }> {
  const lines = parseFtmLines(text);
  const unnamed = ftmToSourceDocument(lines, source);
  const stored = await readStoredNames(
    db,
    (unnamed.document.entities ?? []).map((entity) => entity.id),
  );
  const { document, skipped, lines: origin } = ftmToSourceDocument(lines, source, stored);
  const result = sourceDocumentSchema.safeParse(document);
  if (!result.success) {
    throw new FtmInputError(
      result.error.issues.map((issue) => {
        const [list, index, ...field] = issue.path;
        const line = list === 'entities' || list === 'relations' ? origin[list][index as number] : undefined;
        return `${line === undefined ? issue.path.join('.') || '(source)' : `line ${line}: ${field.join('.') || '(entity)'}`}: ${issue.message}`;
      }),
    );
  }
  const counts = await writeGraph(db, planGraphWrite([{ file: source.id, document: result.data }]), {
    actor,
    operation: 'importFtm',
  });
  return { ...counts, skipped };
}

async function readStoredNames(db: Database, ids: readonly string[]): Promise<StoredNames> {
  const rows = await db.read<{ id: string; en: string | null; ru: string | null; kk: string | null }>(
    'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.nameEn AS en, n.nameRu AS ru, n.nameKk AS kk',
    { ids },
  );
  return new Map(rows.map(({ id, ...names }) => [id, names]));
}
