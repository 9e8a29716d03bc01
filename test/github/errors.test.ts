// The classification and the wording on their own, from errors built the way Octokit builds them: no server.
import { describe, expect, test } from "@jest/globals";
import { GraphqlResponseError } from "@octokit/graphql";
import { RequestError } from "@octokit/request-error";
import {
  classifyGitHubError,
  describeGitHubError,
  failureOf,
  gitHubError,
  GitHubRetryError,
  gitHubMessageOf,
  givenUp,
  graphqlErrorsOf,
  isForbidden,
  isGitHubRequestError,
  isNotFound,
  isOutcomeUnknown,
  isValidationFailure,
  reasonForReader,
  reasonOf,
  retryableGraphqlAnswer,
  rootCauseMessage,
} from "../../src/github/errors.js";

const gitHubMessageOfFailure = (error: unknown) => gitHubMessageOf(failureOf(error));
const RESET = 1710158400; // 2024-03-11T12:00:00Z
const DOCS = "https://docs.github.com/rest";
const request = { method: "POST", url: "https://api.github.com/repos/a/b/git/refs", headers: {} } as const;

/** What @octokit/request throws for an HTTP error status: GitHub's message + " - " + its documentation link. */
function httpError(
  status: number,
  data: { message: string; errors?: unknown[] },
  headers: Record<string, string> = {},
) {
  const body = { ...data, documentation_url: DOCS };
  return new RequestError(`${data.message} - ${DOCS}`, status, {
    request: { ...request },
    response: { status, url: request.url, headers, data: body },
  });
}

/** What @octokit/request throws when fetch failed: status 500, no response, fetch's TypeError as cause. */
function dropped(innermost: Error) {
  const error = new RequestError("fetch failed", 500, { request: { ...request } });
  error.cause = new TypeError("fetch failed", { cause: innermost });
  return error;
}

/** What @octokit/graphql throws for a 200 answer carrying errors. */
function graphqlError(
  errors: { type?: string; message: string; path?: string[] }[],
  headers: Record<string, string> = {},
) {
  return new GraphqlResponseError({ method: "POST", url: "/graphql", query: "query { viewer { login } }" }, headers, {
    data: null,
    errors,
  } as never);
}

const NOT_FOUND_REPO = "Could not resolve to a Repository with the name 'a/b'.";

describe("classifyGitHubError", () => {
  test("primary rate limit: 403 or 429 with x-ratelimit-remaining 0, reset when GitHub says it", () => {
    const primary = httpError(
      403,
      { message: "API rate limit exceeded for installation ID 1." },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(RESET) },
    );
    expect(classifyGitHubError(primary)).toEqual({ kind: "primary-rate-limit", resetAtSeconds: RESET });
    expect(classifyGitHubError(httpError(429, { message: "x" }, { "x-ratelimit-remaining": "0" }))).toEqual({
      kind: "primary-rate-limit",
    });
  });

  test("secondary rate limit: retry-after, or the message alone; it wins over x-ratelimit-remaining 0", () => {
    expect(classifyGitHubError(httpError(429, { message: "x" }, { "retry-after": "30" }))).toEqual({
      kind: "secondary-rate-limit",
      retryAfterSeconds: 30,
    });
    const byMessage = httpError(
      403,
      { message: "You have exceeded a secondary rate limit. Please wait a few minutes." },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(RESET) },
    );
    expect(classifyGitHubError(byMessage)).toEqual({ kind: "secondary-rate-limit" });
  });

  test("GraphQL's rate limit, its timeout and its final errors", () => {
    const limited = graphqlError([{ type: "RATE_LIMITED", message: "API rate limit exceeded" }], {
      "x-ratelimit-reset": String(RESET),
    });
    expect(classifyGitHubError(limited)).toEqual({ kind: "primary-rate-limit", resetAtSeconds: RESET });
    expect(
      classifyGitHubError(
        graphqlError([
          { message: "Something went wrong while executing your query. This may be the result of a timeout." },
        ]),
      ),
    ).toEqual({ kind: "graphql-timeout" });
    // The same timeout as GitHub answers it most often: a 502 whose body is GraphQL's (no `message` of its own).
    const timeout =
      "Something went wrong while executing your query. This may be the result of a timeout, or it could be a " +
      "GitHub bug. Please include `E2B5:17176:C8D909:165E039:6650BF08` when reporting this issue.";
    const body = { data: null, errors: [{ message: timeout }] };
    const bad = new RequestError(`Unknown error: ${JSON.stringify(body)}`, 502, {
      request: { ...request },
      response: { status: 502, url: request.url, headers: {}, data: body },
    });
    expect(classifyGitHubError(bad)).toEqual({ kind: "graphql-timeout" });
    expect(givenUp(failureOf(bad), "x", bad).status).toBe(502);
    expect(gitHubMessageOfFailure(bad)).toBe(timeout);
    expect(
      classifyGitHubError(
        graphqlError([
          { type: "NOT_FOUND", message: NOT_FOUND_REPO },
          { type: "FORBIDDEN", message: "no" },
        ]),
      ),
    ).toEqual({ kind: "graphql-error", types: ["NOT_FOUND", "FORBIDDEN"] });
  });

  test("no answer, GitHub failing, GitHub's final answer, and anything else", () => {
    expect(classifyGitHubError(dropped(new Error("other side closed")))).toEqual({ kind: "no-response" });
    expect(classifyGitHubError(httpError(502, { message: "Server Error" }))).toEqual({
      kind: "server-error",
      status: 502,
    });
    expect(classifyGitHubError(httpError(403, { message: "Resource not accessible by integration" }))).toEqual({
      kind: "http-error",
      status: 403,
    });
    // A REST 422 lists `errors` too: still an HTTP error, not GraphQL's.
    const duplicate = httpError(422, {
      message: "Validation Failed",
      errors: [{ message: "A pull request already exists for a:b." }],
    });
    expect(classifyGitHubError(duplicate)).toEqual({ kind: "http-error", status: 422 });
    // Thrown without an answer, as isOutcomeUnknown also reads it: the request may have gone out.
    expect(classifyGitHubError(new Error("boom"))).toEqual({ kind: "no-response" });
  });

  test("an answer that is no failure", () => {
    expect(classifyGitHubError({ status: 200, response: { headers: {}, data: { data: {} } } })).toEqual({
      kind: "other",
    });
  });

  test("a dropped connection's Failure carries the innermost cause", () => {
    expect(failureOf(dropped(new Error("other side closed")))).toEqual({
      status: 500,
      message: "other side closed",
      headers: undefined,
      data: undefined,
      noResponse: true,
    });
  });
});

