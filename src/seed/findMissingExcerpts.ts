import type { SeedFile } from './readSourceDocuments.js';

/** One verbatim excerpt of a source and where a seed file states it. */
export interface Excerpt {
  /** The seed file that holds the excerpt. */
  file: string;
  /** The entity id, or the relation as `TYPE from → to`. */
  where: string;
  /** The field inside that entry, such as `evidence[0]`, `attributes[2] (area).evidence[1]` or `text`. */
  field: string;
  excerpt: string;
}

/**
 * Every excerpt that the seed files of source `sourceId` quote from it, in file order: entity evidence,
 * a statement's `text`, attribute evidence and relation evidence. Files of other sources are ignored.
 */
export function collectExcerpts(files: readonly SeedFile[], sourceId: string): Excerpt[] {
  const excerpts: Excerpt[] = [];
  for (const { file, document } of files) {
    if (document.source.id !== sourceId) continue;
    for (const entity of document.entities) {
      const add = (field: string, excerpt: string) => excerpts.push({ file, where: entity.id, field, excerpt });
      entity.evidence.forEach((excerpt, index) => add(`evidence[${index}]`, excerpt));
      if (entity.text !== undefined) add('text', entity.text);
      entity.attributes.forEach((attribute, attributeIndex) =>
        attribute.evidence.forEach((excerpt, index) =>
          add(`attributes[${attributeIndex}] (${attribute.key}).evidence[${index}]`, excerpt),
        ),
      );
    }
    for (const relation of document.relations) {
      const where = `${relation.type} ${relation.from} → ${relation.to}`;
      relation.evidence.forEach((excerpt, index) =>
        excerpts.push({ file, where, field: `evidence[${index}]`, excerpt }),
      );
    }
  }
  return excerpts;
}

/** An excerpt that does not occur verbatim in the source text. */
export type MissingExcerpt = Excerpt;

/**
 * The excerpts of source `sourceId` (see collectExcerpts) that are not verbatim substrings of `text`.
 * The comparison is exact (letters, ё/е, quotes, dashes and spaces all count); only CRLF line ends are read as LF,
 * in the text and in the excerpts alike. An empty result means every excerpt was found.
 */
export function findMissingExcerpts(files: readonly SeedFile[], sourceId: string, text: string): MissingExcerpt[] {
  const haystack = toLf(text);
  return collectExcerpts(files, sourceId).filter(({ excerpt }) => !haystack.includes(toLf(excerpt)));
}

function toLf(text: string): string {
  return text.replaceAll('\r\n', '\n');
}
