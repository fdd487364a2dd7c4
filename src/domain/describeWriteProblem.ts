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
    default:
      return assertNever(problem);
  }
}

/** `file: relations[3] (PARTY_TO organization/ktz → agreement/x)`. */
export function describeOrigin({ file, index, type, from, to }: RelationOrigin): string {
  return `${file}: relations[${index}] (${type} ${from} → ${to})`;
}
