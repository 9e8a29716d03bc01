import { describe, expect, test } from "@jest/globals";
import { validate } from "@octokit/graphql-schema";
import {
  DOCUMENTS,
  FILE_PAGE_BATCH,
  PULL_REQUEST_FIELDS,
  pullRequestFilesQuery,
  pullRequestFilesVariables,
  SEARCH_MERGED_PULLS,
} from "../../src/collect/queries.js";
import { BRANCH_HISTORY_BATCH, branchHistoryQuery } from "../../src/collect/moved.js";

describe("GraphQL documents", () => {
  test.each(Object.entries(DOCUMENTS))("%s is valid against GitHub's schema", (name, document) => {
    expect(validate(document).map((e) => e.message)).toEqual([]);
    // The operation name is what the nock matchers and GitHub's logs key on.
    expect(document).toMatch(new RegExp(`query ${name}\\(`));
  });

  test("the validator does catch a wrong field", () => {
    // Renamed fragment: graphql-tag (inside validate) warns when one name is defined with two bodies.
    const broken = SEARCH_MERGED_PULLS.replace("mergedAt", "mergedOn").replaceAll("PullRequestFields", "BrokenFields");
    expect(broken).not.toBe(SEARCH_MERGED_PULLS);
    const messages = validate(broken).map((e) => e.message);
    expect(messages).toEqual([expect.stringMatching(/Cannot query field "mergedOn" on type "PullRequest"/)]);
  });

  test("the PR fragment is shared, not copied", () => {
    expect(SEARCH_MERGED_PULLS).toContain(PULL_REQUEST_FIELDS);
    expect(SEARCH_MERGED_PULLS.match(/fragment PullRequestFields/g)).toHaveLength(1);
  });
});

describe("the default-branch check", () => {
  test.each([1, 4, BRANCH_HISTORY_BATCH])("the query for %i repositories is valid against GitHub's schema", (size) => {
    const document = branchHistoryQuery(size);
    expect(validate(document).map((e) => e.message)).toEqual([]);
    expect(document).toMatch(/^\s*query DefaultBranchHistory\(/);
    expect(document.match(/history\(first: 1, since: \$since, until: \$until\)/g)).toHaveLength(size);
  });
});

describe("batched file pages", () => {
  const sizes = Array.from({ length: FILE_PAGE_BATCH }, (_, i) => i + 1);

  test.each(sizes)("the query for %i pull requests is valid against GitHub's schema", (size) => {
    const document = pullRequestFilesQuery(size);
    expect(validate(document).map((e) => e.message)).toEqual([]);
    expect(document).toMatch(/^\s*query PullRequestFiles\(/);
    expect(document.match(/files\(first: 100, after: \$cursor\d+\)/g)).toHaveLength(size);
    // Same size, same text (the request bodies the tests compare are stable).
    expect(pullRequestFilesQuery(size)).toBe(document);
  });

  test("two pull requests: aliases p0 and p1, one variable set each", () => {
    const document = pullRequestFilesQuery(2);
    expect(document).toContain(
      "query PullRequestFiles($owner0: String!, $repo0: String!, $number0: Int!, $cursor0: String!, " +
        "$owner1: String!, $repo1: String!, $number1: Int!, $cursor1: String!) {",
    );
    expect(document).toContain("p0: repository(owner: $owner0, name: $repo0) {");
    expect(document).toContain("p1: repository(owner: $owner1, name: $repo1) {");
    expect(document.match(/fragment FilePage on PullRequestChangedFileConnection/g)).toHaveLength(1);
    expect(
      pullRequestFilesVariables([
        { owner: "a", repo: "b", number: 7, cursor: "x" },
        { owner: "c", repo: "d", number: 9, cursor: "y" },
      ]),
    ).toEqual({ owner0: "a", repo0: "b", number0: 7, cursor0: "x", owner1: "c", repo1: "d", number1: 9, cursor1: "y" });
  });

  test("sizes outside 1..FILE_PAGE_BATCH are refused", () => {
    expect(() => pullRequestFilesQuery(0)).toThrow(/1 to 20 pull requests, not 0/);
    expect(() => pullRequestFilesQuery(FILE_PAGE_BATCH + 1)).toThrow(/not 21/);
  });
});
