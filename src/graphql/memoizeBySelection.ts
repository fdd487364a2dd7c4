import { visit, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo } from 'graphql';

/** Values kept per field node; a client varying a plan-relevant variable without end cannot grow it past this. */
const MAX_VALUES_PER_FIELD = 32;

interface FieldMemo {
  fieldNodes: readonly FieldNode[];
  /** Names of the variables the selections below the field use (their values can change what is derived). */
  variables: readonly string[];
  values: Map<string, unknown>;
}

// Parsed documents live as long as Apollo's document store keeps them; what is derived from them goes with them.
const memos = new WeakMap<FieldNode, FieldMemo>();

/**
 * What `derive` works out from the current field's selection, worked out once per field of a parsed document, per
 * type the field is read on, per `key` and per values of the variables used below the field (in arguments and
 * `@skip`/`@include` of its subfields), and shared by every request that runs it. `derive` may read only the
 * selection below the field and those variables, and its result must not be changed by its users. The field's
 * own arguments are not part of the memo: `agreements(filter: {partyId: $id})` derives one value for all ids.
 */
export function memoizeBySelection<T>(info: GraphQLResolveInfo, key: string, derive: () => T): T {
  const [first] = info.fieldNodes;
  if (!first) return derive();
  let memo = memos.get(first);
  if (!memo || !sameNodes(memo.fieldNodes, info.fieldNodes)) {
    memo = {
      fieldNodes: info.fieldNodes,
      variables: variablesBelow(info.fieldNodes, info.fragments),
      values: new Map(),
    };
    memos.set(first, memo);
  }
  // A field of an interface, spread through a fragment, shares its node between the types that implement it.
  const field = `${info.parentType.name}|${key}`;
  const valueKey =
    memo.variables.length === 0
      ? field
      : `${field}|${JSON.stringify(memo.variables.map((name) => info.variableValues[name] ?? null))}`;
  if (memo.values.has(valueKey)) return memo.values.get(valueKey) as T;
  const value = derive();
  if (memo.values.size >= MAX_VALUES_PER_FIELD) memo.values.clear();
  memo.values.set(valueKey, value);
  return value;
}

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a === b || (a.length === b.length && a.every((node, index) => node === b[index]));
}

/** The variables used in the selection sets of `fieldNodes` and the fragments they spread, sorted. */
function variablesBelow(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string[] {
  const names = new Set<string>();
  const spread = new Set<string>();
  const collect = (node: FieldNode['selectionSet'] | FragmentDefinitionNode | undefined) => {
    if (!node) return;
    visit(node, {
      Variable: (variable) => void names.add(variable.name.value),
      FragmentSpread: ({ name: { value } }) => {
        if (spread.has(value)) return;
        spread.add(value);
        collect(fragments[value]);
      },
    });
  };
  for (const node of fieldNodes) collect(node.selectionSet);
  return [...names].sort();
}
