// Retry delays of scheduled runs: until the rate limit resets when GitHub said so (also through wrapped causes),
// else exponential with a ceiling. Errors are built as Octokit builds them.
import { expect, test } from "@jest/globals";
import { RequestError } from "@octokit/request-error";
import { installationLimit } from "../../src/schedule/installation-limit.js";
import { retryDelayMs } from "../../src/schedule/backoff.js";

const request = { method: "GET", url: "https://api.github.com/search/issues", headers: {} } as const;
const httpError = (status: number, message: string, headers: Record<string, string> = {}) =>
  new RequestError(message, status, {
    request: { ...request },
    response: { status, url: request.url, headers, data: { message } },
  });

const NOW = Date.parse("2024-04-01T06:00:00Z");
const policy = { baseMs: 1000, maxMs: 10_000 };

test("a primary rate limit waits until x-ratelimit-reset, a second past it", () => {
  const limited = httpError(403, "API rate limit exceeded for installation ID 1.", {
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(NOW / 1000 + 120),
  });
  expect(retryDelayMs(limited, 1, NOW, policy)).toBe(121_000);
  // Wrapped by the use case ("GitHub search failed for ...: ..."), the cause still decides.
  expect(retryDelayMs(new Error("GitHub search failed", { cause: limited }), 3, NOW, policy)).toBe(121_000);
  // A reset already past: a second.
  const past = httpError(403, "API rate limit exceeded", {
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(NOW / 1000 - 5),
  });
  expect(retryDelayMs(past, 1, NOW, policy)).toBe(1000);
});

test("a secondary rate limit waits retry-after, or a minute when GitHub did not say", () => {
  expect(
    retryDelayMs(httpError(403, "You have exceeded a secondary rate limit.", { "retry-after": "30" }), 1, NOW, policy),
  ).toBe(31_000);
  expect(retryDelayMs(httpError(403, "You have exceeded a secondary rate limit."), 1, NOW, policy)).toBe(60_000);
});

test("anything else backs off exponentially up to the ceiling", () => {
  const failure = httpError(502, "Server Error");
  expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(failure, attempt, NOW, policy))).toEqual([
    1000, 2000, 4000, 8000, 10_000, 10_000,
  ]);
  expect(retryDelayMs(new Error("boom"), 1, NOW)).toBe(30_000);
});

test("at most N runs at once per installation; installations do not wait for each other", async () => {
  const limit = installationLimit(2);
  let active = 0;
  let peak = 0;
  const started: number[] = [];
  const run = (installation: number) =>
    limit(installation, async () => {
      started.push(installation);
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active -= 1;
    });
  await Promise.all([run(1), run(1), run(1), run(1), run(2)]);
  // Installation 2 started before installation 1's third run: it did not queue behind it.
  expect(started.slice(0, 3)).toEqual([1, 1, 2]);
  expect(peak).toBe(3);
});
