import { planGraphWrite, type GraphWritePlan } from '../seed/planGraphWrite.js';
import { attributeLine, entityLine, excerptLine, relationLine, type EmptyLists } from './importCsvTables.js';
import { readSeedChunk } from './readSeedChunk.js';

/** The CSV text of one table of one chunk: rows without line breaks, and rows with them (rare). */
export interface TableText {
  plain: string;
  multiline: string;
}

/** One chunk of documents as CSV text, assuming nothing in it was written before, and the ids to check that by. */
export interface FormattedChunk {
  documents: number;
  /** Rows of the chunk's plan. */
  rows: number;
  ids: { excerpts: string[]; entities: string[]; attributes: string[]; relations: string[] };
  /** The distinct ends of the chunk's relations. */
  ends: string[];
  text: { entities: TableText; excerpts: TableText; attributes: TableText; relations: TableText };
  emptyLists: number;
  /** Texts the chunk's sources keep, and the chunk's quotes when it has any: written and checked after the import. */
  sourceTexts: GraphWritePlan['sourceTexts'];
  quotes: GraphWritePlan['quotes'];
}

/** Splits lines into a table's text: rows whose fields hold a line break go apart, named to the importer. */
export function tableText(lines: readonly string[]): TableText {
  const plain: string[] = [];
  const multiline: string[] = [];
  for (const line of lines) (line.includes('\n') || line.includes('\r') ? multiline : plain).push(line);
  const join = (part: string[]) => (part.length === 0 ? '' : `${part.join('\n')}\n`);
  return { plain: join(plain), multiline: join(multiline) };
}

/**
 * Reads, validates and plans one chunk of documents and formats every row as a CSV line, as if the graph held none
 * of them yet; the caller checks `ids` against what earlier chunks wrote. Runs in a worker thread.
 */
export async function formatImportChunk(files: readonly string[]): Promise<FormattedChunk> {
  const documents = await readSeedChunk(files);
  const plan = planGraphWrite(documents);
  const empty: EmptyLists = { entities: 0 };
  const signed = Map.groupBy(
    plan.attributes.filter((row) => row.key === 'signedOn'),
    (row) => row.entityId,
  );
  const ends = new Set<string>();
  for (const row of plan.relations) {
    ends.add(row.from);
    ends.add(row.to);
  }
  return {
    documents: documents.length,
    rows: plan.excerpts.length + plan.entities.length + plan.attributes.length + plan.relations.length,
    ids: {
      excerpts: plan.excerpts.map((row) => row.id),
      entities: plan.entities.map((row) => row.id),
      attributes: plan.attributes.map((row) => row.id),
      relations: plan.relations.map((row) => row.id),
    },
    ends: [...ends],
    text: {
      entities: tableText(plan.entities.map((row) => entityLine(row, signed.get(row.id) ?? [], empty))),
      excerpts: tableText(plan.excerpts.map(excerptLine)),
      attributes: tableText(plan.attributes.map(attributeLine)),
      relations: tableText(plan.relations.map(relationLine)),
    },
    emptyLists: empty.entities,
    sourceTexts: plan.sourceTexts,
    quotes: plan.sourceTexts.length > 0 ? plan.quotes : [],
  };
}
