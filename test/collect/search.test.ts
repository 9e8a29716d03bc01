import { describe, expect, test } from "@jest/globals";
import {
  groupedScope,
  oredScope,
  formatWindow,
  spacedScope,
  MAX_SCOPE_QUALIFIERS,
  MAX_SEARCH_LENGTH,
  periodWindow,
  scopeQualifier,
  searchScopes,
  searchString,
  sliceCount,
  splitWindow,
  type Window,
} from "../../src/collect/search.js";
import { WEEK_27 } from "./helpers.js";

describe("windows", () => {
  const week = periodWindow(WEEK_27);

  test("a half-open period becomes an inclusive range ending one second before its end", () => {
    expect(formatWindow(week)).toBe("2017-07-03T00:00:00Z..2017-07-09T23:59:59Z");
  });

  test("halves are inclusive, adjacent and do not share a second", () => {
    const [a, b] = splitWindow(week)! as [Window, Window];
    expect(formatWindow(a)).toBe("2017-07-03T00:00:00Z..2017-07-06T11:59:59Z");
    expect(formatWindow(b)).toBe("2017-07-06T12:00:00Z..2017-07-09T23:59:59Z");
    expect(b.from).toBe(a.to + 1);
  });

  test("k slices of equal length, adjacent, covering the window", () => {
    const slices = splitWindow(week, 3)!;
    expect(slices.map(formatWindow)).toEqual([
      "2017-07-03T00:00:00Z..2017-07-05T07:59:59Z",
      "2017-07-05T08:00:00Z..2017-07-07T15:59:59Z",
      "2017-07-07T16:00:00Z..2017-07-09T23:59:59Z",
    ]);
    const uneven = splitWindow({ from: 100, to: 109 }, 3)!;
    expect(uneven).toEqual([
      { from: 100, to: 102 },
      { from: 103, to: 105 },
      { from: 106, to: 109 },
    ]);
    for (const list of [slices, uneven]) {
      for (let i = 1; i < list.length; i++) expect(list[i]!.from).toBe(list[i - 1]!.to + 1);
    }
  });

  test("splitting ends at one-second windows; never more slices than seconds", () => {
    expect(splitWindow({ from: 100, to: 101 })).toEqual([
      { from: 100, to: 100 },
      { from: 101, to: 101 },
    ]);
    expect(splitWindow({ from: 100, to: 102 }, 5)).toEqual([
      { from: 100, to: 100 },
      { from: 101, to: 101 },
      { from: 102, to: 102 },
    ]);
    expect(splitWindow({ from: 100, to: 100 }, 3)).toBeNull();
  });

  test("ceil(count / 900) slices, at least two", () => {
    expect(sliceCount(1001)).toBe(2);
    expect(sliceCount(1800)).toBe(2);
    expect(sliceCount(1801)).toBe(3);
    expect(sliceCount(5000)).toBe(6);
  });

  test("a period not on whole seconds is rounded inwards", () => {
    const window = periodWindow({ start: "2017-07-03T00:00:00.500Z", end: "2017-07-03T00:00:10.500Z" });
    expect(formatWindow(window)).toBe("2017-07-03T00:00:01Z..2017-07-03T00:00:10Z");
  });

  test("bad periods are refused", () => {
    expect(() => periodWindow({ start: "nope", end: WEEK_27.end })).toThrow(/invalid period/);
    expect(() => periodWindow({ start: WEEK_27.end, end: WEEK_27.start })).toThrow(/empty period/);
  });
});

describe("search strings", () => {
  const week = periodWindow(WEEK_27);

  test("qualifiers for repositories and organisations", () => {
    expect(scopeQualifier("linuxkit/linuxkit")).toBe("repo:linuxkit/linuxkit");
    expect(scopeQualifier("moby/*")).toBe("org:moby");
    expect(() => scopeQualifier("linuxkit")).toThrow(/invalid repository "linuxkit"/);
  });

  test("pulls and issues", () => {
    expect(searchString("repo:a/b repo:c/d", "pulls", week)).toBe(
      "repo:a/b repo:c/d is:pr is:merged merged:2017-07-03T00:00:00Z..2017-07-09T23:59:59Z",
    );
    expect(searchString("repo:a/b", "issues", week)).toBe(
      "repo:a/b is:issue is:closed closed:2017-07-03T00:00:00Z..2017-07-09T23:59:59Z",
    );
  });

  test("a few repositories fit one search; an org: covers its repositories", () => {
    expect(searchScopes(["linuxkit/linuxkit", "linuxkit/rtf", "moby/*", "moby/moby"], week)).toEqual([
      ["repo:linuxkit/linuxkit", "repo:linuxkit/rtf", "org:moby"],
    ]);
    expect(searchScopes(["linuxkit/linuxkit", "linuxkit/rtf", "linuxkit/*"], week)).toEqual([["org:linuxkit"]]);
  });

  test("the same entry twice is searched once", () => {
    expect(searchScopes(["a/b", "a/b", "A/B"], week)).toEqual([["repo:a/b"]]);
  });

  test("a scope in each form", () => {
    expect(oredScope(["repo:a/b", "org:c"])).toBe("repo:a/b OR org:c");
    expect(spacedScope(["repo:a/b", "org:c"])).toBe("repo:a/b org:c");
    expect(groupedScope(["repo:a/b", "org:c"])).toBe("( repo:a/b OR org:c )");
    expect(groupedScope(["repo:a/b"])).toBe("repo:a/b");
    expect(spacedScope(["repo:a/b"])).toBe("repo:a/b");
  });

  test("many repositories are split into as few searches as stay within 256 characters", () => {
    const repos = Array.from({ length: 20 }, (_, i) => `owner-abcd/repo-${String(i).padStart(3, "0")}`);
    expect(scopeQualifier(repos[0]!)).toHaveLength(24);
    const scopes = searchScopes(repos, week);
    // The issue suffix " is:issue is:closed closed:...Z" is 69 characters, leaving 186: 7 grouped qualifiers would
    // fit (2 + 7*24 + 6*4 + 2 = 196 would not, but 6 with five ORs do: 168), and five operators allow 6 at most.
    expect(scopes.map((scope) => scope.length)).toEqual([6, 6, 6, 2]);
    expect(MAX_SCOPE_QUALIFIERS).toBe(6);
    for (const scope of scopes) {
      for (const kind of ["pulls", "issues"] as const) {
        for (const form of [groupedScope(scope), spacedScope(scope)]) {
          expect(searchString(form, kind, week).length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
        }
        expect(groupedScope(scope).split(" OR ").length - 1).toBeLessThanOrEqual(5);
      }
    }
    // Config order is kept within and across searches.
    expect(scopes.flat()).toEqual(repos.map((repo) => `repo:${repo}`));
  });

  test("long qualifiers: first fit by length fills an earlier search before opening a new one", () => {
    const long = `owner/${"x".repeat(140)}`; // 151-character qualifier
    const scopes = searchScopes([long, `owner/${"y".repeat(140)}`, "a/b"], week);
    expect(scopes).toEqual([[`repo:${long}`, "repo:a/b"], [`repo:owner/${"y".repeat(140)}`]]);
    expect(searchString(groupedScope(scopes[0]!), "issues", week).length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
    // Tight: the two long ones together would not have fitted.
    expect(searchString(groupedScope([scopes[0]![0]!, scopes[1]![0]!]), "issues", week).length).toBeGreaterThan(
      MAX_SEARCH_LENGTH,
    );
  });
});
