import { readFile } from 'node:fs/promises';
import { parseSourceDocument, type SeedFile } from '../seed/readSourceDocuments.js';
import { SeedValidationError } from '../seed/SeedValidationError.js';
import { sourceDocumentSchema } from '../seed/sourceDocument.js';

/**
 * Reads and validates seed documents (`*.json` through `JSON.parse`, anything else as YAML), in order. Throws a
 * SeedValidationError naming every problem of every file.
 */
export async function readSeedChunk(files: readonly string[]): Promise<SeedFile[]> {
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const documents: SeedFile[] = [];
  const problems: string[] = [];
  texts.forEach((text, index) => {
    const file = files[index]!;
    const result = file.endsWith('.json') ? parseJsonDocument(text, file) : parseSourceDocument(text, file);
    if (result.ok) documents.push({ file, document: result.document });
    else problems.push(...result.problems);
  });
  if (problems.length > 0) throw new SeedValidationError(problems);
  return documents;
}

/** JSON is YAML too, but `JSON.parse` is far faster than the YAML parser on big generated files. */
function parseJsonDocument(text: string, file: string): ReturnType<typeof parseSourceDocument> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return parseSourceDocument(text, file);
  }
  const result = sourceDocumentSchema.safeParse(raw);
  if (result.success) return { ok: true, document: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`),
  };
}
