import { z } from 'zod';
import type { FtmEntity } from './FtmEntity.js';
import { FtmInputError } from './FtmInputError.js';

const ftmEntitySchema = z.object({
  id: z.string().trim().min(1, 'expected a non-empty "id"'),
  schema: z.string().regex(/^[A-Z][A-Za-z]*$/, 'expected "schema" to name a FollowTheMoney schema such as "Person"'),
  properties: z.record(z.string(), z.array(z.string(), 'expected every property to be a list of strings')).default({}),
});

/** An entity and the line of the file it was read from (1-based), for error messages. */
export interface FtmLine {
  line: number;
  entity: FtmEntity;
}

/**
 * Reads FtM JSON lines (blank lines skipped). Throws one error listing every line that is not JSON or not an
 * entity, each as `line N: what was expected`, so that a bad file writes nothing.
 */
export function parseFtmLines(text: string): FtmLine[] {
  const entities: FtmLine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push(`line ${line}: expected one JSON object per line`);
      return;
    }
    const result = ftmEntitySchema.safeParse(value);
    if (result.success) entities.push({ line, entity: result.data });
    else
      problems.push(
        ...result.error.issues.map((issue) => `line ${line}: ${issue.path.join('.') || '(entity)'}: ${issue.message}`),
      );
  });
  if (problems.length > 0) throw new FtmInputError(problems);
  return entities;
}
