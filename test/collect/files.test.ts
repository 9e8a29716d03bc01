import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { collectActivity } from "../../src/collect/index.js";
import { PULL_REQUEST_FILES, SEARCH_CLOSED_ISSUES, SEARCH_MERGED_PULLS } from "../../src/collect/queries.js";
import { fakeGraphql, paths, pullNode, searchPage, testClient, WEEK_27, type GraphqlBody } from "./helpers.js";

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("changed files", () => {
  test("pages the files of a 250-file PR: the search page plus two PullRequestFiles requests", async () => {
    const repo = "linuxkit/linuxkit";
    const big = pullNode(repo, 2222, {
      files: { totalCount: 250, pageInfo: { hasNextPage: true, endCursor: "f100" }, nodes: paths(0, 100) },
    });
    const lines: string[] = [];
    const { bodies } = fakeGraphql((body) => {
      if (body.query === SEARCH_MERGED_PULLS) return searchPage([big, pullNode(repo, 2223)]);
      if (body.query === SEARCH_CLOSED_ISSUES) return searchPage([]);
      const after = body.variables.cursor;
      const [nodes, endCursor] = after === "f100" ? [paths(100, 200), "f200"] : [paths(200, 250), null];
      return {
        data: {
          repository: {
            pullRequest: { files: { totalCount: 250, pageInfo: { hasNextPage: endCursor !== null, endCursor }, nodes } },
          },
          rateLimit: { cost: 1, remaining: 4990, resetAt: "2017-07-10T01:00:00Z" },
        },
      };
    });
    const { activity, stats } = await collectActivity(testClient(), {
      repositories: [repo],
      period: WEEK_27,
      log: (line) => lines.push(line),
    });
    expect(bodies.filter((b) => b.query === PULL_REQUEST_FILES)).toEqual([
      { query: PULL_REQUEST_FILES, variables: { owner: "linuxkit", repo: "linuxkit", number: 2222, cursor: "f100" } },
      { query: PULL_REQUEST_FILES, variables: { owner: "linuxkit", repo: "linuxkit", number: 2222, cursor: "f200" } },
    ]);
    expect(activity.pulls[0].files).toEqual(paths(0, 250).map((p) => p.path));
    expect(activity.pulls[1].files).toEqual(["README.md"]);
    expect(stats.requests.filePages).toBe(2);
    expect(lines.filter((l) => l.startsWith("files"))).toEqual([
      "files linuxkit/linuxkit#2222: page 2, 200 of 250 (cost 1, 4990 remaining)",
      "files linuxkit/linuxkit#2222: page 3, 250 of 250 (cost 1, 4990 remaining)",
    ]);
  });

  test("null files (a diff too large for GitHub) give an empty list", async () => {
    fakeGraphql((body) => searchPage(body.query === SEARCH_MERGED_PULLS ? [pullNode("a/b", 1, { files: null })] : []));
    const { activity } = await collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27 });
    expect(activity.pulls[0].files).toEqual([]);
  });
});

test("never more than `concurrency` requests in flight, while file pages of many PRs overlap", async () => {
  const repo = "a/b";
  const many = Array.from({ length: 8 }, (_, i) =>
    pullNode(repo, i + 1, { files: { totalCount: 300, pageInfo: { hasNextPage: true, endCursor: "p1" }, nodes: paths(0, 100) } }),
  );
  let inFlight = 0;
  let maxInFlight = 0;
  const client = testClient();
  const graphql = client.graphql;
  // Measured around the client, i.e. what GitHub would see arriving at once.
  client.graphql = async (query, variables) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await graphql(query, variables);
    } finally {
      inFlight -= 1;
    }
  };
  fakeGraphql(
    (body: GraphqlBody) => {
      if (body.query === SEARCH_MERGED_PULLS) return searchPage(many);
      if (body.query === SEARCH_CLOSED_ISSUES) return searchPage([]);
      const endCursor = body.variables.cursor === "p1" ? "p2" : null;
      const nodes = body.variables.cursor === "p1" ? paths(100, 200) : paths(200, 300);
      return {
        data: {
          repository: { pullRequest: { files: { totalCount: 300, pageInfo: { hasNextPage: endCursor !== null, endCursor }, nodes } } },
          rateLimit: { cost: 1, remaining: 4000, resetAt: "2017-07-10T01:00:00Z" },
        },
      };
    },
    { delayMs: 20 },
  );
  const { activity, stats } = await collectActivity(client, { repositories: [repo], period: WEEK_27, concurrency: 3 });
  expect(activity.pulls.every((p) => p.files.length === 300)).toBe(true);
  expect(stats.requests).toEqual({ searchPulls: 1, searchIssues: 1, filePages: 16, total: 18 });
  expect(maxInFlight).toBe(3);
  expect(stats.maxInFlight).toBe(3);
});
