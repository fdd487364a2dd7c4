import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { planGraphWrite, type GraphWritePlan } from '../seed/planGraphWrite.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import {
  ATTRIBUTE_HEADER,
  attributeLine,
  ENTITY_HEADER,
  entityLine,
  EXCERPT_HEADER,
  excerptLine,
  RELATION_HEADER,
  relationLine,
  type EmptyLists,
} from './importCsvTables.js';
import { createChunkFormatter } from './createChunkFormatter.js';
import { tableText, type FormattedChunk, type TableText } from './formatImportChunk.js';
import { listSeedChunks } from './listSeedChunks.js';
import { readSeedChunk } from './readSeedChunk.js';

/** One `--nodes`/`--relationships` group of the importer: a CSV file with its header line. */
export interface ImportFile {
  kind: 'nodes' | 'relationships';
  /** Label the importer gives every row; entities carry theirs in a `:LABEL` column. */
  label: string | null;
  path: string;
  /** Whether fields span lines (such files are named to the importer, which then parses them more slowly). */
  multiline: boolean;
}

/** The rows of a graph, split into what the importer writes and what must be merged into the graph after it. */
export interface ImportFiles {
  files: ImportFile[];
  documents: number;
  excerpts: number;
  entities: number;
  attributes: number;
  relations: number;
  /**
   * Rows restating a fact an earlier chunk of documents already stated: the importer creates each node and
   * relationship once, so these are MERGEd after it, chunk by chunk as the transactional loader would.
   */
  deferred: GraphWritePlan;
  /** Entities with an empty list (aliases, evidence, search keys), which the importer leaves unset. */
  emptyLists: number;
}

export interface WriteImportFilesOptions {
  /** Files planned together, as `bulkLoadDocuments` plans them: 20 by default. */
  filesPerChunk?: number;
  /** Worker threads formatting chunks; one per core by default. */
  threads?: number;
  /** Called after each chunk with the documents and rows it held. */
  onChunk?: (documents: number, rows: number) => void;
}

/** One CSV table: rows without line breaks go to `<name>.csv`, the others (rare) to `<name>-multiline.csv`. */
class Table {
  private plain: FileHandle | null = null;
  private multiline: FileHandle | null = null;

  constructor(
    private readonly directory: string,
    private readonly name: string,
    private readonly header: string,
    private readonly kind: ImportFile['kind'],
    private readonly label: string | null,
  ) {}

  async write({ plain, multiline }: TableText): Promise<void> {
    if (plain !== '') {
      this.plain ??= await this.create('');
      await this.plain.write(plain);
    }
    if (multiline !== '') {
      this.multiline ??= await this.create('-multiline');
      await this.multiline.write(multiline);
    }
  }

  async close(): Promise<ImportFile[]> {
    const files: ImportFile[] = [];
    for (const [handle, suffix] of [
      [this.plain, ''],
      [this.multiline, '-multiline'],
    ] as const) {
      if (!handle) continue;
      await handle.close();
      files.push({ kind: this.kind, label: this.label, path: this.pathOf(suffix), multiline: suffix !== '' });
    }
    return files;
  }

  private pathOf(suffix: string): string {
    return path.join(this.directory, `${this.name}${suffix}.csv`);
  }

  private async create(suffix: string): Promise<FileHandle> {
    const handle = await open(this.pathOf(suffix), 'w');
    await handle.write(`${this.header}\n`);
    return handle;
  }
}

/**
 * Writes the seed documents under `documentsDir` as the importer's CSV files in `outDir` (replacing it), planning
 * them a chunk at a time exactly as `bulkLoadDocuments` does, so that importing the files and then MERGEing
 * `deferred` leaves the graph the transactional loader would. Memory holds the ids seen, not the rows. Throws a
 * SeedValidationError for an invalid document or a relation to an entity no document declares.
 */
