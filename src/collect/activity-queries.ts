// The search for work touched in a period (opened, still open, or closed unmerged): only sent when the template
// uses what it gives (the "updated" listing, the opened and contribution counts). Each hit brings its comments and
// reviews, so the counts and credits need no further request.
import type { ActorNode, PageInfoNode, RateLimitNode } from "./answers.js";
import { searchPageDocument } from "./search-document.js";

const ACTOR = /* GraphQL */ `
      author {
        login
        __typename
      }`;

/** What a PR and an issue both tell of their activity: dates, repository, author, labels and comments. */
const ACTIVITY_FIELDS = /* GraphQL */ `
          createdAt
          updatedAt
          closedAt
          repository {
            nameWithOwner
          }${ACTOR}
          labels(first: 100) {
            nodes {
              name
            }
          }
          comments(last: 100) {
            nodes {${ACTOR}
              createdAt
            }
          }`;

export const SEARCH_ACTIVITY = searchPageDocument(
  "SearchActivity",
  /* GraphQL */ `        ... on PullRequest {
          number
          title
          url
          pullState: state
${ACTIVITY_FIELDS}
          reviews(last: 100) {
            nodes {${ACTOR}
              state
              submittedAt
            }
          }
        }
        ... on Issue {
          number
          title
          url
          issueState: state
${ACTIVITY_FIELDS}
        }`,
);

interface Nodes<T> {
  nodes: (T | null)[] | null;
}

export interface ActivityNode {
  __typename: "PullRequest" | "Issue";
  number: number;
  title: string;
  url: string;
  /** PullRequestState (OPEN, CLOSED, MERGED), aliased: it and IssueState cannot share a name in one selection. */
  pullState?: string;
  /** IssueState (OPEN, CLOSED). */
  issueState?: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  repository: { nameWithOwner: string };
  author: ActorNode | null;
  labels: Nodes<{ name: string }> | null;
  comments: Nodes<{ author: ActorNode | null; createdAt: string }> | null;
  reviews?: Nodes<{ author: ActorNode | null; state: string; submittedAt: string | null }> | null;
}

export interface ActivitySearchResponse {
  search: { issueCount: number; pageInfo: PageInfoNode; nodes: ({ __typename: string } | null)[] | null };
  [probe: `probe${string}`]: { issueCount: number } | null | undefined;
  rateLimit: RateLimitNode | null;
}
