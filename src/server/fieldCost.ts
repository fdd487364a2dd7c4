import { getNamedType, getNullableType, isListType, type GraphQLField } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Arguments that bound how many items a field answers, by name: `first` (relations, search, pages), `limit`
 * (network nodes), `maxHops` (path length). Their value counts whether written as a literal or passed in a
 * variable, and their default when omitted.
 */
export const SIZE_ARGUMENTS = ['first', 'limit', 'maxHops'] as const;

/** Lists that a field's own size argument already counted (a page's edges, a network's nodes): one item each here. */
export const LISTS_SIZED_ABOVE: ReadonlySet<string> = new Set([
  'Network.nodes',
  'Network.edges',
  'GraphPath.nodes',
  'GraphPath.relations',
  'AgreementConnection.edges',
  'ChangeConnection.edges',
]);

/**
 * Lists with no size argument count as this many items: a typical size, not a bound (an event may have more
 * participants). What the estimate misses, the read budget (LIMIT_MAX_READ_BYTES) stops.
 */
export const UNSIZED_LIST_ITEMS = 10;

/** A network's edges per node: its relations run among the kept nodes; the seeded and synthetic graphs have 1 to 3. */
export const EDGES_PER_NETWORK_NODE = 3;

/** Lists whose size the schema itself bounds. */
const FIXED_LIST_ITEMS: Readonly<Record<string, number>> = { names: 3 };

/**
 * The cost of one field: 1 for its own value plus what its selection costs, times the number of items it
 * answers. That number is the field's size argument (`first`, `limit`, `maxHops`), else `UNSIZED_LIST_ITEMS` for
 * a list. A network's nodes and edges are sized by `network(limit:)`, a path's by `maxHops`, a page's edges by
 * `first`. Introspection is bounded by the schema, not the graph, so its lists count once.
 */
export const fieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const own = 1 + childComplexity;
  if (type.name.startsWith('__') || field.name.startsWith('__')) return own;
  const sized = sizeArgument(field, args);
  if (sized !== null) return sized * own;
  const key = `${type.name}.${field.name}`;
  if (key === 'Network.edges') return EDGES_PER_NETWORK_NODE * own;
  if (LISTS_SIZED_ABOVE.has(key) || !isListType(getNullableType(field.type))) return own;
  return (FIXED_LIST_ITEMS[field.name] ?? UNSIZED_LIST_ITEMS) * own;
};

/** How many items the size argument asks for (a path of `maxHops` relations has one node more); null: none. */
function sizeArgument(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  for (const name of SIZE_ARGUMENTS) {
    const definition = field.args.find((argument) => argument.name === name);
    if (!definition || getNamedType(definition.type).name !== 'Int') continue;
    // An explicit null means the default to the resolvers (`first ?? 100`).
    const value = args[name] ?? definition.defaultValue;
    const items = typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 1;
    return name === 'maxHops' ? items + 1 : items;
  }
  return null;
}
