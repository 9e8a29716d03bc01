// GitHub's issue-search semantics as a pure function over plain records.
import { describe, expect, test } from "@jest/globals";
import {
  parseDateRange,
  searchIssues,
  SEARCH_CAP,
  SEARCH_GRAMMARS,
  UNSEARCHABLE,
  type SearchGrammar,
  type SearchResult,
} from "../src/search.js";
import { TOO_DEEP, TOO_MANY_OPERATORS } from "../src/search-advanced.js";
import { OWNERSHIP_IN_PARENTHESES } from "../src/search-documented.js";
import { issue, pull } from "./helpers.js";

const items = [
  pull("o/a", 1, "2017-07-02T23:59:59Z"),
  pull("o/a", 2, "2017-07-03T00:00:00Z", { labels: ["kernel"] }),
  pull("o/a", 3, "2017-07-09T23:59:59Z", {
    labels: ["docs", "good first issue"],
    author: { login: "renovate[bot]", type: "Bot" },
  }),
  pull("o/a", 4, "2017-07-10T00:00:00Z"),
  pull("o/b", 5, "2017-07-05T12:00:00Z", { labels: ["kernel"] }),
  pull("o/b", 6, null),
  pull("x/c", 7, "2017-07-05T12:00:00Z"),
  issue("o/a", 8, "2017-07-04T10:00:00Z", { stateReason: "NOT_PLANNED" }),
  issue("o/a", 9, "2017-07-04T11:00:00Z"),
  issue("o/b", 10, null),
];

const search =
  (grammar: SearchGrammar) =>
  (query: string): number[] => {
    const result = searchIssues(items, query, {}, grammar);
    if ("error" in result) throw new Error(result.error);
    return result.items.map((i) => i.number).sort((a, b) => a - b);
  };

describe("the legacy grammar", () => {
  const numbers = search("legacy");

  test("several repo: qualifiers are OR-ed, other qualifiers AND-ed", () => {
    expect(numbers("repo:o/a repo:o/b is:pr is:merged")).toEqual([1, 2, 3, 4, 5]);
    expect(numbers("repo:O/B is:pr")).toEqual([5, 6]);
    expect(numbers("org:o is:pr is:unmerged")).toEqual([6]);
    expect(numbers("user:x")).toEqual([7]);
    expect(numbers("repo:o/b org:x type:pr is:merged")).toEqual([5, 7]);
  });

  test("OR, AND and parentheses are plain words, not operators", () => {
    expect(numbers("( repo:o/a OR repo:o/b ) is:pr is:merged")).toEqual([]);
    expect(numbers("repo:o/a OR repo:o/b")).toEqual([]);
    // Unspaced, a parenthesis is part of the qualifier's value: `repo:o/b)` names no repository.
    expect(
      searchIssues(items, "(repo:o/a OR repo:o/b) is:pr", { repoExists: (r) => ["o/a", "o/b"].includes(r) }, "legacy"),
    ).toEqual({ error: UNSEARCHABLE, type: "INVALID" });
    expect(numbers("is:pr AND is:merged")).toEqual([]);
  });
});

