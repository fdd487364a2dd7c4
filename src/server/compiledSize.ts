import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * How many fields a compiled form of the operation spells out: graphql-jit writes the selection below a field of
 * an interface or union once for every type it may be, so the size multiplies with each such level (nine entity
 * types: four levels of `relations { to { id name } }` spell out 233,331). Counting stops at `limit`; null when the
 * operation is not in the document.
 */
export function compiledSize(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
  limit: number,
): number | null {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation =
    operationName === null && operations.length === 1
      ? operations[0]
      : operations.find((candidate) => candidate.name?.value === operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  let size = 0;
  const applies = (typeCondition: Parameters<typeof typeFromAST>[1] | undefined, type: GraphQLObjectType) => {
    if (!typeCondition) return true;
    const condition = typeFromAST(schema, typeCondition);
    return (
      condition === type || (condition !== undefined && isAbstractType(condition) && schema.isSubType(condition, type))
    );
  };
  const count = (selectionSet: SelectionSetNode, type: GraphQLObjectType, visiting: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (size >= limit) return;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition, type)) count(selection.selectionSet, type, visiting);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // A fragment spread within itself is invalid, and validation has refused it already; never loop on one.
        if (fragment && !visiting.has(fragment.name.value) && applies(fragment.typeCondition, type)) {
          count(fragment.selectionSet, type, new Set(visiting).add(fragment.name.value));
        }
      } else {
        size += 1;
        const fieldType = selection.selectionSet && type.getFields()[selection.name.value]?.type;
        const named = fieldType && getNamedType(fieldType);
        if (!selection.selectionSet || !named || !isCompositeType(named)) continue;
        const possible = isAbstractType(named) ? schema.getPossibleTypes(named) : [named];
        for (const concrete of possible) count(selection.selectionSet, concrete, visiting);
      }
    }
  };
  count(operation.selectionSet, root, new Set());
  return Math.min(size, limit);
}
