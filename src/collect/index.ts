// collect: one period's merged pull requests and closed issues, from GitHub's GraphQL search.

import type { GitHubClient, ProgressLog } from "../github/client.js";
import type { Activity, Issue, Period, PullRequest, RepoName, Touched } from "../model.js";
import type { ActivityNode } from "./activity-queries.js";
import { mapTouched, type ActivityNeeds } from "./touched.js";
import { FilePager } from "./files.js";
import { gapWarnings } from "./gaps.js";
import { activityRepositories, changeKey, mapIssue, mapPull, sortChanges } from "./map.js";
import { movedBranchesWarning } from "./moved.js";
import { searchWindow, type SearchTarget } from "./paginate.js";
import type { IssueNode, PullRequestNode, SearchNode } from "./answers.js";
import { isActivityKind, periodWindow, searchScopes, type ActivityKind, type SearchKind } from "./search.js";
import { Session, type CollectStats } from "./session.js";

export type { CollectStats } from "./session.js";
export { activityNeeds, type ActivityNeeds } from "./touched.js";
export {
  PULL_REQUEST_FIELDS,
  ISSUE_FIELDS,
  SEARCH_MERGED_PULLS,
  SEARCH_CLOSED_ISSUES,
  FILE_PAGE_BATCH,
  pullRequestFilesQuery,
} from "./queries.js";

export interface CollectOptions {
  /** Config order, the first is primary; `owner/*` stands for every repository of the organisation. */
  repositories: RepoName[];
  period: Period;
  /** One line per request, with its rate-limit cost and what remains. */
  log?: ProgressLog;
  /** Requests in flight at most; GitHub's secondary rate limits punish bursts. */
  concurrency?: number;
  /** Work touched in the period, searched only when asked for (the template uses it): see activityNeeds. */
  needs?: ActivityNeeds;
}

export const DEFAULT_CONCURRENCY = 4;

const LABELS: Record<SearchKind, string> = {
  pulls: "pulls merged",
  issues: "issues closed",
  created: "opened",
  updated: "updated",
};

/**
 * All configured repositories are searched together, their repo:/org: qualifiers OR-ed in the form GitHub's search
 * grammar wants (learned from the first answer, see grammar.ts), split into several searches only when one string
 * would exceed GitHub's limits (256 characters, five operators: at most six qualifiers). A search that matches
 * more than 1,000 items is cut into ceil(count / 900) time slices (again for a slice still over 1,000). PRs with
 * more than 100 files get their remaining file pages in batched queries (the next page of up to 20 PRs each), sent
 * while the searches still page. Never more than `concurrency` requests at once.
 *
 * A search page GitHub answers in part keeps what it returned, and each path it left out becomes one of
 * `stats.warnings` (see gaps.ts); a page GitHub times out on is asked again smaller, or its window split (see
 * timeouts.ts).
 */
export async function collectActivity(
  client: GitHubClient,
  options: CollectOptions,
): Promise<{ activity: Activity; stats: CollectStats }> {
  const { repositories, period, log = () => {}, concurrency = DEFAULT_CONCURRENCY, needs = {} } = options;
  if (repositories.length === 0) throw new Error("collect needs at least one repository");
  const window = periodWindow(period);
  // Work opened in the period, and work updated in it (with the comments that count and get credit): both searches
  // for either need, an item found by both kept once.
  const activityKinds: ActivityKind[] = needs.opened || needs.updated ? ["created", "updated"] : [];
  const kinds: SearchKind[] = ["pulls", "issues", ...activityKinds];
  const scopes = searchScopes(repositories, window, kinds);
  const session = new Session(client, log, concurrency);
  const filePager = new FilePager(session);
  session.stats.searchScopes = scopes.length;

  const seen = new Set<string>();
  // Search can return an item twice (overlapping repo:/org: qualifiers, results shifting while paging): keep one.
  const isNew = (node: { repository: { nameWithOwner: string }; number: number }): boolean => {
    const key = changeKey({ repo: node.repository.nameWithOwner, number: node.number });
    if (seen.has(key)) {
      session.stats.duplicates += 1;
      return false;
    }
    seen.add(key);
    return true;
  };

  const pullTasks: Promise<PullRequest>[] = [];
  const issues: Issue[] = [];
  const touched = new Map<string, Touched>();
  // Each search keeps only its own kind: is:issue already leaves out pull requests, the type check is the guard.
  const onPage =
    (kind: SearchKind) =>
    (nodes: SearchNode[]): void => {
      if (isActivityKind(kind)) {
        // Its own set: a merged PR or closed issue is touched too (its comments count), so not a duplicate.
        for (const node of nodes as unknown as ActivityNode[]) {
          if (node.__typename !== "PullRequest" && node.__typename !== "Issue") continue;
          const key = changeKey({ repo: node.repository.nameWithOwner, number: node.number });
          if (touched.has(key)) session.stats.duplicates += 1;
          else touched.set(key, mapTouched(node));
        }
        return;
      }
      for (const node of nodes) {
        if (kind === "pulls" && node.__typename === "PullRequest") {
          const pull = node as PullRequestNode;
          if (!isNew(pull)) continue;
          const task = filePager.complete(pull).then((files) => mapPull(pull, files));
          // Awaited below; until then a rejection must not count as unhandled (it would end the process), and it
          // should stop the searches still paging.
          task.catch((error: unknown) => session.abort(error));
          pullTasks.push(task);
        } else if (kind === "issues" && node.__typename === "Issue") {
          const issue = node as IssueNode;
          if (isNew(issue)) issues.push(mapIssue(issue));
        }
      }
    };

  const searches = scopes.flatMap((qualifiers, index) =>
    kinds.map((kind): SearchTarget => {
      const part = scopes.length > 1 ? ` (scope ${index + 1} of ${scopes.length})` : "";
      return { kind, qualifiers, label: `${LABELS[kind]}${part}` };
    }),
  );

  let pulls: PullRequest[];
  try {
    await Promise.all(searches.map((target) => searchWindow(session, target, window, onPage(target.kind))));
    filePager.searchesDone();
    pulls = await Promise.all(pullTasks);
    session.stats.warnings.push(...gapWarnings(session.gaps));
    if (pulls.length === 0 && issues.length === 0) {
      const warning = await movedBranchesWarning(session, repositories, period, window);
      if (warning) session.stats.warnings.push(warning);
    }
  } catch (error) {
    throw session.abort(error);
  }

  const activity: Activity = {
    period,
    repositories: activityRepositories(
      repositories,
      [...pulls, ...issues].map((change) => change.repo),
    ),
    pulls: sortChanges(pulls, repositories),
    issues: sortChanges(issues, repositories),
    ...(activityKinds.length > 0 ? { touched: sortChanges([...touched.values()], repositories) } : {}),
  };
  return { activity, stats: session.stats };
}
