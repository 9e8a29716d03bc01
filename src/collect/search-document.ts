// The envelope every collect query shares: the budget it reports (`rateLimit`), and a search page around the
// selection of its kind. Kept apart from queries.ts so that activity-queries.ts can use it too without a cycle.

/** The page size of every connection: GitHub's maximum, so a typical week is one request per search. */
export const PAGE_SIZE = 100;

export const RATE_LIMIT = /* GraphQL */ `
  rateLimit {
    cost
    remaining
    resetAt
  }
`;

/**
 * `query <name>($searchQuery, $cursor)`: one page of 100 search hits, each with `selection`, then the rate limit and
 * `fragments`. `$searchQuery`, not `$query`: @octokit/graphql reserves the `query` parameter for the document.
 * timeouts.ts and probe.ts rewrite the page size and the signature as they stand here.
 */
export function searchPageDocument(name: string, selection: string, fragments = ""): string {
  return /* GraphQL */ `
  query ${name}($searchQuery: String!, $cursor: String) {
    search(query: $searchQuery, type: ISSUE, first: ${PAGE_SIZE}, after: $cursor) {
      issueCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        __typename
${selection}
      }
    }
    ${RATE_LIMIT}
  }
  ${fragments}
`;
}
