import type { ExcerptOrigin } from '../domain/WriteProblem.js';
import type { SeedFile } from './readSourceDocuments.js';

/** One verbatim excerpt of a source and where a seed file states it (see `ExcerptOrigin`). */
export type Excerpt = ExcerptOrigin;

/**
 * Every excerpt that the seed files of source `sourceId` quote from it, in file order: entity evidence,
 * a statement's `text`, attribute evidence and relation evidence. Files of other sources are ignored.
 */
export function collectExcerpts(files: readonly SeedFile[], sourceId: string): Excerpt[] {
  const excerpts: Excerpt[] = [];
  for (const { file, document } of files) {
    if (document.source.id !== sourceId) continue;
    document.entities.forEach((entity, entityIndex) => {
      const add = (field: string, path: (string | number)[], excerpt: string) =>
        excerpts.push({ file, where: entity.id, field, path: ['entities', entityIndex, ...path], excerpt });
      entity.evidence.forEach((excerpt, index) => add(`evidence[${index}]`, ['evidence', index], excerpt));
      if (entity.text !== undefined) add('text', ['text'], entity.text);
      entity.attributes.forEach((attribute, attributeIndex) =>
        attribute.evidence.forEach((excerpt, index) =>
          add(
            `attributes[${attributeIndex}] (${attribute.key}).evidence[${index}]`,
            ['attributes', attributeIndex, 'evidence', index],
            excerpt,
          ),
        ),
      );
    });
    document.relations.forEach((relation, relationIndex) => {
      const where = `${relation.type} ${relation.from} → ${relation.to}`;
      relation.evidence.forEach((excerpt, index) =>
        excerpts.push({
          file,
          where,
          field: `evidence[${index}]`,
          path: ['relations', relationIndex, 'evidence', index],
          excerpt,
        }),
      );
    });
  }
  return excerpts;
}

/** An excerpt that does not occur verbatim in the source text. */
export type MissingExcerpt = Excerpt;

/**
 * The excerpts of source `sourceId` (see collectExcerpts) that are not verbatim substrings of `text`.
 * An empty result means every excerpt was found.
 */
export function findMissingExcerpts(files: readonly SeedFile[], sourceId: string, text: string): MissingExcerpt[] {
  return excerptsNotIn(collectExcerpts(files, sourceId), text);
}

/**
 * The excerpts that are not verbatim substrings of `text`: the one test of "verbatim" that the seed checker and
 * every write share. The comparison is exact (letters, ё/е, quotes, dashes and spaces all count); only CRLF line
 * ends are read as LF, in the text and in the excerpts alike.
 */
export function excerptsNotIn<T extends { excerpt: string }>(excerpts: readonly T[], text: string): T[] {
  const haystack = toLf(text);
  return excerpts.filter(({ excerpt }) => !haystack.includes(toLf(excerpt)));
}

function toLf(text: string): string {
  return text.replaceAll('\r\n', '\n');
}
