import { assertNever } from './assertNever.js';
import type { RelationOrigin, WriteProblem } from './WriteProblem.js';

/** A write problem in the words of a seed file's author: the file, the entry and what to do. */
export function describeWriteProblem(problem: WriteProblem): string {
  switch (problem.code) {
    case 'UNKNOWN_ENTITY':
      return `${describeOrigin(problem.origin)}: unknown entity "${problem.entityId}": declare it under "entities" or load its source first`;
    case 'RETRACTED_END':
      return `${describeOrigin(problem.origin)}: retracted entity "${problem.entityId}"`;
    case 'RETRACTED_RELATION':
      return `${describeOrigin(problem.origin)}: retracted relation "${problem.relationId}"`;
    case 'RETRACTED_ENTITY':
      return `entity ${problem.entityId}: retracted`;
    case 'RETRACTED_ATTRIBUTE':
      return `attribute ${problem.attributeId}: retracted`;
    case 'KIND_CHANGED':
      return `entity ${problem.entityId}: kind ${problem.given} differs from the stored kind ${problem.stored}`;
    case 'TOO_MANY_ALIASES':
      return `entity ${problem.entityId}: aliases: expected at most ${problem.max} aliases, stored ones included (aliases only grow), got ${problem.count}`;
    case 'TOO_MANY_SEARCH_KEYS':
      return (
        `entity ${problem.entityId}: names: expected names and aliases of at most ${problem.max} characters in all as search keys, ` +
        `earlier names and aliases included (they stay searchable), got ${problem.characters}`
      );
    case 'EXCERPT_NOT_IN_TEXT':
      return (
        `${problem.origin.file}: ${problem.origin.where}: ${problem.origin.field}: excerpt ${quoteStart(problem.origin.excerpt)} ` +
        `is not verbatim in the text kept for ${problem.sourceId}`
      );
    case 'TEXT_LACKS_STORED_EXCERPTS':
      return (
        `${problem.sourceId}: text: lacks ${problem.count} excerpt(s) already quoted from this source, ` +
        `such as ${problem.excerpts.map(quoteStart).join(', ')}`
      );
    default:
      return assertNever(problem);
  }
}

/** `file: relations[3] (PARTY_TO organization/ktz → agreement/x)`. */
export function describeOrigin({ file, index, type, from, to }: RelationOrigin): string {
  return `${file}: relations[${index}] (${type} ${from} → ${to})`;
}

/** The first 40 characters of an excerpt, quoted, for a message that must name it without repeating it whole. */
export function quoteStart(excerpt: string): string {
  return JSON.stringify(excerpt.length > 40 ? `${excerpt.slice(0, 40)}…` : excerpt);
}
