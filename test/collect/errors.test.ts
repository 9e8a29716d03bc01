import { describe, expect, test } from "@jest/globals";
import nock from "nock";
import { collectActivity } from "../../src/collect/index.js";
import { gitHubError } from "../../src/github/errors.js";
import { SEARCH_MERGED_PULLS } from "../../src/collect/queries.js";
import {
  bigPull,
  fakeGraphql,
  filesAnswer,
  operationName,
  paths,
  pullNode,
  searchPage,
  WEEK_27,
  type GraphqlBody,
} from "./helpers.js";
import { API, testClient } from "../support/github.js";
import { offline } from "../support/net.js";

const isFiles = (body: GraphqlBody): boolean => operationName(body) === "PullRequestFiles";

const CANNOT_SEARCH =
  "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.";

offline();

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("errors name what failed, on one line", () => {
  test("a search on a repository that does not exist", async () => {
    fakeGraphql(() => ({
      data: null,
      errors: [{ type: "INVALID", path: ["search"], locations: [{ line: 3, column: 5 }], message: CANNOT_SEARCH }],
    }));
    const error = await failure(collectActivity(testClient(), { repositories: ["linuxkit/nope"], period: WEEK_27 }));
    expect(error.message).toBe(`GitHub search failed for repo:linuxkit/nope: ${CANNOT_SEARCH}`);
    expect((error.cause as { name?: string }).name).toBe("GraphqlResponseError");
  });

  test("a bad token", async () => {
    nock(API)
      .persist()
      .post("/graphql")
      .reply(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/graphql", status: "401" });
    const error = await failure(collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27 }));
    expect(error.message).toBe("GitHub rejected the token (401 Bad credentials)");
    expect((error.cause as { status?: number }).status).toBe(401);
  });

  test("other HTTP errors keep GitHub's message and status", async () => {
    nock(API).persist().post("/graphql").reply(502, { message: "Server Error" });
    const error = await failure(collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27 }));
    expect(error.message).toBe("GitHub search failed for repo:a/b: HTTP 502 Server Error");
  });

  test("a PR's file pages that vanish (NOT_FOUND) name the pull request", async () => {
    const big = pullNode("a/b", 7, {
      files: { totalCount: 150, pageInfo: { hasNextPage: true, endCursor: "f100" }, nodes: paths(0, 100) },
    });
    fakeGraphql((body) => {
      if (body.query === SEARCH_MERGED_PULLS) return searchPage([big]);
      if (isFiles(body)) {
        return {
          data: { repository: null },
          errors: [
            {
              type: "NOT_FOUND",
              path: ["repository"],
              message: "Could not resolve to a Repository with the name 'a/b'.",
            },
          ],
        };
      }
      return searchPage([]);
    });
    const error = await failure(collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27 }));
    expect(error.message).toBe(
      "GitHub query PullRequestFiles failed for a/b#7: Could not resolve to a Repository with the name 'a/b'.",
    );
  });

  test("a batched query names the pull request GitHub's error points at", async () => {
    fakeGraphql((body) => {
      if (body.query === SEARCH_MERGED_PULLS) return searchPage([1, 2, 3].map((n) => bigPull("a/b", n, 150)));
      if (isFiles(body)) {
        const { data } = filesAnswer(body, { 1: 150, 2: 150, 3: 150 });
        return {
          data: { ...data, p1: { pullRequest: null } },
          errors: [
            {
              type: "NOT_FOUND",
              path: ["p1", "pullRequest"],
              message: "Could not resolve to a PullRequest with the number of 2.",
            },
          ],
        };
      }
      return searchPage([]);
    });
    const error = await failure(collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27 }));
    expect(error.message).toBe(
      "GitHub query PullRequestFiles failed for a/b#2: Could not resolve to a PullRequest with the number of 2.",
    );
  });

  test("several GraphQL errors are joined, newlines folded", () => {
    const error = gitHubError("search", "repo:a/b", { errors: [{ message: "one\ntwo" }, { type: "RATE_LIMITED" }] });
    expect(error.message).toBe("GitHub search failed for repo:a/b: one two; RATE_LIMITED");
  });

  test("after a failure, queued requests are not sent", async () => {
    // 60 PRs with a second file page: three batches of 20, queued behind each other (concurrency 1).
    const many = Array.from({ length: 60 }, (_, i) =>
      pullNode("a/b", i + 1, {
        files: { totalCount: 200, pageInfo: { hasNextPage: true, endCursor: "c" }, nodes: [] },
      }),
    );
    const { bodies } = fakeGraphql(
      (body) => {
        if (body.query === SEARCH_MERGED_PULLS) return searchPage(many);
        if (isFiles(body)) return { data: null, errors: [{ message: "boom" }] };
        return searchPage([]);
      },
      { delayMs: 5 },
    );
    const error = await failure(
      collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27, concurrency: 1 }),
    );
    // An error that points at no alias names the batch.
    expect(error.message).toBe("GitHub query PullRequestFiles failed for a/b#1, a/b#2, a/b#3 and 17 more: boom");
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Two searches and the failing batch; the two other batches were dropped from the queue.
    expect(bodies.filter(isFiles)).toHaveLength(1);
  });

  test("a file page failing while a search still pages ends the run with that error, without hanging", async () => {
    // 20 PRs fill a batch, which goes out before the search's second page (concurrency 1).
    const big = Array.from({ length: 20 }, (_, i) =>
      pullNode("a/b", i + 1, {
        files: { totalCount: 200, pageInfo: { hasNextPage: true, endCursor: "c" }, nodes: [] },
      }),
    );
    const { bodies } = fakeGraphql((body) => {
      if (body.query === SEARCH_MERGED_PULLS) {
        // Page 2 is queued behind the file page (concurrency 1) and must settle, not wait forever.
        return searchPage(big, { issueCount: 40, endCursor: body.variables.cursor === null ? "page2" : null });
      }
      if (isFiles(body)) return { data: null, errors: [{ message: "boom" }] };
      return searchPage([]);
    });
    const error = await failure(
      collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27, concurrency: 1 }),
    );
    expect(error.message).toBe("GitHub query PullRequestFiles failed for a/b#1, a/b#2, a/b#3 and 17 more: boom");
    expect(bodies.filter((b) => b.query === SEARCH_MERGED_PULLS)).toHaveLength(1);
  }, 2000);

  test("bad options are refused before any request", async () => {
    await expect(collectActivity(testClient(), { repositories: [], period: WEEK_27 })).rejects.toThrow(
      "collect needs at least one repository",
    );
    await expect(
      collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27, concurrency: 0 }),
    ).rejects.toThrow("concurrency must be a positive integer, got 0");
  });
});
