import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceDocumentSchema } from '../seed/sourceDocument.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { generateScaleDocument } from './generateScaleDocument.js';
import { scaleCounts, type ScaleCounts } from './scaleCounts.js';

/** What `writeScaleGraph` wrote. */
export interface ScaleGraphManifest {
  scale: number;
  counts: ScaleCounts;
  entities: number;
  relations: number;
  /** The folder of seed-format JSON documents, one per source: pass it to the loader. */
  documentsDir: string;
  /** The folder of source texts, `<document>.txt`, that every excerpt is quoted from. */
  textsDir: string;
}

/**
 * Writes the synthetic graph of `scale` to `outDir`: `documents/NNNNNN.json` (the seed format, each validated by the
 * same schema as curated seeds), `texts/NNNNNN.txt` and `manifest.json`. Replaces whatever `outDir` held. Documents
 * are generated and written one at a time, so memory stays flat at any scale; the output depends only on `scale`.
 */
export async function writeScaleGraph(
  scale: number,
  outDir: string,
  onDocument: (done: number, total: number, rows: number) => void = () => {},
): Promise<ScaleGraphManifest> {
  const counts = scaleCounts(scale);
  const documentsDir = path.join(outDir, 'documents');
  const textsDir = path.join(outDir, 'texts');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(documentsDir, { recursive: true });
  await mkdir(textsDir, { recursive: true });
  let entities = 0;
  let relations = 0;
  for (let index = 0; index < counts.documents; index++) {
    const { document, text } = generateScaleDocument(counts, index);
    const name = String(index).padStart(6, '0');
    const checked = sourceDocumentSchema.safeParse(document);
    if (!checked.success) {
      throw new SeedValidationError(
        checked.error.issues.map((issue) => `generated document ${name}: ${issue.path.join('.')}: ${issue.message}`),
      );
    }
    entities += checked.data.entities.length + 1;
    relations += checked.data.relations.length;
    await writeFile(path.join(documentsDir, `${name}.json`), JSON.stringify(document));
    await writeFile(path.join(textsDir, `${name}.txt`), text);
    onDocument(index + 1, counts.documents, checked.data.entities.length + checked.data.relations.length + 1);
  }
  const manifest: ScaleGraphManifest = { scale, counts, entities, relations, documentsDir, textsDir };
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
