// What a GraphQL answer's errors say, read from @octokit/graphql 9's GraphqlResponseError
// (node_modules/@octokit/graphql/dist-src/error.js: `errors` [{ type, message, path }], `data`, `response`) or from
// a body GitHub answered with. Re-exported by errors.ts, the one module callers import.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Any text on one line. */
export const inOneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

export interface GraphqlErrorEntry {
  type?: string;
  message?: string;
  path?: unknown[];
}

/** The `errors` of a GraphqlResponseError (or of a body GitHub answered with); [] for anything else. */
export function graphqlErrorsOf(error: unknown): GraphqlErrorEntry[] {
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? errors.filter(isObject) : [];
}

/**
 * What GitHub did answer beside GraphQL errors: @octokit/graphql throws a GraphqlResponseError carrying the partial
 * `data` (node_modules/@octokit/graphql/dist-bundle/index.js), which holds every field that did resolve.
 */
export function partialDataOf<T>(error: unknown): T | undefined {
  const data = (error as { data?: unknown } | null)?.data;
  return isObject(data) ? (data as T) : undefined;
}

// A query past GitHub's 10 s limit (docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api)
// is answered `{ data: null, errors: [{ message: "Something went wrong while executing your query. This may be the
// result of a timeout, or it could be a GitHub bug. Please include `E2B5:...` when reporting this issue." }] }`, as a
// 200 or (most reports: github.com/gitkraken/vscode-gitlens/issues/3298, github.com/my-badges/my-badges/issues/72) a 502.
export const GRAPHQL_TIMEOUT = /Something went wrong while executing your query/;

/**
 * GitHub's GraphQL timeout, whichever way it arrived (a GraphqlResponseError, a 502 RequestError whose body holds
 * the error, a GitHubRetryError given up on either, whose `cause` is the error or the body), looked for along
 * `cause`: GitHub's message, or undefined when the failure was no timeout.
 */
export function graphqlTimeoutOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    const response = current.response;
    for (const body of [current, isObject(response) ? response.data : undefined]) {
      const timeout = graphqlErrorsOf(body).find((e) => GRAPHQL_TIMEOUT.test(e.message ?? ""));
      if (timeout) return inOneLine(timeout.message ?? "");
    }
    current = current.cause;
  }
  return undefined;
}
