// Which form of a scope of several repo:/org: qualifiers GitHub reads as their union (see search.ts for the four
// readings GitHub's descriptions and its users give), learned from its answers instead of assumed, so that every
// item is found once under any of them.
//
// scopeQualifiers() keeps the qualifiers disjoint (no repository named twice, none beside its own org:), and a
// single qualifier reads the same under every grammar, so the sum of the qualifiers' own counts is the size of the
// union, whatever GitHub's grammar: the truth a form is checked against. The first search of a run over several
// qualifiers sends the or-ed form `repo:a OR repo:b` with its page (the form users found to work on github.com's
// API, microsoft/vscode#252667, and an OR outside parentheses as documented), and the counts of the spaced form
// and of each qualifier alone (probe.ts), all in one request:
// - the qualifiers count 0 in all: nothing to find, whatever the form; the answer stands (it is empty);
// - the or-ed form counts the truth and every node it returned lies in the scope and window: it is the union;
//   the answer stands;
// - else the spaced form, if it counts the truth (the legacy grammar), then the grouped one (advanced search read
//   strictly; on a request of its own, as GitHub's documentation says it cannot hold repo:) is tried, each checked
//   the same way on its first page; a form that is refused, counts otherwise, or returns a node outside the scope
//   or window is passed over;
// - when none is the union, each qualifier is searched on its own: more requests, the same items.
// A count can only equal the truth by being it, or by missing as many items as it adds; the node check catches the
// added ones on the first page. Once learned, the form holds for the rest of the run and later searches go without
// the probe: GitHub's cost formula prices the counts at 1/100 of a point each, and where the or-ed form is the
// union they cost no request. (GraphQL's `search(type: ISSUE_ADVANCED)` would name the grammar outright, but the
// schema collect is validated against, and GitHub Enterprise Server before advanced search, do not know it.)
import type { IssueNode, PullRequestNode, SearchNode } from "./answers.js";
import type { ScopeForm, SearchKind, Window } from "./search.js";
import type { Session } from "./session.js";
import type { ActivityNode } from "./activity-queries.js";
import { partAlias, SPACED_ALIAS } from "./probe.js";

/** What a probed answer says: the form that is the union, the next form to try, or that nothing is to be found. */
export type Verdict =
  { kind: "nothing to find" } | { kind: "union"; form: ScopeForm } | { kind: "try"; form: ScopeForm; expected: number };

type Counted = { issueCount: number } | null | undefined;
/** The probe's aliases of an answer (probe.ts). */
type ProbeCounts = { readonly [alias: `probe${string}`]: Counted };

/** The truth of a probed answer: the sum of the qualifiers' own counts; undefined when one is missing. */
export function probedTotal(answer: ProbeCounts, parts: number): number | undefined {
  let total = 0;
  for (let i = 0; i < parts; i++) {
    const count = answer[partAlias(i)]?.issueCount;
    if (typeof count !== "number") return undefined;
    total += count;
  }
  return total;
}

/** Reads a probed answer to the or-ed form: `nodes` its first page, `fits` the scope-and-window check. */
export function readProbe(
  answer: ProbeCounts,
  parts: number,
  ored: { issueCount: number; nodes: SearchNode[] },
  fits: (node: SearchNode) => boolean,
): Verdict {
  const total = probedTotal(answer, parts);
  if (total === undefined) throw new Error("GitHub's answer lacks the counts the search asked for");
  if (total === 0) return { kind: "nothing to find" };
  if (isUnion(ored, total, fits)) return { kind: "union", form: "or-ed" };
  const spaced = answer[SPACED_ALIAS]?.issueCount;
  return { kind: "try", form: spaced === total ? "spaced" : "grouped", expected: total };
}

/** Whether a first page is that of the union: the expected count, and no node outside the scope or window. */
export function isUnion(
  page: { issueCount: number; nodes: SearchNode[] },
  expected: number,
  fits: (node: SearchNode) => boolean,
): boolean {
  return page.issueCount === expected && page.nodes.every(fits);
}

/** The form to try when `form` turned out not to be the union. */
export function nextForm(form: ScopeForm): ScopeForm {
  return form === "grouped" || form === "separate" ? "separate" : "grouped";
}

/**
 * Whether a node lies in the scope of `qualifiers` (repo:owner/name, org:owner) and its kind's date in `window`
 * (hits of another type pass: collect drops them anyway).
 */
export function fitsScope(qualifiers: string[], kind: SearchKind, window: Window): (node: SearchNode) => boolean {
  const repos = new Set(qualifiers.filter((q) => q.startsWith("repo:")).map((q) => q.slice(5).toLowerCase()));
  const owners = new Set(qualifiers.filter((q) => q.startsWith("org:")).map((q) => q.slice(4).toLowerCase()));
  const ofKind = kind === "pulls" ? ["PullRequest"] : kind === "issues" ? ["Issue"] : ["PullRequest", "Issue"];
  return (node) => {
    // A hit of another kind is left out by collect whatever the form: it tells nothing about the scope.
    if (!ofKind.includes(node.__typename)) return true;
    const { repository } = node as Partial<Pick<IssueNode, "repository">>;
    const name = repository?.nameWithOwner?.toLowerCase();
    if (!name || !(repos.has(name) || owners.has(name.split("/")[0] ?? ""))) return false;
    const at = dateOf(kind, node);
    const seconds = at ? Date.parse(at) / 1000 : NaN;
    return seconds >= window.from && seconds <= window.to;
  };
}

const DESCRIPTION: Record<Exclude<ScopeForm, "or-ed">, string> = {
  spaced: "GitHub reads several repo:/org: qualifiers separated by spaces as their union (repo:a repo:b)",
  grouped: "GitHub reads several repo:/org: qualifiers grouped as their union ( repo:a OR repo:b )",
  separate: "GitHub reads no form of several repo:/org: qualifiers as their union: searching each on its own",
};

/** Records the form the first time an answer tells it; the log says so when it is not the one tried first. */
export function learnForm(session: Session, form: ScopeForm, where: string): void {
  if (session.scopeForm !== null) return;
  session.scopeForm = form;
  if (form !== "or-ed") session.log(`${where}: ${DESCRIPTION[form]}`);
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
