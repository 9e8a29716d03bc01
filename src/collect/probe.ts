// The counts a search over several repo:/org: qualifiers carries on its first request, so that grammar.ts can tell
// which form of the scope GitHub reads as their union: the count of each qualifier on its own (their sum is the
// truth under every reading, the qualifiers being disjoint) and the count of the `repo:a repo:b` form.
//
// Every alias is a `search` field, whose type GitHub's schema makes non-null: should GitHub refuse one of the
// strings, the error nulls the whole `data`, not just that alias (GraphQL's null propagation), and the request
// is lost. So a probed request only carries strings every reading accepts: single qualifiers, and qualifiers joined
// by spaces or by OR. The grouped form `( repo:a OR repo:b )`, which GitHub's documentation says cannot hold repo:,
// org: or user: qualifiers, is only ever sent on a request of its own.
import { searchDocument } from "./timeouts.js";
import { spacedScope, searchString, type SearchKind, type Window } from "./search.js";

/** At most this many qualifiers in a scope (search.ts's MAX_SCOPE_QUALIFIERS): one `probePart<i>` each. */
const MAX_PARTS = 6;

export const SPACED_ALIAS = "probeSpaced";
export const partAlias = (i: number): `probePart${number}` => `probePart${i}`;

const COUNT = (alias: string): string => /* GraphQL */ `
    ${alias}: search(query: $${alias}, type: ISSUE, first: 1) {
      issueCount
    }`;

const SIGNATURE = "($searchQuery: String!, $cursor: String) {";

const documents = new Map<string, string>();

/**
 * The search document of `kind` at `size` hits a page, with the probe's counts for a scope of `parts` qualifiers:
 * `probeSpaced` and `probePart0` ... `probePart<parts - 1>`, each with a variable of its name. Same arguments, same
 * text: test/collect/probe.test.ts validates every one against GitHub's schema.
 */
export function probedDocument(kind: SearchKind, size: number, parts: number): string {
  if (!Number.isInteger(parts) || parts < 2 || parts > MAX_PARTS) {
    throw new Error(`a probed search takes a scope of 2 to ${MAX_PARTS} qualifiers, not ${parts}`);
  }
  const key = `${kind}/${size}/${parts}`;
  const cached = documents.get(key);
  if (cached !== undefined) return cached;
  const base = searchDocument(kind, size);
  if (base.split(SIGNATURE).length !== 2) throw new Error(`the ${kind} search document has no single signature`);
  const aliases = [SPACED_ALIAS, ...Array.from({ length: parts }, (_, i) => partAlias(i))];
  const variables = aliases.map((alias) => `, $${alias}: String!`).join("");
  const document = base.replace(
    SIGNATURE,
    `($searchQuery: String!, $cursor: String${variables}) {${aliases.map(COUNT).join("")}`,
  );
  documents.set(key, document);
  return document;
}

/** The probe's variables: the spaced form, and each qualifier alone, for the same kind and window as the search. */
export function probeVariables(qualifiers: string[], kind: SearchKind, window: Window): Record<string, string> {
  const variables: Record<string, string> = { [SPACED_ALIAS]: searchString(spacedScope(qualifiers), kind, window) };
  qualifiers.forEach((qualifier, i) => {
    variables[partAlias(i)] = searchString(qualifier, kind, window);
  });
  return variables;
}
