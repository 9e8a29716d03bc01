import { expect, test } from "@jest/globals";
import { parse } from "graphql";
import { SEARCH_CLOSED_ISSUES, SEARCH_MERGED_PULLS } from "../../src/collect/index.js";
import { queryCost } from "@devreport/fake-github";

test("GitHub's worked example: 1 + 100 + 5,000 requests cost 51 points", () => {
  const query = `query { viewer { login repositories(first: 100) { edges { node { id
    issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }`;
  expect(queryCost(parse(query))).toBe(51);
});

test("a query without connections costs 1; variables give the page size", () => {
  expect(queryCost(parse("query { viewer { login } }"))).toBe(1);
  expect(
    queryCost(
      parse("query Q($n: Int) { viewer { repositories(first: $n) { nodes { issues(first: 100) { totalCount } } } } }"),
      { n: 100 },
    ),
  ).toBe(1);
});

test("what collect's searches cost per page", () => {
  // search 1 + five connections x 100 PRs + commit authors 100 x 20 = 2,501 requests.
  expect(queryCost(parse(SEARCH_MERGED_PULLS))).toBe(25);
  expect(queryCost(parse(SEARCH_CLOSED_ISSUES))).toBe(1);
});
