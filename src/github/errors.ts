// Everything devreport knows about the errors Octokit and fetch throw, in one place: what kind of failure it was,
// whether a write may have happened anyway, and the one line the CLI and the app show for it. Nothing outside
// src/github/ reads `.status`, `.response.headers` or an Octokit error's message itself; it asks this module.
//
// The shapes read here:
// - @octokit/request-error 7 (node_modules/@octokit/request-error/dist-src/index.js): `RequestError` has `status`
//   (the HTTP status, 0 when unparsable), `response` ({ status, url, headers, data }) when an answer came, and a
//   message that @octokit/request builds as GitHub's `data.message` + " - " + `documentation_url`. When fetch itself
//   failed (connection refused or dropped, timeout), @octokit/request (dist-src/fetch-wrapper.js) throws a
//   RequestError with status 500, no `response`, and fetch's TypeError as `cause` (whose own cause is undici's
//   socket error, or an AggregateError of one error per address tried).
// - @octokit/graphql 9 (node_modules/@octokit/graphql/dist-src/error.js): `GraphqlResponseError` is thrown for a
//   200 answer carrying `errors`: it has `errors` ([{ type, message, path }]: RATE_LIMITED, NOT_FOUND, FORBIDDEN,
//   ...), `data`, `headers` and `response` (the whole body), and no `status`.
// - GitHub's rate limits (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api): the primary limit
//   answers 403 or 429 with x-ratelimit-remaining 0 and x-ratelimit-reset (epoch seconds), GraphQL also as a 200
//   with an error of type RATE_LIMITED; the secondary limit answers 403 or 429 with retry-after, or with a message
//   mentioning the secondary rate limit (then wait at least a minute).

import type { ValidationFailure } from "./rest-types.js";
import { GRAPHQL_TIMEOUT, graphqlErrorsOf } from "./graphql-errors.js";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

type Headers = Record<string, string | number | undefined>;

/** The HTTP status of a failed Octokit request, or undefined when no answer came (or it was no request error). */
export function statusOf(error: unknown): number | undefined {
  return (error as { status?: number } | null)?.status;
}

/** What @octokit/request-error's RequestError carries when GitHub answered with an HTTP error status. */
export interface RequestErrorLike {
  status: number;
  message?: string;
  response?: { data?: unknown };
}

/** GitHub answered with an HTTP error (a RequestError, or a GitHubRetryError that had an answer). */
export function isGitHubRequestError(error: unknown): error is RequestErrorLike {
  return typeof (error as { status?: unknown } | null)?.status === "number";
}

export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;

/**
 * A 403 from GitHub: permissions, not a passing failure. Collect wraps the Octokit error in its own one-line Error,
 * keeping it as `cause`, so the cause's status counts too.
 */
export function isForbidden(error: unknown): boolean {
  return (statusOf(error) ?? statusOf((error as { cause?: unknown } | null)?.cause)) === 403;
}

/** The request a failure answered (Octokit's RequestError keeps `request`), looked for along `cause`. */
export function failedRequestOf(error: unknown): { method: string; path: string; error: unknown } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    const request = current.request;
    if (isObject(request) && typeof request.method === "string" && typeof request.url === "string") {
      return {
        method: request.method.toUpperCase(),
        path: new URL(request.url, "http://github.invalid").pathname,
        error: current,
      };
    }
    current = current.cause;
  }
  return undefined;
}

/** GitHub refused a search naming a repository or owner the token cannot see (REST 422, or a GraphQL error). */
export function isUnsearchable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    const words = [current.message, ...graphqlErrorsOf(current).map((e) => e.message)];
    if (words.some((text) => typeof text === "string" && /cannot be searched/.test(text))) return true;
    current = current.cause;
  }
  return false;
}

/** GitHub's 422 explanation, from the message or the `errors[].message` list, for telling one 422 from another. */
function validationMessage(error: unknown): string {
  const response = (error as { response?: { data?: ValidationFailure } }).response;
  const parts = [
    (error as Error).message,
    response?.data?.message,
    ...(response?.data?.errors ?? []).map((e) => e.message),
  ];
  return parts.filter(Boolean).join(" ");
}

/** GitHub refused a write as invalid (422), optionally with an explanation matching `saying` ("already exists"). */
export function isValidationFailure(error: unknown, saying?: RegExp): boolean {
  return statusOf(error) === 422 && (saying === undefined || saying.test(validationMessage(error)));
}

/**
 * A 5xx or no answer at all: GitHub may or may not have acted on the write, so only reading back tells. Any other
 * failure is GitHub's answer that it did not (a 4xx, a rate limit the client gave up waiting for).
 */
export function isOutcomeUnknown(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/**
 * The innermost message along `cause` (and into an AggregateError's first error): for a dropped connection Octokit
 * says "Unknown Error" or "fetch failed" (and across realms, as under Jest, cannot even read the TypeError), while
 * undici's cause says "other side closed" and a refused connection's AggregateError names each address tried.
 */
export function rootCauseMessage(error: unknown, fallback = String(error)): string {
  let message = fallback;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    if (typeof current.message === "string" && current.message) message = current.message;
    // By name, not instanceof: the error may come from another realm.
    const aggregated =
      current.name === "AggregateError" && Array.isArray(current.errors) ? current.errors[0] : undefined;
    current = current.cause ?? aggregated;
  }
  return message;
}

/** What a failed request looks like to the classification: Octokit's RequestError, or a response we turned into one. */
export interface Failure {
  status?: number;
  message: string;
  headers?: Headers;
  data?: unknown;
  /** Octokit reports a connection that failed or closed without an answer as status 500 with no response. */
  noResponse: boolean;
}

