// Plain objects that graphql-js resolves against GitHub's schema with its default resolver: data properties are
// returned as they are, function properties are called with the field's arguments (that is how connections page).
// Abstract types (Actor, SearchResultItem, IssueOrPullRequest, GitObject, Node) resolve through `__typename`.
import { connection, type PageArgs } from "./connection.js";
import { notFound } from "./errors.js";
import { actorNode } from "./graphql-actor.js";
import { commitNode, gitCommitNode, objectNode } from "./graphql-git-nodes.js";
import { nodeId } from "./node-id.js";
import { pullCommits, pullFiles } from "./pull-contents.js";
import type { FakeStore } from "./store.js";
import type { IssueRecord, Item, PullRecord, RepoRecord } from "./types.js";

export { actorNode } from "./graphql-actor.js";

const WEB = "https://github.com";
/** GitHub does not know when index-only issues were opened; DateTime! still needs a value. */
const UNKNOWN_TIME = "1970-01-01T00:00:00Z";

const labelsOf = (item: Item) => (args: PageArgs) =>
  connection(
    item.labels.map((name) => ({
      __typename: "Label",
      id: nodeId("R", `${item.repo}:label:${name}`),
      name,
      color: "ededed",
      description: null,
    })),
    args,
    "labels",
  );

const commentsOf = (store: FakeStore, item: Item) => (args: PageArgs) =>
  connection(
    store.commentsOn(item.repo, item.number).map((c) => ({
      __typename: "IssueComment",
      id: nodeId("IC", String(c.id)),
      databaseId: c.id,
      body: c.body,
      author: actorNode(c.user),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      url: `${WEB}/${item.repo}/issues/${item.number}#issuecomment-${c.id}`,
    })),
    args,
    "comments",
  );

function itemBase(store: FakeStore, item: Item, path: "pull" | "issues"): Record<string, unknown> {
  const url = `${WEB}/${item.repo}/${path}/${item.number}`;
  return {
    databaseId: item.id,
    number: item.number,
    title: item.title,
    body: item.body,
    bodyText: item.body,
    url,
    permalink: url,
    resourcePath: url.slice(WEB.length),
    createdAt: item.createdAt ?? UNKNOWN_TIME,
    updatedAt: item.updatedAt ?? item.createdAt ?? UNKNOWN_TIME,
    closedAt: item.closedAt,
    closed: item.state === "closed",
    author: actorNode(item.author),
    labels: labelsOf(item),
    comments: commentsOf(store, item),
    repository: () => repositoryNode(store, store.getRepo(item.repo)!),
  };
}

export function pullNode(store: FakeStore, pull: PullRecord): object {
  const files = () => pullFiles(store, pull);
  return {
    ...itemBase(store, pull, "pull"),
    __typename: "PullRequest",
    id: nodeId("PR", `${pull.repo}#${pull.number}`),
    state: pull.merged ? "MERGED" : pull.state.toUpperCase(),
    merged: pull.merged,
    mergedAt: pull.mergedAt,
    isDraft: pull.draft,
    headRefName: pull.headRef,
    baseRefName: pull.baseRef,
    headRepositoryOwner: { __typename: "User", login: pull.headOwner },
    changedFiles: () => files().length,
    additions: () => files().reduce((n, f) => n + f.additions, 0),
    deletions: () => files().reduce((n, f) => n + f.deletions, 0),
    files: (args: PageArgs) =>
      connection(
        files().map((f) => ({
          __typename: "PullRequestChangedFile",
          path: f.path,
          additions: f.additions,
          deletions: f.deletions,
          changeType: f.status === "removed" ? "DELETED" : f.status === "added" ? "ADDED" : "MODIFIED",
        })),
        args,
        "files",
      ),
    reviews: (args: PageArgs & { states?: string[] | null; author?: string | null }) =>
      connection(
        pull.reviews
          .filter((r) => !args.states || args.states.includes(r.state))
          .filter((r) => !args.author || r.author.login === args.author)
          .map((r) => ({
            __typename: "PullRequestReview",
            id: `PRR_${r.id}`,
            databaseId: r.id,
            state: r.state,
            author: actorNode(r.author),
            body: "",
            submittedAt: r.submittedAt ?? null,
          })),
        args,
        "reviews",
      ),
    commits: (args: PageArgs) =>
      connection(
        pullCommits(store, pull).map((c) => ({
          __typename: "PullRequestCommit",
          id: `PRC_${c.sha}`,
          url: `${WEB}/${pull.repo}/pull/${pull.number}/commits/${c.sha}`,
          commit: commitNode(store, pull.repo, c),
        })),
        args,
        "commits",
      ),
    closingIssuesReferences: (args: PageArgs) =>
      connection(
        pull.closes
          .map((ref) => store.get(ref.repo, ref.number))
          .filter((i): i is IssueRecord => i?.kind === "issue")
          .map((i) => issueNode(store, i)),
        args,
        "closingIssuesReferences",
      ),
  };
}

