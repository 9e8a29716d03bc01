// What a partial GraphQL answer left out. GitHub answers a query some of whose nodes it cannot resolve (a closing
// issue in a private repository the app cannot see, a node it failed to load) with the `data` it could read, that
// node null, and one error per node left out, e.g. (github.com/fpicalausa/remove-stale-branches/issues/49)
//   { type: "FORBIDDEN", path: ["repository", "refs", "edges", 3, "node", "associatedPullRequests"],
//     extensions: { saml_failure: false }, locations: [...], message: "Resource not accessible by integration" }
// Collect keeps the data, drops the null nodes, and names each path left out as a gap: in the progress log as it
// arrives, and once per distinct problem in stats.warnings (and so in the CLI's stderr and the PR body).

import { graphqlErrorsOf } from "../github/errors.js";

export interface Gap {
  /** `search.nodes[3].closingIssuesReferences.nodes[0]`. */
  path: string;
  /** The search hit the path is inside of, when GitHub did answer it: `linuxkit/linuxkit#2167`. */
  item?: string;
  /** Which request it was, when no item can name it: `search pulls merged 2017-07-03T00:00:00Z..2017-07-09T23:59:59Z, page 1`. */
  where: string;
  /** GitHub's error type (NOT_FOUND, FORBIDDEN...), when it gave one. */
  type?: string;
  message: string;
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** `["search", "nodes", 3, "title"]` as `search.nodes[3].title`. */
export function formatPath(path: readonly unknown[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

interface SearchHit {
  number?: unknown;
  repository?: { nameWithOwner?: unknown } | null;
}

/** The hit a `search.nodes[i]...` path points into, when GitHub answered that hit: `owner/name#number`. */
function itemAt(data: unknown, path: readonly unknown[]): string | undefined {
  if (path[0] !== "search" || path[1] !== "nodes" || typeof path[2] !== "number") return undefined;
  const nodes = (data as { search?: { nodes?: (SearchHit | null)[] | null } | null } | null)?.search?.nodes;
  const hit = nodes?.[path[2]];
  const repo = hit?.repository?.nameWithOwner;
  return typeof repo === "string" && typeof hit?.number === "number" ? `${repo}#${hit.number}` : undefined;
}

/** One gap per error of a partial answer (`error` is the GraphqlResponseError, `data` the data it carried). */
export function gapsOf(error: unknown, data: unknown, where: string): Gap[] {
  return graphqlErrorsOf(error).map((entry) => {
    const path = Array.isArray(entry.path) ? entry.path : [];
    const item = itemAt(data, path);
    return {
      path: path.length > 0 ? formatPath(path) : "the query",
      ...(item ? { item } : {}),
      where,
      ...(entry.type ? { type: entry.type } : {}),
      message: oneLine(entry.message ?? "no message"),
    };
  });
}

const reason = (gap: Gap): string => (gap.type ? `${gap.type}: ${gap.message}` : gap.message);
const place = (gap: Gap): string => `${gap.path} (${gap.item ?? gap.where})`;

/** One line for the progress log, as the gap arrives (after the request's name, so no need to repeat it). */
export function gapLine(gap: Gap): string {
  return `GitHub could not answer ${gap.item ? place(gap) : gap.path} (${reason(gap)}): left out`;
}

/** Places listed in a warning before "and N more". */
const SHOWN = 3;

/**
 * One warning per distinct problem: gaps with the same error type and message (the same missing permission, the
 * same unresolvable node) make one line naming the first few places, in the order they arrived.
 */
export function gapWarnings(gaps: readonly Gap[]): string[] {
  const groups = new Map<string, Gap[]>();
  for (const gap of gaps) {
    const key = reason(gap);
    groups.set(key, [...(groups.get(key) ?? []), gap]);
  }
  return [...groups.values()].map((group) => {
    const shown = group.slice(0, SHOWN).map(place).join(", ");
    const more = group.length > SHOWN ? ` and ${group.length - SHOWN} more` : "";
    return `GitHub could not answer ${shown}${more} (${reason(group[0]!)}): the report leaves ${group.length === 1 ? "it" : "them"} out`;
  });
}