/** A thrown error as a Failure. A GraphqlResponseError counts as its 200 answer, whose body holds the errors. */
export function failureOf(error: unknown): Failure {
  const e = error as {
    name?: unknown;
    status?: unknown;
    message?: unknown;
    response?: { headers?: Headers; data?: unknown };
    headers?: Headers;
  };
  if (e?.name === "GraphqlResponseError" && e.status === undefined) {
    return {
      status: 200,
      message: graphqlErrorsOf(error)[0]?.message ?? "GraphQL error",
      headers: e.headers,
      data: e.response,
      noResponse: false,
    };
  }
  const status = typeof e?.status === "number" ? e.status : undefined;
  const noResponse = e?.response === undefined;
  return {
    status,
    message: noResponse ? rootCauseMessage(error) : typeof e?.message === "string" ? e.message : String(error),
    headers: e?.response?.headers,
    data: e?.response?.data,
    noResponse,
  };
}

/**
 * A 200 GraphQL answer that is a failure worth waiting for: GraphQL reports its rate limit and its timeouts as
 * errors in a 200 answer. Undefined for an answer to hand back as it is (data, or errors no wait can fix).
 */
export function retryableGraphqlAnswer(answer: {
  status: number;
  headers: Headers;
  data: unknown;
}): Failure | undefined {
  const errors = graphqlErrorsOf(answer.data);
  if (!errors.some((e) => e.type === "RATE_LIMITED" || GRAPHQL_TIMEOUT.test(e.message ?? ""))) return undefined;
  return {
    status: answer.status,
    message: errors[0]?.message ?? "GraphQL error",
    headers: answer.headers,
    data: answer.data,
    noResponse: false,
  };
}

export type FailureKind =
  /** Wait `retryAfterSeconds` (GitHub's retry-after), or a minute when GitHub did not say. */
  | { kind: "secondary-rate-limit"; retryAfterSeconds?: number }
  /** Wait until `resetAtSeconds` (x-ratelimit-reset, epoch seconds) has passed. */
  | { kind: "primary-rate-limit"; resetAtSeconds?: number }
  /** No answer came (anything thrown without a response counts): a write may have happened. */
  | { kind: "no-response" }
  /** GitHub failed while answering: a write may have happened. */
  | { kind: "server-error"; status: number }
  /** The GraphQL query ran out of time on GitHub's side; a query, so nothing happened. */
  | { kind: "graphql-timeout" }
  /** GitHub's final answer to a GraphQL query: NOT_FOUND, FORBIDDEN, INVALID... */
  | { kind: "graphql-error"; types: string[] }
  /** GitHub's final answer over HTTP: 401, 403, 404, 422... */
  | { kind: "http-error"; status: number }
  /** Not a failure GitHub answered with an error: a 200 without errors, a 3xx. */
  | { kind: "other" };

const header = (failure: Failure, name: string): string | undefined => {
  const value = failure.headers?.[name];
  return value === undefined ? undefined : String(value);
};

/** GitHub's `message` in an answer's body. */
export function bodyMessage(data: unknown): string | undefined {
  return isObject(data) && typeof data.message === "string" ? data.message : undefined;
}

/** GitHub's own words for the failure: the body's message, else the error's. */
export const gitHubMessageOf = (failure: Failure): string =>
  bodyMessage(failure.data) ?? graphqlErrorsOf(failure.data)[0]?.message ?? failure.message;

export function classifyFailure(failure: Failure): FailureKind {
  const { status } = failure;
  const types = graphqlErrorsOf(failure.data).map((e) => e.type ?? e.message ?? "");
  const limited = status === 403 || status === 429;
  if (
    limited &&
    (/secondary rate limit/i.test(gitHubMessageOf(failure)) || header(failure, "retry-after") !== undefined)
  ) {
    const after = Number(header(failure, "retry-after"));
    return {
      kind: "secondary-rate-limit",
      ...(Number.isFinite(after) && after >= 0 ? { retryAfterSeconds: after } : {}),
    };
  }
  if ((limited && header(failure, "x-ratelimit-remaining") === "0") || types.includes("RATE_LIMITED")) {
    const reset = Number(header(failure, "x-ratelimit-reset"));
    return { kind: "primary-rate-limit", ...(Number.isFinite(reset) ? { resetAtSeconds: reset } : {}) };
  }
  if (failure.noResponse) return { kind: "no-response" };
  // Before the 5xx: GitHub answers its GraphQL timeout as a 502 as often as a 200.
  if (types.some((t) => GRAPHQL_TIMEOUT.test(t))) return { kind: "graphql-timeout" };
  if (status !== undefined && status >= 500) return { kind: "server-error", status };
  // A REST 422's body has `errors` too; only an answer without an HTTP error status is GraphQL's.
  if (types.length > 0 && (status === undefined || status < 400)) return { kind: "graphql-error", types };
  if (status !== undefined && status >= 400) return { kind: "http-error", status };
  return { kind: "other" };
}

/** classifyFailure for anything thrown: a RequestError, a GraphqlResponseError, a GitHubRetryError, or else. */
export const classifyGitHubError = (error: unknown): FailureKind => classifyFailure(failureOf(error));

/** A request given up on: the message is one line; `status` is GitHub's, absent when no answer came at all. */
export class GitHubRetryError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GitHubRetryError";
  }
}

/** Gives up on a failure: an answer without an error status (a rate-limited 200) is as good as no answer here. */
export function givenUp(failure: Failure, message: string, thrown: unknown): GitHubRetryError {
  const status = failure.noResponse || (failure.status ?? 0) < 400 ? undefined : failure.status;
  return new GitHubRetryError(message, status, { cause: thrown ?? failure.data });
}

// What GraphQL answers carry, and the one line each failure is said in, live beside this file; callers import them
// from here, as from one module.
export * from "./graphql-errors.js";
export * from "./error-wording.js";
