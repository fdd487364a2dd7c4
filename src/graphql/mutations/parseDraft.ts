import { invalidInput } from '../../errors.js';
import { sourceDocumentSchema, type SourceDocument } from '../../seed/sourceDocument.js';
import type { DocumentDraft } from './DocumentDraft.js';

/**
 * Validates a draft with the seed loader's own schema (one set of rules, two doors); throws BAD_USER_INPUT with one
 * problem per broken rule, each naming the input field.
 */
export function parseDraft(draft: DocumentDraft): SourceDocument {
  const result = sourceDocumentSchema.safeParse(draft.document);
  const problems = [...draft.problems];
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${draft.fieldOf(issue.path)}: ${issue.message}`);
  }
  if (problems.length > 0 || !result.success) throw invalidInput([...new Set(problems)]);
  return result.data;
}
