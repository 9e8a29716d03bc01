// retryDecision on its own: which failures are retried, for how long, and which are left to the caller.
import { describe, expect, test } from "@jest/globals";
import { isWrite } from "../../src/github/retry-hook.js";
import type { Failure } from "../../src/github/errors.js";
import { DEFAULT_RETRY_POLICY, retryDecision } from "../../src/github/retry.js";

const NOW = Date.parse("2024-03-11T12:00:00Z");
const policy = { ...DEFAULT_RETRY_POLICY, now: () => NOW };
const failure = (status: number | undefined, extra: Partial<Failure> = {}): Failure => ({
  status,
  message: "x",
  noResponse: false,
  ...extra,
});

describe("retryDecision", () => {
  test("5xx and dropped reads back off exponentially, up to the attempt bound", () => {
    expect(retryDecision(failure(502), 1, false, policy)).toMatchObject({ retry: true, waitMs: 1000 });
    expect(retryDecision(failure(503), 3, false, policy)).toMatchObject({ retry: true, waitMs: 4000 });
    expect(retryDecision(failure(500, { noResponse: true, message: "other side closed" }), 4, false, policy)).toEqual({
      retry: false,
      error: "connection lost: other side closed (gave up after 4 attempts)",
    });
  });

  test("a write whose answer was a 5xx or never came is not repeated: it may have happened", () => {
    expect(retryDecision(failure(502), 1, true, policy)).toEqual({ retry: false });
    expect(retryDecision(failure(500, { noResponse: true }), 1, true, policy)).toEqual({ retry: false });
  });

  test("rate limits are repeated for writes too: GitHub refused before acting", () => {
    const secondary = failure(403, {
      headers: { "retry-after": "2" },
      data: { message: "You have exceeded a secondary rate limit." },
    });
    expect(retryDecision(secondary, 1, true, policy)).toMatchObject({ retry: true, waitMs: 2000 });
    const primary = failure(403, {
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 5) },
    });
    expect(retryDecision(primary, 1, true, policy)).toMatchObject({ retry: true, waitMs: 6000 });
    expect(retryDecision(failure(429, { headers: { "retry-after": "1" } }), 1, false, policy)).toMatchObject({
      retry: true,
      waitMs: 1000,
    });
  });

  test("a secondary limit without retry-after waits GitHub's minute", () => {
    const secondary = failure(403, { data: { message: "You have exceeded a secondary rate limit" } });
    expect(retryDecision(secondary, 1, false, policy)).toMatchObject({ retry: true, waitMs: 60_000 });
  });

  test("other client errors are the caller's: permissions, not found, validation, bad credentials", () => {
    for (const status of [400, 401, 403, 404, 409, 422])
      expect(retryDecision(failure(status), 1, false, policy)).toEqual({ retry: false });
  });
});

test("isWrite: GraphQL queries are reads, mutations and REST writes are not", () => {
  expect(isWrite({ method: "POST", url: "/graphql", query: "query Q { viewer { login } }" })).toBe(false);
  expect(isWrite({ method: "POST", url: "/graphql", query: "fragment F on User { login }\nmutation M { x }" })).toBe(
    true,
  );
  expect(isWrite({ method: "GET", url: "/repos/{owner}/{repo}" })).toBe(false);
  expect(isWrite({ method: "PUT", url: "/repos/{owner}/{repo}/contents/{path}" })).toBe(true);
});
