// The GraphQL documents collect sends (the shapes of their answers are in answers.ts).
// test/collect/queries.test.ts validates every document against GitHub's published schema.

import { SEARCH_ACTIVITY } from "./activity-queries.js";
import { RATE_LIMIT, searchPageDocument } from "./search-document.js";

export { PAGE_SIZE } from "./search-document.js";

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

export const SEARCH_MERGED_PULLS = searchPageDocument(
  "SearchMergedPulls",
  "        ...PullRequestFields",
  PULL_REQUEST_FIELDS,
);

export const SEARCH_CLOSED_ISSUES = searchPageDocument("SearchClosedIssues", "        ...IssueFields", ISSUE_FIELDS);

/**
 * How many PRs one PullRequestFiles query fetches the next file page of. Each aliased `files(first: 100)` is one
 * connection: GitHub's formula prices 20 of them at 20 / 100, rounded up to the minimum of 1 point, and the answer
 * stays at most 2,000 paths.
 */
export const FILE_PAGE_BATCH = 20;

export const FILE_PAGE_FIELDS = /* GraphQL */ `
  fragment FilePage on PullRequestChangedFileConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      path
    }
  }
`;

/** The template of one PR's next page: alias `p<i>`, variables suffixed with `i`. Only `i` (an integer) varies. */
function filePageSelection(i: number): string {
  return /* GraphQL */ `
    p${i}: repository(owner: $owner${i}, name: $repo${i}) {
      pullRequest(number: $number${i}) {
        files(first: 100, after: $cursor${i}) {
          ...FilePage
        }
      }
    }`;
}

const filesDocuments: string[] = [];

/**
 * The next file page of `size` pull requests (1..FILE_PAGE_BATCH) in one query: `p0` ... `p<size - 1>`, each with
 * its own `$owner<i>`, `$repo<i>`, `$number<i>` and `$cursor<i>` (values travel as variables, never as query text).
 * Same size, same text: test/collect/queries.test.ts validates every size against GitHub's schema.
 */
export function pullRequestFilesQuery(size: number): string {
  if (!Number.isInteger(size) || size < 1 || size > FILE_PAGE_BATCH) {
    throw new Error(`a PullRequestFiles query takes 1 to ${FILE_PAGE_BATCH} pull requests, not ${size}`);
  }
  filesDocuments[size] ??= (() => {
    const indexes = Array.from({ length: size }, (_, i) => i);
    const parameters = indexes.map(
      (i) => `$owner${i}: String!, $repo${i}: String!, $number${i}: Int!, $cursor${i}: String!`,
    );
    return /* GraphQL */ `
  query PullRequestFiles(${parameters.join(", ")}) {${indexes.map(filePageSelection).join("")}
    ${RATE_LIMIT}
  }
  ${FILE_PAGE_FIELDS}
`;
  })();
  return filesDocuments[size];
}

/** The variables of `pullRequestFilesQuery(pages.length)`. */
export function pullRequestFilesVariables(
  pages: { owner: string; repo: string; number: number; cursor: string }[],
): Record<string, string | number> {
  const variables: Record<string, string | number> = {};
  pages.forEach((page, i) => {
    variables[`owner${i}`] = page.owner;
    variables[`repo${i}`] = page.repo;
    variables[`number${i}`] = page.number;
    variables[`cursor${i}`] = page.cursor;
  });
  return variables;
}

/** Every document collect sends, by operation name (the schema test walks this list; PullRequestFiles at size 1). */
export const DOCUMENTS = {
  SearchMergedPulls: SEARCH_MERGED_PULLS,
  SearchClosedIssues: SEARCH_CLOSED_ISSUES,
  PullRequestFiles: pullRequestFilesQuery(1),
  SearchActivity: SEARCH_ACTIVITY,
} as const;
