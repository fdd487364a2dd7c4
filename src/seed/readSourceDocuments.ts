import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { sourceDocumentSchema, type SourceDocument } from './sourceDocument.js';
import { SeedValidationError } from './SeedValidationError.js';

/** A validated source document and the file it came from. */
export interface SeedFile {
  file: string;
  document: SourceDocument;
}

/**
 * Reads and validates every `*.yaml`/`*.yml`/`*.json` file under `directory`, in file-name order.
 * Throws one SeedValidationError listing every problem of every file (file, entry and field named),
 * so nothing is loaded unless all files are valid.
 */
export async function readSourceDocuments(directory: string): Promise<SeedFile[]> {
  const names = (await readdir(directory, { recursive: true })).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  const files: SeedFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    const result = parseSourceDocument(await readFile(file, 'utf8'), file);
    if (result.ok) files.push({ file, document: result.document });
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
  return files;
}

type ParseResult = { ok: true; document: SourceDocument } | { ok: false; problems: string[] };

/** Parses one YAML or JSON text into a validated source document; problems are "file: path.to.field: message". */
export function parseSourceDocument(text: string, file: string): ParseResult {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { ok: false, problems: [`${file}: not valid YAML or JSON: ${(error as Error).message}`] };
  }
  const result = sourceDocumentSchema.safeParse(raw);
  if (result.success) return { ok: true, document: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${file}: ${describePath(raw, issue.path)}: ${issue.message}`),
  };
}

/** Names an entry by its id where it has one: `entities[3] (organization/ktz).names.en`. */
function describePath(raw: unknown, issuePath: readonly PropertyKey[]): string {
  if (issuePath.length === 0) return '(file)';
  let node: unknown = raw;
  let text = '';
  for (const key of issuePath) {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const label = node !== null && typeof node === 'object' ? entryLabel(node as Record<string, unknown>) : null;
      text += `[${key}]` + (label === null ? '' : ` (${label})`);
    } else {
      text += (text === '' ? '' : '.') + String(key);
    }
  }
  return text;
}

/** What names an entry for a reader: an entity's id, an attribute's key, a relation's type and ends. */
function entryLabel(entry: Record<string, unknown>): string | null {
  const { id, key, type, from, to } = entry;
  if (typeof id === 'string') return id;
  if (typeof key === 'string') return key;
  if (typeof type === 'string' && typeof from === 'string' && typeof to === 'string') return `${type} ${from} → ${to}`;
  return null;
}