export function issueNode(store: FakeStore, issue: IssueRecord): object {
  return {
    ...itemBase(store, issue, "issues"),
    __typename: "Issue",
    id: nodeId("I", `${issue.repo}#${issue.number}`),
    state: issue.state.toUpperCase(),
    // GitHub reports duplicates as NOT_PLANNED unless asked with `enableDuplicate: true`, which the schema shipped in
    // @octokit/graphql-schema lacks (its IssueStateReason has no DUPLICATE), so duplicates always read NOT_PLANNED.
    stateReason: issue.stateReason === "DUPLICATE" ? "NOT_PLANNED" : issue.stateReason,
  };
}

export const itemNode = (store: FakeStore, item: Item): object =>
  item.kind === "pull" ? pullNode(store, item) : issueNode(store, item);

function refNode(store: FakeStore, repo: RepoRecord, branch: string, sha: string): object {
  return {
    __typename: "Ref",
    id: nodeId("R", `${repo.fullName}:ref:${branch}`),
    name: branch,
    prefix: "refs/heads/",
    target: gitCommitNode(store, repo, repo.commits.get(sha)!),
    associatedPullRequests: (args: PageArgs & { states?: string[] | null }) =>
      connection(
        store
          .pullsOf(repo.fullName)
          .filter((p) => p.headRef === branch && p.headOwner.toLowerCase() === repo.owner.toLowerCase())
          .filter((p) => !args.states || args.states.includes(p.merged ? "MERGED" : p.state.toUpperCase()))
          .sort((a, b) => a.number - b.number)
          .map((p) => pullNode(store, p)),
        args,
        "associatedPullRequests",
      ),
  };
}

export function repositoryNode(store: FakeStore, repo: RepoRecord): object {
  const lookup = <K extends Item["kind"]>(number: number, kind: K | undefined, label: string): object => {
    const item = store.get(repo.fullName, number);
    if (!item || (kind && item.kind !== kind))
      throw notFound(`Could not resolve to ${label} with the number of ${number}.`);
    return itemNode(store, item);
  };
  const defaultSha = repo.refs.get(`heads/${repo.defaultBranch}`);
  return {
    __typename: "Repository",
    id: nodeId("R", repo.fullName),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    url: `${WEB}/${repo.fullName}`,
    isPrivate: repo.private,
    visibility: repo.private ? "PRIVATE" : "PUBLIC",
    isArchived: false,
    isFork: false,
    owner: { __typename: "Organization", id: nodeId("U", repo.owner), login: repo.owner, url: `${WEB}/${repo.owner}` },
    defaultBranchRef: defaultSha ? refNode(store, repo, repo.defaultBranch, defaultSha) : null,
    pullRequest: ({ number }: { number: number }) => lookup(number, "pull", "a PullRequest"),
    issue: ({ number }: { number: number }) => lookup(number, "issue", "an Issue"),
    issueOrPullRequest: ({ number }: { number: number }) => lookup(number, undefined, "an issue or pull request"),
    object: ({ expression, oid }: { expression?: string; oid?: string }) =>
      objectNode(store, repo, expression ?? oid ?? ""),
    ref: ({ qualifiedName }: { qualifiedName: string }) => {
      const branch = qualifiedName.replace(/^refs\/heads\//, "");
      const sha = repo.refs.get(`heads/${branch}`);
      return sha ? refNode(store, repo, branch, sha) : null;
    },
    pullRequests: (
      args: PageArgs & {
        states?: string[] | null;
        headRefName?: string | null;
        baseRefName?: string | null;
        labels?: string[] | null;
      },
    ) =>
      connection(
        store
          .pullsOf(repo.fullName)
          .filter((p) => !args.states || args.states.includes(p.merged ? "MERGED" : p.state.toUpperCase()))
          .filter((p) => !args.headRefName || p.headRef === args.headRefName)
          .filter((p) => !args.baseRefName || p.baseRef === args.baseRefName)
          .filter((p) => !args.labels || p.labels.some((l) => args.labels!.includes(l)))
          .sort((a, b) => a.number - b.number)
          .map((p) => pullNode(store, p)),
        args,
        "pullRequests",
      ),
  };
}
