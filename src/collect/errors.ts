// One-line errors that say which repository or query failed, keeping the client's error as `cause`.

/** What @octokit/graphql's GraphqlResponseError carries (GitHub answered 200 with `errors`). */
interface GraphqlErrorLike {
  errors: { message?: string; type?: string }[];
}

/** What @octokit/request's RequestError carries (GitHub answered with an HTTP error status). */
interface RequestErrorLike {
  status: number;
  message?: string;
  response?: { data?: unknown };
}

function isGraphqlError(error: unknown): error is GraphqlErrorLike {
  return typeof error === "object" && error !== null && Array.isArray((error as GraphqlErrorLike).errors);
}

function isRequestError(error: unknown): error is RequestErrorLike {
  return typeof error === "object" && error !== null && typeof (error as RequestErrorLike).status === "number";
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** GitHub's own message for an HTTP error ("Bad credentials"), without Octokit's " - https://docs..." suffix. */
function httpMessage(error: RequestErrorLike): string {
  const data = error.response?.data;
  if (typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string") {
    return (data as { message: string }).message;
  }
  return (error.message ?? "").replace(/ - https:\/\/\S+$/, "");
}

/** The reason alone, for an error already known to come from GitHub. */
export function describeGitHubError(error: unknown): string {
  if (isGraphqlError(error) && error.errors.length > 0) {
    return oneLine(error.errors.map((e) => e.message ?? e.type ?? "unknown error").join("; "));
  }
  if (isRequestError(error)) return oneLine(`HTTP ${error.status} ${httpMessage(error)}`);
  return oneLine(error instanceof Error ? error.message : String(error));
}

/**
 * Wraps a failed request, naming it for the reader: `GitHub search failed for repo:linuxkit/nope: ...`,
 * `GitHub query PullRequestFiles failed for linuxkit/linuxkit#2167: ...`.
 */
export function gitHubError(action: string, subject: string, error: unknown): Error {
  if (isRequestError(error) && error.status === 401) {
    // A bad token fails every request alike: naming the query would only distract.
    return new Error(oneLine(`GitHub rejected the token (401 ${httpMessage(error) || "Bad credentials"})`), {
      cause: error,
    });
  }
  return new Error(`GitHub ${action} failed for ${subject}: ${describeGitHubError(error)}`, { cause: error });
}