export async function writeImportFiles(
  documentsDir: string,
  outDir: string,
  options: WriteImportFilesOptions = {},
): Promise<ImportFiles> {
  const chunks = await listSeedChunks(documentsDir, options.filesPerChunk ?? 20);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const tables = {
    entities: new Table(outDir, 'entities', ENTITY_HEADER, 'nodes', null),
    excerpts: new Table(outDir, 'excerpts', EXCERPT_HEADER, 'nodes', 'Excerpt'),
    attributes: new Table(outDir, 'attributes', ATTRIBUTE_HEADER, 'nodes', 'Attribute'),
    relations: new Table(outDir, 'relations', RELATION_HEADER, 'relationships', null),
  };
  const seen = { entities: new Set<string>(), excerpts: new Set<string>(), attributes: new Set<string>() };
  const relationIds = new Set<string>();
  /** Relation ends not declared yet when the relation was written: checked once every document is read. */
  const pendingEnds = new Set<string>();
  const deferred: GraphWritePlan = {
    excerpts: [],
    entities: [],
    attributes: [],
    relations: [],
    externalIds: [],
    relationOrigins: new Map(),
    sourceTexts: [],
    quotes: [],
  };
  const empty: EmptyLists = { entities: 0 };
  const totals = { documents: 0, excerpts: 0, entities: 0, attributes: 0, relations: 0 };
  let files: ImportFile[];
  /** The exact path, for a chunk restating what an earlier one wrote: such rows are deferred. */
  const writeRestatingChunk = async (chunkFiles: readonly string[]): Promise<number> => {
    const documents = await readSeedChunk(chunkFiles);
    const plan = planGraphWrite(documents);
    deferred.sourceTexts.push(...plan.sourceTexts);
    if (plan.sourceTexts.length > 0) deferred.quotes.push(...plan.quotes);

    const excerpts = plan.excerpts.filter((row) => !seen.excerpts.has(row.id));
    for (const row of excerpts) seen.excerpts.add(row.id);

    const restated = new Set<string>();
    const entities = plan.entities.filter((row) => {
      if (!seen.entities.has(row.id)) return true;
      restated.add(row.id);
      deferred.entities.push(row);
      return false;
    });
    const attributes = plan.attributes.filter((row) => {
      if (!seen.attributes.has(row.id) && !restated.has(row.entityId)) return true;
      deferred.attributes.push(row);
      return false;
    });
    const signed = Map.groupBy(
      attributes.filter((row) => row.key === 'signedOn'),
      (row) => row.entityId,
    );
    const entityLines = entities.map((row) => entityLine(row, signed.get(row.id) ?? [], empty));
    for (const row of entities) {
      seen.entities.add(row.id);
      pendingEnds.delete(row.id);
    }
    for (const row of attributes) seen.attributes.add(row.id);

    const relations = plan.relations.filter((row) => {
      if (!relationIds.has(row.id)) return true;
      deferred.relations.push(row);
      return false;
    });
    for (const row of relations) {
      relationIds.add(row.id);
      if (!seen.entities.has(row.from)) pendingEnds.add(row.from);
      if (!seen.entities.has(row.to)) pendingEnds.add(row.to);
    }

    await tables.entities.write(tableText(entityLines));
    await tables.excerpts.write(tableText(excerpts.map(excerptLine)));
    await tables.attributes.write(tableText(attributes.map(attributeLine)));
    await tables.relations.write(tableText(relations.map(relationLine)));
    totals.excerpts += excerpts.length;
    totals.entities += entities.length;
    totals.attributes += attributes.length;
    totals.relations += relations.length;
    return documents.length;
  };

  /** The fast path, for a chunk of facts no earlier chunk wrote (the rule for generated graphs). */
  const writeNewChunk = async (chunk: FormattedChunk): Promise<boolean> => {
    const { ids } = chunk;
    const fresh =
      ids.excerpts.every((id) => !seen.excerpts.has(id)) &&
      ids.entities.every((id) => !seen.entities.has(id)) &&
      ids.attributes.every((id) => !seen.attributes.has(id)) &&
      ids.relations.every((id) => !relationIds.has(id));
    if (!fresh) return false;
    for (const id of ids.excerpts) seen.excerpts.add(id);
    for (const id of ids.entities) {
      seen.entities.add(id);
      pendingEnds.delete(id);
    }
    for (const id of ids.attributes) seen.attributes.add(id);
    for (const id of ids.relations) relationIds.add(id);
    for (const id of chunk.ends) if (!seen.entities.has(id)) pendingEnds.add(id);
    empty.entities += chunk.emptyLists;
    deferred.sourceTexts.push(...chunk.sourceTexts);
    deferred.quotes.push(...chunk.quotes);
    for (const table of ['entities', 'excerpts', 'attributes', 'relations'] as const)
      await tables[table].write(chunk.text[table]);
    totals.excerpts += ids.excerpts.length;
    totals.entities += ids.entities.length;
    totals.attributes += ids.attributes.length;
    totals.relations += ids.relations.length;
    totals.documents += chunk.documents;
    return true;
  };

  const formatter = createChunkFormatter(options.threads);
  const window = 2 * Math.max(1, options.threads ?? availableParallelism());
  const formatted: Promise<FormattedChunk>[] = [];
  const dispatch = (index: number) => {
    if (index >= chunks.length || formatted[index]) return;
    formatted[index] = formatter.format(chunks[index]!);
    // A rejection is awaited in turn; until then it must not count as unhandled.
    formatted[index].catch(() => {});
  };
  try {
    for (let index = 0; index < chunks.length; index++) {
      for (let ahead = index; ahead <= index + window; ahead++) dispatch(ahead);
      const chunk = await formatted[index]!;
      delete formatted[index];
      if (!(await writeNewChunk(chunk))) totals.documents += await writeRestatingChunk(chunks[index]!);
      options.onChunk?.(chunk.documents, chunk.rows);
    }
  } finally {
    await formatter.close();
    files = (await Promise.all(Object.values(tables).map((table) => table.close()))).flat();
  }
  const missing = [...pendingEnds, ...deferred.relations.flatMap((row) => [row.from, row.to])].filter(
    (id) => !seen.entities.has(id),
  );
  if (missing.length > 0) {
    throw new SeedValidationError([
      `relations name ${new Set(missing).size} entity id(s) that no file declares, such as "${missing[0]}": nothing was imported`,
    ]);
  }
  return { files, ...totals, deferred, emptyLists: empty.entities };
}
