// GraphQL nodes -> the plain model types, and the order collect hands them on in.

import {
  ACTOR_KINDS,
  ISSUE_STATE_REASONS,
  isOneOf,
  REVIEW_STATES,
  type ActorKind,
  type Issue,
  type Person,
  type PullRequest,
  type RepoName,
  type Review,
} from "../model.js";
import type { ActorNode, IssueNode, PullRequestNode } from "./answers.js";
import { isOrgEntry } from "./search.js";

function present<T>(connection: { nodes: (T | null)[] | null } | null | undefined): T[] {
  return (connection?.nodes ?? []).filter((node): node is T => node !== null);
}

/** null for a deleted account ("ghost"). An actor type newer than the model counts as a person, not a bot. */
export function toPerson(actor: ActorNode | null): Person | null {
  if (!actor) return null;
  const kind: ActorKind = isOneOf(ACTOR_KINDS, actor.__typename) ? actor.__typename : "User";
  return { login: actor.login, kind };
}

function labelNames(node: PullRequestNode | IssueNode): string[] {
  return present(node.labels).map((label) => label.name);
}

function reviews(node: PullRequestNode): Review[] {
  return present(node.reviews).flatMap((review) => {
    const reviewer = toPerson(review.author);
    return reviewer && isOneOf(REVIEW_STATES, review.state) ? [{ reviewer, state: review.state }] : [];
  });
}

/** Commit authors and Co-authored-by trailers with a GitHub account, in commit order, each login once. */
function coAuthors(node: PullRequestNode): Person[] {
  const seen = new Set<string>();
  const people: Person[] = [];
  for (const commit of present(node.commits)) {
    for (const author of present(commit.commit.authors)) {
      const login = author.user?.login;
      if (!login || seen.has(login.toLowerCase())) continue;
      seen.add(login.toLowerCase());
      // GitActor.user is typed User, so a co-author is always a person account here.
      people.push({ login, kind: "User" });
    }
  }
  return people;
}

export function mapPull(node: PullRequestNode, files: string[]): PullRequest {
  return {
    kind: "pull",
    repo: node.repository.nameWithOwner,
    number: node.number,
    title: node.title,
    url: node.url,
    author: toPerson(node.author),
    // The search asked for is:merged, so mergedAt is set; "" keeps the type honest if GitHub ever disagrees.
    mergedAt: node.mergedAt ?? "",
    labels: labelNames(node),
    files,
    reviews: reviews(node),
    coAuthors: coAuthors(node),
    closes: present(node.closingIssuesReferences).map((ref) => ({
      repo: ref.repository.nameWithOwner,
      number: ref.number,
    })),
  };
}

export function mapIssue(node: IssueNode): Issue {
  return {
    kind: "issue",
    repo: node.repository.nameWithOwner,
    number: node.number,
    title: node.title,
    url: node.url,
    author: toPerson(node.author),
    closedAt: node.closedAt ?? "",
    labels: labelNames(node),
    stateReason: isOneOf(ISSUE_STATE_REASONS, node.stateReason) ? node.stateReason : null,
  };
}

/** `repo#number`, case-insensitive as GitHub's names are. */
export function changeKey(change: { repo: RepoName; number: number }): string {
  return `${change.repo.toLowerCase()}#${change.number}`;
}

/**
 * Repository order: the explicitly configured repositories in config order, then those matched by an `owner/*`
 * entry, alphabetically (an organisation has no config order of its own). Unmatched names, which search should
 * not return, go last.
 */
export function repositoryOrder(configured: RepoName[]): (a: RepoName, b: RepoName) => number {
  const explicit = configured.filter((entry) => !isOrgEntry(entry)).map((entry) => entry.toLowerCase());
  const orgs = configured.filter(isOrgEntry).map((entry) => entry.slice(0, -1).toLowerCase());
  const rank = (repo: RepoName): number => {
    const name = repo.toLowerCase();
    const index = explicit.indexOf(name);
    if (index !== -1) return index;
    return explicit.length + (orgs.some((prefix) => name.startsWith(prefix)) ? 0 : 1);
  };
  return (a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

export function sortChanges<T extends { repo: RepoName; number: number }>(changes: T[], configured: RepoName[]): T[] {
  const byRepository = repositoryOrder(configured);
  return [...changes].sort((a, b) => byRepository(a.repo, b.repo) || a.number - b.number);
}

/**
 * Activity.repositories: the explicit entries in config order (spelled as GitHub spells them when search returned
 * them, so that later comparisons need not fold case), then the repositories an `owner/*` entry matched that had
 * activity, alphabetically. An organisation's quiet repositories cannot be known without listing it.
 */
export function activityRepositories(configured: RepoName[], seen: RepoName[]): RepoName[] {
  const spelled = new Map(seen.map((repo) => [repo.toLowerCase(), repo]));
  const result: RepoName[] = [];
  const taken = new Set<string>();
  const add = (repo: RepoName): void => {
    if (taken.has(repo.toLowerCase())) return;
    taken.add(repo.toLowerCase());
    result.push(spelled.get(repo.toLowerCase()) ?? repo);
  };
  configured.filter((entry) => !isOrgEntry(entry)).forEach(add);
  [...seen].sort(repositoryOrder(configured)).forEach(add);
  return result;
}
