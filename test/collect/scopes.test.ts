import { describe, expect, test } from "@jest/globals";
import { collectActivity } from "../../src/collect/index.js";
import { fakeGraphql, operationName, pullNode, searchPage, WEEK_27 } from "./helpers.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

const WEEK = "2017-07-03T00:00:00Z..2017-07-09T23:59:59Z";

offline();

describe("organisations and order", () => {
  test("owner/* searches org:owner and sorts its repositories after the explicit ones, alphabetically", async () => {
    const { bodies } = fakeGraphql((body) =>
      operationName(body) === "SearchMergedPulls"
        ? searchPage([
            pullNode("moby/tool", 3),
            pullNode("Moby/Moby", 9),
            pullNode("linuxkit/linuxkit", 5),
            pullNode("moby/buildkit", 4),
            // Matched by both moby/moby and moby/*: GitHub answers once; if twice, the guard keeps one.
            pullNode("moby/moby", 9),
          ])
        : searchPage([]),
    );
    const { activity, stats } = await collectActivity(testClient(), {
      repositories: ["moby/moby", "moby/*", "linuxkit/linuxkit"],
      period: WEEK_27,
    });
    // moby/moby goes without a qualifier of its own: org:moby covers it (and keeps the qualifiers disjoint).
    expect(bodies.map((b) => b.variables)).toContainEqual({
      searchQuery: `org:moby OR repo:linuxkit/linuxkit is:pr is:merged merged:${WEEK}`,
      cursor: null,
      probeSpaced: `org:moby repo:linuxkit/linuxkit is:pr is:merged merged:${WEEK}`,
      probePart0: `org:moby is:pr is:merged merged:${WEEK}`,
      probePart1: `repo:linuxkit/linuxkit is:pr is:merged merged:${WEEK}`,
    });
    expect(activity.pulls.map((p) => `${p.repo}#${p.number}`)).toEqual([
      "Moby/Moby#9",
      "linuxkit/linuxkit#5",
      "moby/buildkit#4",
      "moby/tool#3",
    ]);
    expect(stats.duplicates).toBe(1);
    // GitHub's spelling wins for the explicit entries, and the org's active repositories follow.
    expect(activity.repositories).toEqual(["Moby/Moby", "linuxkit/linuxkit", "moby/buildkit", "moby/tool"]);
  });

  test("more repositories than fit 256 characters: one search per scope, labelled in the log", async () => {
    const repos = Array.from({ length: 9 }, (_, i) => `owner-abcd/repo-${String(i).padStart(3, "0")}`);
    const lines: string[] = [];
    const { bodies } = fakeGraphql(() => searchPage([]));
    const { stats } = await collectActivity(testClient(), {
      repositories: repos,
      period: WEEK_27,
      log: (l) => lines.push(l),
    });
    // The searches; the fifth request is the default-branch check that an empty result sends (see moved.ts).
    const queries = bodies.filter((b) => "searchQuery" in b.variables).map((b) => String(b.variables.searchQuery));
    expect(bodies).toHaveLength(5);
    expect(queries).toHaveLength(4);
    expect(queries.every((q) => q.length <= 256)).toBe(true);
    // Nine would fit 256 characters in two scopes of 7 and 2, but a group holds at most 6 (five ORs).
    expect(queries.map((q) => q.split(" OR ").length).sort()).toEqual([3, 3, 6, 6]);
    const probes = bodies.filter((b) => "probeSpaced" in b.variables).map((b) => String(b.variables.probeSpaced));
    expect(probes.map((q) => q.split(" repo:").length).sort()).toEqual([3, 3, 6, 6]);
    expect(probes.every((q) => q.length <= 256)).toBe(true);
    expect(stats.searchScopes).toBe(2);
    expect(lines).toContain(`search issues closed (scope 2 of 2) ${WEEK}: page 1, 0 of 0 (cost 1, 4999 remaining)`);
  });
});