test("retryableGraphqlAnswer: a 200 answer is worth waiting for only when rate-limited or timed out", () => {
  const headers = { "x-ratelimit-remaining": "0" };
  const data = { data: null, errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] };
  expect(retryableGraphqlAnswer({ status: 200, headers, data })).toEqual({
    status: 200,
    message: "API rate limit exceeded",
    headers,
    data,
    noResponse: false,
  });
  expect(
    retryableGraphqlAnswer({
      status: 200,
      headers,
      data: { data: null, errors: [{ type: "NOT_FOUND", message: NOT_FOUND_REPO }] },
    }),
  ).toBeUndefined();
  expect(retryableGraphqlAnswer({ status: 200, headers, data: { data: { viewer: { login: "a" } } } })).toBeUndefined();
});

describe("outcome of a write", () => {
  test("unknown after no answer or a 5xx; known after GitHub's refusal", () => {
    expect(isOutcomeUnknown(dropped(new Error("other side closed")))).toBe(true);
    expect(isOutcomeUnknown(httpError(502, { message: "Server Error" }))).toBe(true);
    expect(isOutcomeUnknown(new GitHubRetryError("connection lost: x (gave up after 4 attempts)", undefined))).toBe(
      true,
    );
    expect(isOutcomeUnknown(httpError(422, { message: "Reference already exists" }))).toBe(false);
    expect(isOutcomeUnknown(new GitHubRetryError("rate limited", 403))).toBe(false);
  });

  test("givenUp keeps GitHub's error status, none for no answer or a rate-limited 200", () => {
    const limited = failureOf(httpError(403, { message: "x" }, { "retry-after": "999" }));
    expect(givenUp(limited, "x", undefined).status).toBe(403);
    expect(givenUp(failureOf(dropped(new Error("reset"))), "connection lost", undefined).status).toBeUndefined();
    const answer = retryableGraphqlAnswer({
      status: 200,
      headers: {},
      data: { errors: [{ type: "RATE_LIMITED", message: "m" }] },
    })!;
    expect(givenUp(answer, "m", undefined)).toMatchObject({
      name: "GitHubRetryError",
      message: "m",
      status: undefined,
    });
  });
});

describe("root cause", () => {
  test("follows cause chains and an AggregateError's first error", () => {
    expect(rootCauseMessage(dropped(new Error("other side closed")))).toBe("other side closed");
    const refused = new AggregateError(
      [new Error("connect ECONNREFUSED 127.0.0.1:443"), new Error("connect ECONNREFUSED ::1:443")],
      "",
    );
    expect(rootCauseMessage(dropped(refused))).toBe("connect ECONNREFUSED 127.0.0.1:443");
    expect(rootCauseMessage("plain")).toBe("plain");
  });
});

