import type { EntityIncludes } from './EntityIncludes.js';
import { createCypherScope, type CypherScope } from './includeCypher.js';
import { FULL_PROJECTION, type ProjectionShape } from './ProjectionShape.js';

/** A statement's text and the parameters its building bound (the look-ahead plan's limits). */
export interface BuiltStatement {
  text: string;
  parameters: Readonly<Record<string, unknown>>;
}

// Plans live as long as the documents they were worked out for (see planIncludes); their statements go with them.
const statements = new WeakMap<EntityIncludes, Map<string, BuiltStatement>>();
const SHAPE_FLAGS = Object.keys(FULL_PROJECTION) as (keyof ProjectionShape)[];

/**
 * The statement `build` writes for the look-ahead plan `includes`, the projection `shape` and `variant`, written
 * once and reused by every request with the same three. `build` may depend on nothing else: `variant` names
 * whatever else shapes the text (which filters are given, say), and values go into parameters of the caller's.
 */
export function memoizeStatement(includes: EntityIncludes, shape: ProjectionShape, variant: string, build: (scope: CypherScope) => string): BuiltStatement {
  let byKey = statements.get(includes);
  if (!byKey) statements.set(includes, (byKey = new Map()));
  const key = `${SHAPE_FLAGS.map((flag) => (shape[flag] ? '1' : '0')).join('')}|${variant}`;
  let built = byKey.get(key);
  if (!built) {
    const scope = createCypherScope(shape);
    built = { text: build(scope), parameters: scope.parameters };
    byKey.set(key, built);
  }
  return built;
}
