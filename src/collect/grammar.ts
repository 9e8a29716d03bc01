// Which grammar GitHub reads several repo:/org: qualifiers with (see search.ts), learned from the answers instead
// of assumed, so that every item is found once under either.
//
// A search over a scope of two or more qualifiers is sent in the advanced form, `( repo:a OR repo:b ) ...`, and
// carries a probe: the issueCount of the legacy form, `repo:a repo:b ...`, in the same request. scopeQualifiers()
// keeps the qualifiers disjoint (no repository is named twice, none beside its own org:), so:
// - under the advanced grammar the probe is the conjunction of disjoint scopes and counts 0, while the search
//   itself is exact: every node it returns lies in the scope and the window;
// - under the legacy grammar the probe is the exact count, and the advanced form is wrong ("OR" and the parentheses
//   are words to match): whatever it returns is at most a subset of the truth.
// Hence: probe > 0 means legacy (search again in the legacy form); probe 0 and some node in scope and window means
// advanced (the answer stands); probe 0 and nodes none of which fits means legacy with nothing to find; probe 0 and
// no nodes means nothing to find under either. Once learned, the grammar holds for the rest of the run and later
// searches go without the probe: GitHub's cost formula prices it at 1/100 of a point, and it costs no request
// under the advanced grammar (github.com's); under the legacy one each search running at the time pays one more.
// (GraphQL's `search(type: ISSUE_ADVANCED)` would name the grammar outright, but the schema collect is validated
// against, and GitHub Enterprise Server before advanced search, do not know it.)
import type { IssueNode, PullRequestNode, SearchNode } from "./queries.js";
import type { SearchGrammar, SearchKind, Window } from "./search.js";
import type { Session } from "./session.js";
import type { ActivityNode } from "./activity-queries.js";

export type Verdict = SearchGrammar | "legacy, nothing to find" | "nothing to find";

/** Whether a node lies in the scope of `qualifiers` (repo:owner/name, org:owner) and its kind's date in `window`. */
export function fitsScope(qualifiers: string[], kind: SearchKind, window: Window): (node: SearchNode) => boolean {
  const repos = new Set(qualifiers.filter((q) => q.startsWith("repo:")).map((q) => q.slice(5).toLowerCase()));
  const owners = new Set(qualifiers.filter((q) => q.startsWith("org:")).map((q) => q.slice(4).toLowerCase()));
  return (node) => {
    const { repository } = node as Partial<Pick<IssueNode, "repository">>;
    const name = repository?.nameWithOwner?.toLowerCase();
    if (!name || !(repos.has(name) || owners.has(name.split("/")[0] ?? ""))) return false;
    const at = dateOf(kind, node);
    const seconds = at ? Date.parse(at) / 1000 : NaN;
    return seconds >= window.from && seconds <= window.to;
  };
}

export function readProbe(probeCount: number, nodes: SearchNode[], fits: (node: SearchNode) => boolean): Verdict {
  if (probeCount > 0) return "legacy";
  if (nodes.length === 0) return "nothing to find";
  return nodes.some(fits) ? "advanced" : "legacy, nothing to find";
}

/** Records the grammar the first time an answer tells it; the log says so when it is not github.com's. */
export function learnGrammar(session: Session, grammar: SearchGrammar, where: string): void {
  if (session.searchGrammar !== null) return;
  session.searchGrammar = grammar;
  if (grammar === "legacy") {
    session.log(
      `${where}: GitHub reads several repo:/org: qualifiers with the legacy search grammar (OR-ed): searching in that form`,
    );
  }
}

/** The date a search of `kind` windows on. */
function dateOf(kind: SearchKind, node: SearchNode): string | null | undefined {
  switch (kind) {
    case "pulls":
      return (node as PullRequestNode).mergedAt;
    case "issues":
      return (node as IssueNode).closedAt;
    case "created":
      return (node as Partial<ActivityNode>).createdAt;
    default:
      return (node as Partial<ActivityNode>).updatedAt;
  }
}
