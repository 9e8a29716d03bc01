import { describe, expect, test } from "@jest/globals";
import { collectActivity } from "../../src/collect/index.js";
import { pullRequestFilesQuery, SEARCH_CLOSED_ISSUES, SEARCH_MERGED_PULLS } from "../../src/collect/queries.js";
import {
  bigPull,
  fakeGraphql,
  filesAnswer,
  operationName,
  paths,
  pullNode,
  rateLimit,
  searchPage,
  WEEK_27,
  type GraphqlBody,
} from "./helpers.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

offline();

const isFiles = (body: GraphqlBody): boolean => operationName(body) === "PullRequestFiles";

describe("changed files", () => {
  test("pages the files of a 250-file PR: the search page plus two PullRequestFiles requests", async () => {
    const repo = "linuxkit/linuxkit";
    const lines: string[] = [];
    const { bodies } = fakeGraphql((body) => {
      if (body.query === SEARCH_MERGED_PULLS) return searchPage([bigPull(repo, 2222, 250), pullNode(repo, 2223)]);
      if (body.query === SEARCH_CLOSED_ISSUES) return searchPage([]);
      return filesAnswer(body, { 2222: 250 }, rateLimit(1, 4990));
    });
    const { activity, stats } = await collectActivity(testClient(), {
      repositories: [repo],
      period: WEEK_27,
      log: (line) => lines.push(line),
    });
    const one = pullRequestFilesQuery(1);
    expect(bodies.filter(isFiles)).toEqual([
      { query: one, variables: { owner0: "linuxkit", repo0: "linuxkit", number0: 2222, cursor0: "f100" } },
      { query: one, variables: { owner0: "linuxkit", repo0: "linuxkit", number0: 2222, cursor0: "f200" } },
    ]);
    expect(activity.pulls[0]!.files).toEqual(paths(0, 250).map((p) => p.path));
    expect(activity.pulls[1]!.files).toEqual(["README.md"]);
    expect(stats.requests.filePages).toBe(2);
    expect(lines.filter((l) => l.startsWith("files"))).toEqual([
      "files page 2 of linuxkit/linuxkit#2222 (200 of 250) (cost 1, 4990 remaining)",
      "files page 3 of linuxkit/linuxkit#2222 (250 of 250) (cost 1, 4990 remaining)",
    ]);
  });

  test("batches the next page of up to 20 PRs per query, in rounds until every PR is complete", async () => {
    // PRs 1-20 change 200 files (one more page each), PR 21 changes 300 (two more), PR 22 fits the search page.
    const totals: Record<number, number> = { 21: 300 };
    for (let n = 1; n <= 20; n++) totals[n] = 200;
    const pulls = [
      ...Object.entries(totals).map(([n, total]) => bigPull("a/b", Number(n), total)),
      pullNode("a/b", 22),
    ];
    const lines: string[] = [];
    const { bodies } = fakeGraphql((body) => {
      if (body.query === SEARCH_MERGED_PULLS) return searchPage(pulls);
      if (body.query === SEARCH_CLOSED_ISSUES) return searchPage([]);
      return filesAnswer(body, totals);
    });
    const { activity, stats } = await collectActivity(testClient(), {
      repositories: ["a/b"],
      period: WEEK_27,
      log: (line) => lines.push(line),
    });

    const page = (numbers: number[], cursor: string) =>
      Object.fromEntries(
        numbers.flatMap((number, i) => [
          [`owner${i}`, "a"],
          [`repo${i}`, "b"],
          [`number${i}`, number],
          [`cursor${i}`, cursor],
        ]),
      );
    const first20 = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(bodies.filter(isFiles)).toEqual([
      // Page 2 of the first 20 goes out as soon as the search page brings them, the 21st once the searches are done.
      { query: pullRequestFilesQuery(20), variables: page(first20, "f100") },
      { query: pullRequestFilesQuery(1), variables: page([21], "f100") },
      // Page 3: only PR 21 still has files to fetch.
      { query: pullRequestFilesQuery(1), variables: page([21], "f200") },
    ]);
    expect(stats.requests).toEqual({ searchPulls: 1, searchIssues: 1, filePages: 3, total: 5 });
    for (const pull of activity.pulls) {
      expect(pull.files).toEqual(
        pull.number === 22 ? ["README.md"] : paths(0, totals[pull.number]!).map((p) => p.path),
      );
    }
    const filesLines = lines.filter((l) => l.startsWith("files"));
    expect(filesLines).toHaveLength(3);
    expect(filesLines[0]).toMatch(
      /^files page 2 of a\/b#1 \(200 of 200\), a\/b#2 \(200 of 200\), .*, a\/b#20 \(200 of 200\) \(cost 1, 4999 remaining\)$/,
    );
    expect(filesLines.slice(1)).toEqual([
      "files page 2 of a/b#21 (200 of 300) (cost 1, 4999 remaining)",
      "files page 3 of a/b#21 (300 of 300) (cost 1, 4999 remaining)",
    ]);
  });

  test("null files (a diff too large for GitHub) give an empty list", async () => {
    fakeGraphql((body) => searchPage(body.query === SEARCH_MERGED_PULLS ? [pullNode("a/b", 1, { files: null })] : []));
    const { activity } = await collectActivity(testClient(), { repositories: ["a/b"], period: WEEK_27 });
    expect(activity.pulls[0]!.files).toEqual([]);
  });
});

test("never more than `concurrency` requests in flight, while file pages of many PRs overlap", async () => {
  const repo = "a/b";
  const totals: Record<number, number> = {};
  for (let n = 1; n <= 70; n++) totals[n] = 300;
  const many = Object.keys(totals).map((n) => bigPull(repo, Number(n), 300));
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
      return filesAnswer(body, totals);
    },
    { delayMs: 20 },
  );
  const { activity, stats } = await collectActivity(client, { repositories: [repo], period: WEEK_27, concurrency: 3 });
  expect(activity.pulls.every((p) => p.files.length === 300)).toBe(true);
  // 70 PRs need pages 2 and 3: per page, three batches of 20 and one of 10, whatever order the answers come in.
  expect(stats.requests).toEqual({ searchPulls: 1, searchIssues: 1, filePages: 8, total: 10 });
  expect(maxInFlight).toBe(3);
  expect(stats.maxInFlight).toBe(3);
});
