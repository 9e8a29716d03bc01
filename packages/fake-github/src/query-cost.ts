// GitHub's published GraphQL cost formula, so the fake's `rateLimit.cost` and remaining budget are what a real run
// would spend: add up the requests needed to fulfil every connection (each at its full `first`/`last`, multiplied
// by the sizes of the connections above it), divide by 100 and round; a query costs at least 1.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";

export function queryCost(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 1;

  let requests = 0;
  const walk = (selections: SelectionSetNode | undefined, multiplier: number, seen: Set<string>): void => {
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value))
          walk(fragment.selectionSet, multiplier, new Set([...seen, fragment.name.value]));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier, seen);
      } else {
        const size = pageSize(selection.arguments?.map((a) => [a.name.value, a.value] as const) ?? [], variables);
        if (size === undefined) {
          walk(selection.selectionSet, multiplier, seen);
        } else {
          requests += multiplier;
          walk(selection.selectionSet, multiplier * size, seen);
        }
      }
    }
  };
  walk(operation.selectionSet, 1, new Set());
  return Math.max(1, Math.round(requests / 100));
}

function pageSize(args: (readonly [string, ValueNode])[], variables: Record<string, unknown>): number | undefined {
  for (const [name, value] of args) {
    if (name !== "first" && name !== "last") continue;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE && typeof variables[value.name.value] === "number")
      return variables[value.name.value] as number;
  }
  return undefined;
}
