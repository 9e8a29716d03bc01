// The GraphQL documents collect sends, and the shapes of their answers.
// test/collect/queries.test.ts validates every document against GitHub's published schema.

/** The page size of every connection: GitHub's maximum, so a typical week is one request per search. */
export const PAGE_SIZE = 100;

const RATE_LIMIT = /* GraphQL */ `
  rateLimit {
    cost
    remaining
    resetAt
  }
`;

// Commit.authors includes the Co-authored-by trailers; `user` is null when the e-mail matches no GitHub account.
// GitHub prices a query by its `first:` limits multiplied down the tree, so commit authors dominate the cost:
// commits(first: 100) { authors(first: 10) } made one search page cost ~105 points (a 5,000-PR week would spend
// more than an installation's hourly 5,000). The first 20 commits with 4 authors each bring it to ~25 points and
// still credit the co-authors of all but the longest PRs.
export const PULL_REQUEST_FIELDS = /* GraphQL */ `
  fragment PullRequestFields on PullRequest {
    number
    title
    url
    mergedAt
    repository {
      nameWithOwner
    }
    author {
      login
      __typename
    }
    labels(first: 100) {
      nodes {
        name
      }
    }
    files(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        path
      }
    }
    reviews(first: 100) {
      nodes {
        author {
          login
          __typename
        }
        state
      }
    }
    commits(first: 20) {
      nodes {
        commit {
          authors(first: 4) {
            nodes {
              user {
                login
              }
            }
          }
        }
      }
    }
    closingIssuesReferences(first: 25) {
      nodes {
        number
        repository {
          nameWithOwner
        }
      }
    }
  }
`;

// No `stateReason`: the schema.json that @octokit/graphql-schema's validate() uses does not
// know the argument yet (its schema.graphql does). So github.com reports a duplicate as NOT_PLANNED, which the
// composer excludes from work done just the same.
export const ISSUE_FIELDS = /* GraphQL */ `
  fragment IssueFields on Issue {
    number
    title
    url
    closedAt
    stateReason
    repository {
      nameWithOwner
    }
    author {
      login
      __typename
    }
    labels(first: 100) {
      nodes {
        name
      }
    }
  }
`;

// `$searchQuery`, not `$query`: @octokit/graphql reserves the `query` parameter for the document itself.
export const SEARCH_MERGED_PULLS = /* GraphQL */ `
  query SearchMergedPulls($searchQuery: String!, $cursor: String) {
    search(query: $searchQuery, type: ISSUE, first: 100, after: $cursor) {
      issueCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        __typename
        ...PullRequestFields
      }
    }
    ${RATE_LIMIT}
  }
  ${PULL_REQUEST_FIELDS}
`;

export const SEARCH_CLOSED_ISSUES = /* GraphQL */ `
  query SearchClosedIssues($searchQuery: String!, $cursor: String) {
    search(query: $searchQuery, type: ISSUE, first: 100, after: $cursor) {
      issueCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        __typename
        ...IssueFields
      }
    }
    ${RATE_LIMIT}
  }
  ${ISSUE_FIELDS}
`;

export const PULL_REQUEST_FILES = /* GraphQL */ `
  query PullRequestFiles($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        files(first: 100, after: $cursor) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            path
          }
        }
      }
    }
    ${RATE_LIMIT}
  }
`;

/** Every document collect sends, by operation name (the schema test walks this list). */
export const DOCUMENTS = {
  SearchMergedPulls: SEARCH_MERGED_PULLS,
  SearchClosedIssues: SEARCH_CLOSED_ISSUES,
  PullRequestFiles: PULL_REQUEST_FILES,
} as const;

// Response shapes: only the fields asked for above. GitHub may null any nullable field (deleted accounts,
// repositories the token cannot see), so those are typed nullable and mapped defensively.

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
  rateLimit: RateLimitNode | null;
}

export interface PullRequestFilesResponse {
  repository: {
    pullRequest: { files: FilesConnection | null } | null;
  } | null;
  rateLimit: RateLimitNode | null;
}
