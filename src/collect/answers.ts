// The shapes of the answers to collect's GraphQL documents (queries.ts, activity-queries.ts): only the fields asked
// for. GitHub may null any nullable field (deleted accounts, repositories the token cannot see), so those are typed
// nullable and mapped defensively.

export interface RateLimitNode {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface PageInfoNode {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ActorNode {
  login: string;
  __typename: string;
}

interface Nodes<T> {
  nodes: (T | null)[] | null;
}

export interface FilesConnection extends Nodes<{ path: string }> {
  totalCount: number;
  pageInfo: PageInfoNode;
}

export interface PullRequestNode {
  __typename: "PullRequest";
  number: number;
  title: string;
  url: string;
  mergedAt: string | null;
  repository: { nameWithOwner: string };
  author: ActorNode | null;
  labels: Nodes<{ name: string }> | null;
  files: FilesConnection | null;
  reviews: Nodes<{ author: ActorNode | null; state: string }> | null;
  commits: Nodes<{ commit: { authors: Nodes<{ user: { login: string } | null }> | null } }>;
  closingIssuesReferences: Nodes<{ number: number; repository: { nameWithOwner: string } }> | null;
}

export interface IssueNode {
  __typename: "Issue";
  number: number;
  title: string;
  url: string;
  closedAt: string | null;
  stateReason: string | null;
  repository: { nameWithOwner: string };
  author: ActorNode | null;
  labels: Nodes<{ name: string }> | null;
}

/** A search hit: `__typename` tells the node kinds apart, other kinds arrive as `{ __typename }` only. */
export type SearchNode = PullRequestNode | IssueNode | { __typename: string };

export interface SearchResponse {
  search: {
    issueCount: number;
    pageInfo: PageInfoNode;
    nodes: (SearchNode | null)[] | null;
  };
  /** The counts a probed request asks for besides the search (see probe.ts), by alias. */
  [probe: `probe${string}`]: { issueCount: number } | null | undefined;
  rateLimit: RateLimitNode | null;
}

/** One alias of a PullRequestFiles answer: null when the repository or pull request is not visible. */
export interface PullRequestFilesAlias {
  pullRequest: { files: FilesConnection | null } | null;
}

/** `p0` ... `p<n - 1>`, in the order of the query's pull requests. */
export type PullRequestFilesResponse = { rateLimit: RateLimitNode | null } & {
  [alias: `p${number}`]: PullRequestFilesAlias | null | undefined;
};
