/**
 * A mutation's input restated as a seed file: one source, its entities and relations. `fieldOf` names the input
 * field behind a path in the document, so that validation errors speak the mutation's language.
 */
export interface DocumentDraft {
  /** Not yet validated: `parseDraft` checks it against `sourceDocumentSchema`. */
  document: { source: unknown; entities?: unknown[]; relations?: unknown[] };
  fieldOf(path: readonly PropertyKey[]): string;
  /** Problems found while restating the input (before the seed rules run), each naming its field. */
  problems: string[];
}