describe("predicates for callers", () => {
  test("statuses and GitHub's 422 explanations", () => {
    expect(isNotFound(httpError(404, { message: "Not Found" }))).toBe(true);
    expect(isNotFound(new Error("Not Found"))).toBe(false);
    const duplicate = httpError(422, {
      message: "Validation Failed",
      errors: [{ message: "A pull request already exists for a:b." }],
    });
    expect(isValidationFailure(duplicate, /already exists/i)).toBe(true);
    expect(isValidationFailure(duplicate, /does not exist/i)).toBe(false);
    expect(isValidationFailure(httpError(422, { message: "Update is not a fast forward" }))).toBe(true);
    expect(isValidationFailure(httpError(409, { message: "Reference already exists" }), /already exists/i)).toBe(false);
  });

  test("a request error has a status; a GraphQL error and a retry error without an answer do not", () => {
    expect(isGitHubRequestError(httpError(404, { message: "Not Found" }))).toBe(true);
    expect(isGitHubRequestError(graphqlError([{ type: "NOT_FOUND", message: NOT_FOUND_REPO }]))).toBe(false);
    expect(isGitHubRequestError(new GitHubRetryError("connection lost", undefined))).toBe(false);
  });

  test("a 403 counts when collect wrapped it", () => {
    const forbidden = httpError(403, { message: "Resource not accessible by integration" });
    expect(isForbidden(forbidden)).toBe(true);
    expect(isForbidden(gitHubError("search", "repo:a/b", forbidden))).toBe(true);
    expect(isForbidden(httpError(404, { message: "Not Found" }))).toBe(false);
  });

  test("graphqlErrorsOf: the entries and their paths, [] for other errors", () => {
    const error = graphqlError([{ type: "NOT_FOUND", path: ["p1", "pullRequest"], message: "gone" }]);
    expect(graphqlErrorsOf(error)).toEqual([{ type: "NOT_FOUND", path: ["p1", "pullRequest"], message: "gone" }]);
    expect(graphqlErrorsOf(httpError(404, { message: "Not Found" }))).toEqual([]);
  });
});

describe("the words", () => {
  test("describeGitHubError: GitHub's own message, without the docs link", () => {
    expect(describeGitHubError(httpError(404, { message: "Not Found" }))).toBe("HTTP 404 Not Found");
    expect(
      describeGitHubError(
        graphqlError([
          { type: "NOT_FOUND", message: NOT_FOUND_REPO },
          { type: "FORBIDDEN", message: "a\nb" },
        ]),
      ),
    ).toBe(`${NOT_FOUND_REPO}; a b`);
    expect(describeGitHubError(new Error("one\n two"))).toBe("one two");
  });

  test("gitHubError names the request; a bad token is said once for all", () => {
    expect(gitHubError("request", "repository a/b", httpError(502, { message: "Server Error" })).message).toBe(
      "GitHub request failed for repository a/b: HTTP 502 Server Error",
    );
    expect(gitHubError("search", "repo:a/b", httpError(401, { message: "Bad credentials" })).message).toBe(
      "GitHub rejected the token (401 Bad credentials)",
    );
    const retried = new GitHubRetryError("connection lost: other side closed (gave up after 4 attempts)", undefined);
    expect(gitHubError("search", "repo:a/b", retried).message).toBe(
      "GitHub search failed for repo:a/b: connection lost: other side closed (gave up after 4 attempts)",
    );
  });

  test("reasonForReader: devreport's own lines as they are, raw Octokit errors described", () => {
    expect(reasonForReader(new Error("GitHub search failed for repo:a/b: HTTP 502\nServer Error"))).toBe(
      "GitHub search failed for repo:a/b: HTTP 502 Server Error",
    );
    expect(reasonForReader(httpError(403, { message: "Resource not accessible by integration" }))).toBe(
      "HTTP 403 Resource not accessible by integration",
    );
  });

  test("reasonOf: no answer names the innermost cause; a 5xx its status; a 4xx Octokit's message", () => {
    expect(reasonOf(dropped(new Error("other side closed")))).toBe("no answer: other side closed");
    expect(reasonOf(dropped(new AggregateError([new Error("connect ECONNREFUSED 127.0.0.1:443")], "")))).toBe(
      "no answer: connect ECONNREFUSED 127.0.0.1:443",
    );
    expect(reasonOf(httpError(502, { message: "Server Error" }))).toBe(`HTTP 502 Server Error - ${DOCS}`);
    expect(reasonOf(httpError(422, { message: "Reference already exists" }))).toBe(
      `Reference already exists - ${DOCS}`,
    );
  });
});
