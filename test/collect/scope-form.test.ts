// Which form of a multi-repository scope collect settles on (src/collect/grammar.ts), under readings of GitHub's
// search that are none of the three described ones: every item is still found once, and the log says what happened.
import { describe, expect, test } from "@jest/globals";
import { collectActivity } from "../../src/collect/index.js";
import { readProbe } from "../../src/collect/grammar.js";
import { fakeGraphql, formOf, operationName, pullNode, searchPage, WEEK_27 } from "./helpers.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

const WEEK = "2017-07-03T00:00:00Z..2017-07-09T23:59:59Z";
const REPOS = ["o/a", "o/b"];
type Pulls = Record<string, ReturnType<typeof pullNode>[]>;
const PULLS: Pulls = { "o/a": [pullNode("o/a", 1), pullNode("o/a", 2)], "o/b": [pullNode("o/b", 3)] };

offline();

/** The repository a one-qualifier search string names, or undefined for a string of several. */
function soleRepository(searchQuery: unknown): string | undefined {
  const names = [...String(searchQuery).matchAll(/repo:(\S+)/g)].map((m) => m[1]);
  return names.length === 1 ? names[0] : undefined;
}

/**
 * A GitHub that reads single qualifiers right and every multi-qualifier form through `union`: a form it maps to
 * `"refuse"` is refused, else answered with the nodes it returns. Probe counts follow the same rules.
 */
function githubReading(union: (form: ReturnType<typeof formOf>) => unknown[] | "refuse", pulls: Pulls = PULLS) {
  const count = (query: unknown): number => {
    const repo = soleRepository(query);
    if (repo) return pulls[repo]?.length ?? 0;
    const nodes = union(formOf(query));
    return nodes === "refuse" ? 0 : nodes.length;
  };
  return fakeGraphql((body) => {
    if (operationName(body) !== "SearchMergedPulls") return searchPage([]);
    const { searchQuery } = body.variables;
    const repo = soleRepository(searchQuery);
    const nodes = repo ? (pulls[repo] ?? []) : union(formOf(searchQuery));
    if (nodes === "refuse") return { data: null, errors: [{ type: "INVALID", path: ["search"], message: "No." }] };
    const probes = Object.fromEntries(
      Object.entries(body.variables)
        .filter(([name]) => name.startsWith("probe"))
        .map(([name, query]) => [name, { issueCount: count(query) }]),
    );
    return { data: { ...searchPage(nodes).data, ...probes } };
  });
}

async function collect() {
  const lines: string[] = [];
  const result = await collectActivity(testClient(), {
    repositories: REPOS,
    period: WEEK_27,
    log: (l) => lines.push(l),
  });
  return { ...result, lines };
}

const pullsOf = (activity: { pulls: { repo: string; number: number }[] }) =>
  activity.pulls.map((p) => `${p.repo}#${p.number}`);

describe("a scope of several repositories that no described reading fits", () => {
  test("no form is the union and the grouped one is refused: each repository is searched on its own", async () => {
    const { bodies } = githubReading((form) => (form === "grouped" ? "refuse" : []));
    const { activity, stats, lines } = await collect();
    expect(pullsOf(activity)).toEqual(["o/a#1", "o/a#2", "o/b#3"]);
    expect(
      bodies.filter((b) => operationName(b) === "SearchMergedPulls").map((b) => String(b.variables.searchQuery)),
    ).toEqual([
      `repo:o/a OR repo:o/b is:pr is:merged merged:${WEEK}`,
      `( repo:o/a OR repo:o/b ) is:pr is:merged merged:${WEEK}`,
      `repo:o/a is:pr is:merged merged:${WEEK}`,
      `repo:o/b is:pr is:merged merged:${WEEK}`,
    ]);
    expect(stats.scopeForm).toBe("separate");
    expect(lines.filter((l) => l.startsWith("search pulls merged"))).toEqual([
      `search pulls merged ${WEEK}: GitHub refused the grouped form of the scope: GitHub search failed for ` +
        `repo:o/a repo:o/b: No.`,
      `search pulls merged ${WEEK}: GitHub reads no form of several repo:/org: qualifiers as their union: ` +
        `searching each on its own`,
      `search pulls merged, repo:o/a ${WEEK}: page 1, 2 of 2 (cost 1, 4999 remaining)`,
      `search pulls merged, repo:o/b ${WEEK}: page 1, 1 of 1 (cost 1, 4999 remaining)`,
    ]);
  });

  test("a form that counts the truth but returns an item outside the scope is passed over", async () => {
    const stray = pullNode("x/elsewhere", 9);
    // The spaced form has the right count with one item missing and one stray: the grouped one is the union.
    const { bodies } = githubReading((form) =>
      form === "spaced"
        ? [PULLS["o/a"]![0]!, PULLS["o/b"]![0]!, stray]
        : form === "grouped"
          ? [...PULLS["o/a"]!, ...PULLS["o/b"]!]
          : [],
    );
    const { activity, stats, lines } = await collect();
    expect(pullsOf(activity)).toEqual(["o/a#1", "o/a#2", "o/b#3"]);
    expect(
      bodies.filter((b) => operationName(b) === "SearchMergedPulls").map((b) => formOf(b.variables.searchQuery)),
    ).toEqual(["or-ed", "spaced", "grouped"]);
    expect(stats.scopeForm).toBe("grouped");
    expect(lines).toContain(
      `search pulls merged ${WEEK}: the spaced form of the scope returns items outside it: not its union`,
    );
  });

  test("nothing in any repository: one request, nothing learned", async () => {
    const { bodies } = githubReading(() => [pullNode("x/elsewhere", 9)], {});
    const { activity, stats } = await collect();
    expect(activity.pulls).toEqual([]);
    expect(bodies.filter((b) => operationName(b) === "SearchMergedPulls")).toHaveLength(1);
    expect(stats.scopeForm).toBeNull();
  });
});

describe("readProbe", () => {
  const fits = () => true;
  const answer = (parts: number[], spaced: number) => ({
    probeSpaced: { issueCount: spaced },
    ...Object.fromEntries(parts.map((n, i) => [`probePart${i}`, { issueCount: n }])),
  });

  test("the or-ed form stands when it counts the sum of the parts and its nodes fit", () => {
    expect(readProbe(answer([2, 1], 0), 2, { issueCount: 3, nodes: [] }, fits)).toEqual({
      kind: "union",
      form: "or-ed",
    });
  });

  test("else the spaced form is tried when it counts the sum, else the grouped one", () => {
    expect(readProbe(answer([2, 1], 3), 2, { issueCount: 10, nodes: [] }, fits)).toEqual({
      kind: "try",
      form: "spaced",
      expected: 3,
    });
    expect(readProbe(answer([2, 1], 0), 2, { issueCount: 0, nodes: [] }, fits)).toEqual({
      kind: "try",
      form: "grouped",
      expected: 3,
    });
  });

  test("parts that count nothing: nothing to find, whatever the forms count", () => {
    expect(readProbe(answer([0, 0], 5), 2, { issueCount: 5, nodes: [] }, fits)).toEqual({ kind: "nothing to find" });
  });

  test("an answer without the parts' counts is an error", () => {
    expect(() => readProbe({ probeSpaced: { issueCount: 1 } }, 2, { issueCount: 1, nodes: [] }, fits)).toThrow(
      "GitHub's answer lacks the counts the search asked for",
    );
  });
});
