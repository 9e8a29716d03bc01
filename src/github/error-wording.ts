// The words for GitHub's failures: one line each, for the CLI's stderr and the app's comments. Part of the one
// GitHub error module (./errors.ts re-exports all of it); the classification they rest on is there.
import {
  bodyMessage,
  gitHubMessageOf,
  inOneLine,
  isGitHubRequestError,
  rootCauseMessage,
  statusOf,
  type Failure,
  type GraphqlErrorEntry,
  type RequestErrorLike,
} from "./errors.js";

const withoutDocsLink = (text: string): string => text.replace(/ - https:\/\/\S+$/, "");
const firstLine = (text: string): string => text.split("\n")[0]!.trim();

/** An error's message on one line, whatever it is. */
export const messageInOneLine = (error: unknown): string =>
  inOneLine(error instanceof Error ? error.message : String(error));

/** What a failure given up on says: "connection lost: other side closed", or GitHub's message without its docs link. */
export function givenUpReason(failure: Failure): string {
  if (failure.noResponse) return `connection lost: ${failure.message}`;
  return withoutDocsLink(gitHubMessageOf(failure));
}

/** GitHub's own message for an HTTP error ("Bad credentials"), without Octokit's " - https://docs..." suffix. */
function httpMessage(error: RequestErrorLike): string {
  return bodyMessage(error.response?.data) ?? withoutDocsLink(error.message ?? "");
}

/** The reason alone, for an error already known to come from GitHub. */
export function describeGitHubError(error: unknown): string {
  const graphqlErrors = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(graphqlErrors) && graphqlErrors.length > 0) {
    return inOneLine(graphqlErrors.map((e: GraphqlErrorEntry) => e.message ?? e.type ?? "unknown error").join("; "));
  }
  if (isGitHubRequestError(error)) return inOneLine(`HTTP ${error.status} ${httpMessage(error)}`);
  return messageInOneLine(error);
}

/**
 * Wraps a failed request, naming it for the reader: `GitHub search failed for repo:linuxkit/nope: ...`,
 * `GitHub query PullRequestFiles failed for linuxkit/linuxkit#2167: ...`.
 */
export function gitHubError(action: string, subject: string, error: unknown): Error {
  if (isGitHubRequestError(error) && error.status === 401) {
    // A bad token fails every request alike: naming the query would only distract.
    return new Error(inOneLine(`GitHub rejected the token (401 ${httpMessage(error) || "Bad credentials"})`), {
      cause: error,
    });
  }
  return new Error(`GitHub ${action} failed for ${subject}: ${describeGitHubError(error)}`, { cause: error });
}

/**
 * An error's reason for a reader who sees no more than it: errors devreport worded already ("GitHub search failed
 * for repo:...: HTTP 502 ...") as they are, raw Octokit errors as describeGitHubError says them.
 */
export function reasonForReader(error: unknown): string {
  return error instanceof Error && statusOf(error) === undefined ? messageInOneLine(error) : describeGitHubError(error);
}

/** One line saying why a request failed; a lost connection names its innermost cause ("other side closed"). */
export function reasonOf(error: unknown): string {
  const e = error as { message?: unknown; status?: unknown; response?: unknown; cause?: unknown };
  if (e?.status === 500 && e.response === undefined) {
    return `no answer: ${firstLine(rootCauseMessage(e.cause, String(e.message ?? error)))}`;
  }
  const message = firstLine(e instanceof Error ? e.message : String(error));
  const status = statusOf(error);
  return status !== undefined && status >= 500 ? `HTTP ${status} ${message}` : message;
}