describe("the advanced grammar read strictly", () => {
  const numbers = search("advanced");

  test("spaces AND every term, repo: included: two repositories match nothing", () => {
    expect(numbers("repo:o/a repo:o/b is:pr is:merged")).toEqual([]);
    expect(numbers("repo:o/b org:x type:pr is:merged")).toEqual([]);
    expect(numbers("repo:o/a org:o is:issue")).toEqual([8, 9]);
    expect(numbers("repo:O/B is:pr")).toEqual([5, 6]);
    expect(searchIssues(items, "repo:o/a repo:o/b", {}, "advanced")).toEqual({ issueCount: 0, items: [] });
  });

  test("OR and parentheses group; AND binds tighter than OR", () => {
    expect(numbers("(repo:o/a OR repo:o/b) is:pr is:merged")).toEqual([1, 2, 3, 4, 5]);
    expect(numbers("( repo:o/a OR repo:o/b ) is:pr is:merged")).toEqual([1, 2, 3, 4, 5]);
    expect(numbers("(repo:o/b OR org:x) type:pr is:merged")).toEqual([5, 7]);
    expect(numbers("is:pr is:merged (repo:o/b OR user:x)")).toEqual([5, 7]);
    expect(numbers("repo:o/b AND is:pr")).toEqual([5, 6]);
    expect(numbers("repo:o/b is:pr OR repo:x/c")).toEqual([5, 6, 7]);
    // Read strictly, an OR between two repositories does not reach past the next space: all of o/a comes back.
    expect(numbers("repo:o/a OR repo:o/b is:pr is:merged")).toEqual([1, 2, 3, 4, 5, 8, 9]);
    expect(numbers("repo:o/b (is:issue OR (is:pr AND label:kernel))")).toEqual([5, 10]);
    expect(numbers("(repo:o/a OR repo:o/b) is:pr is:merged sort:created-asc")).toEqual([1, 2, 3, 4, 5]);
    expect(numbers('label:"good first issue" OR label:kernel')).toEqual([2, 3, 5]);
  });

  test("at most five levels of parentheses and five operators; malformed groups are errors", () => {
    expect(numbers("(((((repo:o/b))))) is:pr")).toEqual([5, 6]);
    expect(searchIssues(items, "((((((repo:o/b)))))) is:pr", {}, "advanced")).toEqual({ error: TOO_DEEP });
    const six = ["o/a", "o/b", "x/c", "o/d", "o/e", "o/f"].map((r) => `repo:${r}`);
    expect(numbers(`(${six.join(" OR ")}) is:pr is:merged`)).toEqual([1, 2, 3, 4, 5, 7]);
    const seven = [...six, "repo:o/g"];
    expect(searchIssues(items, `(${seven.join(" OR ")}) is:pr`, {}, "advanced")).toEqual({ error: TOO_MANY_OPERATORS });
    expect(searchIssues(items, "(repo:o/a is:pr", {}, "advanced")).toEqual({
      error: expect.stringContaining("Unbalanced"),
    });
    expect(searchIssues(items, "repo:o/a) is:pr", {}, "advanced")).toEqual({
      error: expect.stringContaining("Unbalanced"),
    });
    expect(searchIssues(items, "OR repo:o/a", {}, "advanced")).toEqual({ error: expect.stringContaining("`OR`") });
    expect(searchIssues(items, "repo:o/a OR", {}, "advanced")).toEqual({ error: expect.stringContaining("`OR`") });
    expect(searchIssues(items, "repo:o/a AND", {}, "advanced")).toEqual({ error: expect.stringContaining("`AND`") });
  });

  test("an unknown repository inside a group is still refused", () => {
    expect(
      searchIssues(items, "(repo:o/a OR repo:o/nope) is:pr", { repoExists: (r) => r !== "o/nope" }, "advanced"),
    ).toEqual({
      error: UNSEARCHABLE,
      type: "INVALID",
    });
  });
});

describe("the advanced grammar as GitHub's documentation describes it", () => {
  const numbers = search("documented");

  test("spaces between repo:/org:/user: OR them; every other space ANDs", () => {
    expect(numbers("repo:o/a repo:o/b is:pr is:merged")).toEqual([1, 2, 3, 4, 5]);
    expect(numbers("repo:o/b org:x type:pr is:merged")).toEqual([5, 7]);
    expect(numbers("repo:o/a OR repo:o/b is:pr is:merged")).toEqual([1, 2, 3, 4, 5]);
    expect(numbers("repo:o/b is:pr label:kernel")).toEqual([5]);
    expect(numbers("repo:o/b (is:issue OR (is:pr AND label:kernel))")).toEqual([5, 10]);
    expect(numbers("repo:o/a -repo:o/a")).toEqual([]);
  });

  test("a repo:, org: or user: qualifier inside parentheses is refused", () => {
    expect(searchIssues(items, "( repo:o/a OR repo:o/b ) is:pr", {}, "documented")).toEqual({
      error: OWNERSHIP_IN_PARENTHESES,
    });
    expect(searchIssues(items, "is:pr (user:x OR label:kernel)", {}, "documented")).toEqual({
      error: OWNERSHIP_IN_PARENTHESES,
    });
  });

  test("the operator limit counts the ORs between repositories", () => {
    const seven = ["o/a", "o/b", "x/c", "o/d", "o/e", "o/f", "o/g"].map((r) => `repo:${r}`);
    expect(searchIssues(items, `${seven.join(" OR ")} is:pr`, {}, "documented")).toEqual({
      error: TOO_MANY_OPERATORS,
    });
  });
});

describe("the advanced grammar as users observed it on github.com", () => {
  const numbers = search("observed");

  test("only OR joins repo:/org:/user: qualifiers; spaces AND them", () => {
    expect(numbers("repo:o/a OR repo:o/b is:pr is:merged")).toEqual([1, 2, 3, 4, 5]);
    expect(numbers("repo:o/b OR org:x type:pr is:merged")).toEqual([5, 7]);
    expect(numbers("repo:o/a repo:o/b is:pr is:merged")).toEqual([]);
    expect(numbers("repo:o/a org:o is:issue")).toEqual([8, 9]);
    expect(searchIssues(items, "( repo:o/a OR repo:o/b ) is:pr", {}, "observed")).toEqual({
      error: OWNERSHIP_IN_PARENTHESES,
    });
  });
});

describe.each(SEARCH_GRAMMARS)("searchIssues under the %s grammar", (grammar) => {
  const numbers = search(grammar);

  test("date ranges include both ends; days are whole UTC days", () => {
    expect(numbers("is:pr merged:2017-07-03..2017-07-09")).toEqual([2, 3, 5, 7]);
    expect(numbers("is:pr merged:2017-07-03T00:00:00Z..2017-07-09T23:59:59Z")).toEqual([2, 3, 5, 7]);
    expect(numbers("is:pr merged:2017-07-03T00:00:01Z..2017-07-09T23:59:58Z")).toEqual([5, 7]);
    expect(numbers("merged:>=2017-07-09")).toEqual([3, 4]);
    expect(numbers("merged:>2017-07-09")).toEqual([4]);
    expect(numbers("merged:<2017-07-03")).toEqual([1]);
    expect(numbers("merged:<=2017-07-03")).toEqual([1, 2]);
    expect(numbers("merged:2017-07-05")).toEqual([5, 7]);
    expect(numbers("merged:2017-07-09..*")).toEqual([3, 4]);
    expect(numbers("is:issue is:closed closed:2017-07-04")).toEqual([8, 9]);
    expect(numbers("is:open")).toEqual([6, 10]);
    expect(parseDateRange("2017-07-03..2017-07-09")).toEqual({ lo: Date.UTC(2017, 6, 3), hi: Date.UTC(2017, 6, 10) });
  });

  test("labels, authors and close reasons", () => {
    expect(numbers("label:kernel")).toEqual([2, 5]);
    expect(numbers('label:"good first issue"')).toEqual([3]);
    expect(numbers("label:kernel,docs")).toEqual([2, 3, 5]);
    expect(numbers("label:kernel label:docs")).toEqual([]);
    expect(numbers("repo:o/a is:pr -label:kernel")).toEqual([1, 3, 4]);
    expect(numbers("author:app/renovate")).toEqual([3]);
    expect(numbers("author:renovate[bot]")).toEqual([3]);
    expect(numbers("is:pr repo:o/a -author:alice")).toEqual([3]);
    expect(numbers("reason:completed")).toEqual([9]);
    expect(numbers('reason:"not planned"')).toEqual([8]);
  });

  test("sorting is deterministic: created desc by default, ties by repository then number", () => {
    const order = (query: string) =>
      (searchIssues(items, query, {}, grammar) as SearchResult).items.map((i) => i.number);
    expect(order("is:pr is:merged")).toEqual([4, 3, 5, 7, 2, 1]);
    expect(order("is:pr is:merged sort:created-asc")).toEqual([1, 2, 5, 7, 3, 4]);
  });

  test("unknown qualifiers, bad dates and unknown repositories are errors", () => {
    expect(searchIssues(items, "frobnicate:yes", {}, grammar)).toEqual({
      error: expect.stringContaining("`frobnicate:`"),
    });
    expect(searchIssues(items, "merged:2017-13-45", {}, grammar)).toEqual({
      error: expect.stringContaining("Invalid date"),
    });
    expect(searchIssues(items, "repo:o/nope", { repoExists: (r) => r !== "o/nope" }, grammar)).toEqual({
      error: UNSEARCHABLE,
      type: "INVALID",
    });
  });

  test("1,500 matches: issueCount is the true count, only the first 1,000 can be paged", () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      pull("big/repo", i + 1, new Date(Date.UTC(2018, 0, 1) + i * 60_000).toISOString().replace(".000", "")),
    );
    const result = searchIssues(many, "repo:big/repo is:pr is:merged", {}, grammar) as SearchResult;
    expect(result.issueCount).toBe(1500);
    expect(result.items).toHaveLength(SEARCH_CAP);
    expect(result.items[0]!.number).toBe(1500);
    expect(result.items[999]!.number).toBe(501);
  });
});
