import { describe, expect, test } from "@jest/globals";
import { collectActivity } from "../../src/collect/index.js";
import { SEARCH_CLOSED_ISSUES, SEARCH_MERGED_PULLS } from "../../src/collect/queries.js";
import { probedDocument } from "../../src/collect/probe.js";
import {
  actor,
  fakeGraphql,
  GRAMMARS,
  issueNode,
  operationName,
  pullNode,
  searchPage,
  underGrammar,
  WEEK_27,
} from "./helpers.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

const WEEK = "2017-07-03T00:00:00Z..2017-07-09T23:59:59Z";
const LINUXKIT = ["linuxkit/linuxkit", "linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"];
const SCOPE = "repo:linuxkit/linuxkit repo:linuxkit/linuxkit-ci repo:linuxkit/rtf repo:linuxkit/virtsock";
const ORED = "repo:linuxkit/linuxkit OR repo:linuxkit/linuxkit-ci OR repo:linuxkit/rtf OR repo:linuxkit/virtsock";
const GROUPED = `( ${ORED} )`;
/** The form each reading of GitHub's search settles on (src/collect/grammar.ts). */
const FORM = { advanced: "grouped", documented: "or-ed", observed: "or-ed", legacy: "spaced" } as const;

offline();

describe.each(GRAMMARS)("a four-repository week, %s search grammar", (grammar) => {
  const pulls = [
    pullNode("linuxkit/virtsock", 35, { author: actor("rneugeba") }),
    pullNode("linuxkit/linuxkit", 2167, {
      title: "Update kernels to 4.11.9/4.9.36/4.4.76",
      author: actor("rn"),
      labels: { nodes: [{ name: "area/kernel" }, null, { name: "kind/update" }] },
      files: {
        totalCount: 2,
        pageInfo: { hasNextPage: false, endCursor: "x" },
        nodes: [{ path: "kernel/Makefile" }, { path: "kernel/config-4.11.x-x86_64" }],
      },
      reviews: {
        nodes: [
          { author: actor("justincormack"), state: "APPROVED" },
          { author: null, state: "COMMENTED" },
          { author: actor("dependabot", "Bot"), state: "COMMENTED" },
        ],
      },
      commits: {
        nodes: [
          { commit: { authors: { nodes: [{ user: { login: "rn" } }, { user: { login: "ijc" } }] } } },
          {
            commit: {
              authors: { nodes: [{ user: null }, { user: { login: "ijc" } }, { user: { login: "riyazdf" } }] },
            },
          },
        ],
      },
      closingIssuesReferences: {
        nodes: [
          { number: 2100, repository: { nameWithOwner: "linuxkit/linuxkit" } },
          { number: 7, repository: { nameWithOwner: "linuxkit/rtf" } },
        ],
      },
    }),
    pullNode("linuxkit/linuxkit", 2153, { author: null }),
    pullNode("linuxkit/rtf", 20, { author: actor("linuxkit-bot", "Bot") }),
  ];
  const issues = [
    issueNode("linuxkit/linuxkit", 2100),
    issueNode("linuxkit/linuxkit", 1998, { stateReason: "NOT_PLANNED" }),
    // is:issue never returns a PR; if it did, it must not land in the issue list.
    pullNode("linuxkit/linuxkit", 2200),
  ];

  async function run() {
    const lines: string[] = [];
    const { bodies } = fakeGraphql((body) =>
      underGrammar(
        grammar,
        body,
        operationName(body) === "SearchMergedPulls"
          ? searchPage(pulls, { remaining: 4998 })
          : searchPage(issues, { cost: 2, remaining: 4996 }),
      ),
    );
    const result = await collectActivity(testClient(), {
      repositories: LINUXKIT,
      period: WEEK_27,
      log: (l) => lines.push(l),
    });
    return { ...result, bodies, lines };
  }

  test("one search per kind over all repositories, with the exact search strings", async () => {
    const { bodies, stats } = await run();
    const sorted = [...bodies].sort(
      (a, b) =>
        a.query.localeCompare(b.query) ||
        String(a.variables.searchQuery).localeCompare(String(b.variables.searchQuery)),
    );
    const issuesClosed = `is:issue is:closed closed:${WEEK}`;
    const pullsMerged = `is:pr is:merged merged:${WEEK}`;
    // The first search of each kind is or-ed, and counts the spaced form and each repository alone in the same
    // request: their sum is the truth, under every reading.
    const probed = (kind: "pulls" | "issues", rest: string) => ({
      query: probedDocument(kind, 100, 4),
      variables: {
        searchQuery: `${ORED} ${rest}`,
        cursor: null,
        probeSpaced: `${SCOPE} ${rest}`,
        ...Object.fromEntries(LINUXKIT.map((repo, i) => [`probePart${i}`, `repo:${repo} ${rest}`])),
      },
    });
    // The or-ed form is the union as documented and as observed; under the legacy grammar it counts 0 and the
    // spaced form the truth, which is tried next; read strictly, it counts more than the truth and the spaced form
    // 0, so the grouped one is tried. A form on trial goes on a request of its own.
    const alone = (query: string, scope: string, rest: string) => ({
      query,
      variables: { searchQuery: `${scope} ${rest}`, cursor: null },
    });
    const tried = { advanced: GROUPED, legacy: SCOPE, documented: undefined, observed: undefined }[grammar];
    const expected: { query: string; variables: Record<string, unknown> }[] = [
      probed("issues", issuesClosed),
      probed("pulls", pullsMerged),
      ...(tried
        ? [alone(SEARCH_CLOSED_ISSUES, tried, issuesClosed), alone(SEARCH_MERGED_PULLS, tried, pullsMerged)]
        : []),
    ];
    const order = (a: (typeof expected)[number], b: (typeof expected)[number]) =>
      a.query.localeCompare(b.query) || String(a.variables.searchQuery).localeCompare(String(b.variables.searchQuery));
    expect(sorted).toEqual(expected.sort(order));
    expect(stats.scopeForm).toBe(FORM[grammar]);
  });

  test("maps nodes to the model and sorts by config order, then number", async () => {
    const { activity } = await run();
    expect(activity.period).toBe(WEEK_27);
    expect(activity.repositories).toEqual(LINUXKIT);
    expect(activity.pulls.map((p) => `${p.repo}#${p.number}`)).toEqual([
      "linuxkit/linuxkit#2153",
      "linuxkit/linuxkit#2167",
      "linuxkit/rtf#20",
      "linuxkit/virtsock#35",
    ]);
    expect(activity.pulls[1]).toEqual({
      kind: "pull",
      repo: "linuxkit/linuxkit",
      number: 2167,
      title: "Update kernels to 4.11.9/4.9.36/4.4.76",
      url: "https://github.com/linuxkit/linuxkit/pull/2167",
      author: { login: "rn", kind: "User" },
      mergedAt: "2017-07-05T12:00:00Z",
      labels: ["area/kernel", "kind/update"],
      files: ["kernel/Makefile", "kernel/config-4.11.x-x86_64"],
      reviews: [
        { reviewer: { login: "justincormack", kind: "User" }, state: "APPROVED" },
        { reviewer: { login: "dependabot", kind: "Bot" }, state: "COMMENTED" },
      ],
      // Commit order, each once, the PR author included: the composer decides whom to credit.
      coAuthors: [
        { login: "rn", kind: "User" },
        { login: "ijc", kind: "User" },
        { login: "riyazdf", kind: "User" },
      ],
      closes: [
        { repo: "linuxkit/linuxkit", number: 2100 },
        { repo: "linuxkit/rtf", number: 7 },
      ],
    });
    expect(activity.pulls[0]!.author).toBeNull();
    expect(activity.pulls[2]!.author).toEqual({ login: "linuxkit-bot", kind: "Bot" });
    expect(activity.issues).toEqual([
      {
        kind: "issue",
        repo: "linuxkit/linuxkit",
        number: 1998,
        title: "Issue 1998",
        url: "https://github.com/linuxkit/linuxkit/issues/1998",
        author: { login: "justincormack", kind: "User" },
        closedAt: "2017-07-06T08:00:00Z",
        labels: [],
        stateReason: "NOT_PLANNED",
      },
      expect.objectContaining({ number: 2100, stateReason: "COMPLETED" }),
    ]);
  });

  test("logs one line per page with cost and remaining, and counts them", async () => {
    const { lines, stats } = await run();
    // The or-ed form, tried first, goes without a word; another is said once, by whichever search learned it.
    const learned = {
      grouped: "GitHub reads several repo:/org: qualifiers grouped as their union ( repo:a OR repo:b )",
      spaced: "GitHub reads several repo:/org: qualifiers separated by spaces as their union (repo:a repo:b)",
      "or-ed": "(never said)",
    }[FORM[grammar]];
    expect(lines.filter((l) => l.endsWith(learned))).toEqual(
      FORM[grammar] === "or-ed" ? [] : [expect.stringMatching(/^search (pulls merged|issues closed) /)],
    );
    expect(lines.filter((l) => !l.endsWith(learned)).sort()).toEqual([
      `search issues closed ${WEEK}: page 1, 3 of 3 (cost 2, 4996 remaining)`,
      `search pulls merged ${WEEK}: page 1, 4 of 4 (cost 1, 4998 remaining)`,
    ]);
    const searches = FORM[grammar] === "or-ed" ? 1 : 2;
    expect(stats).toEqual({
      requests: { searchPulls: searches, searchIssues: searches, filePages: 0, total: 2 * searches },
      searchScopes: 1,
      windowSplits: 0,
      duplicates: 0,
      // Strict and legacy: the probing answers (cost 1 each) and then the tried ones (1 and 2).
      cost: FORM[grammar] === "or-ed" ? 3 : 5,
      remaining: expect.any(Number),
      resetAt: "2017-07-10T01:00:00Z",
      maxInFlight: 2,
      scopeForm: FORM[grammar],
      warnings: [],
    });
  });
});

test("pages a search with its cursor", async () => {
  const repo = "linuxkit/linuxkit";
  const first = Array.from({ length: 100 }, (_, i) => pullNode(repo, 1000 + i));
  const second = Array.from({ length: 30 }, (_, i) => pullNode(repo, 1100 + i));
  const lines: string[] = [];
  const { bodies } = fakeGraphql((body) => {
    if (body.query !== SEARCH_MERGED_PULLS) return searchPage([]);
    return body.variables.cursor === null
      ? searchPage(first, { issueCount: 130, endCursor: "Y3Vyc29yOjEwMA==" })
      : searchPage(second, { issueCount: 130 });
  });
  const { activity, stats } = await collectActivity(testClient(), {
    repositories: [repo],
    period: WEEK_27,
    log: (line) => lines.push(line),
  });
  expect(bodies.filter((b) => b.query === SEARCH_MERGED_PULLS).map((b) => b.variables.cursor)).toEqual([
    null,
    "Y3Vyc29yOjEwMA==",
  ]);
  expect(activity.pulls).toHaveLength(130);
  expect(stats.requests).toEqual({ searchPulls: 2, searchIssues: 1, filePages: 0, total: 3 });
  expect(lines.filter((l) => l.startsWith("search pulls"))).toEqual([
    `search pulls merged ${WEEK}: page 1, 100 of 130 (cost 1, 4999 remaining)`,
    `search pulls merged ${WEEK}: page 2, 130 of 130 (cost 1, 4999 remaining)`,
  ]);
});

describe("more than 1,000 results", () => {
  test("cuts the window into ceil(count / 900) non-overlapping slices at once, recursing only where needed", async () => {
    const repo = "moby/moby";
    // 2,700 results: 3 slices of 2 days 8 hours; the middle one still matches 1,001: 2 slices of 28 hours.
    const slices = {
      first: "2017-07-03T00:00:00Z..2017-07-05T07:59:59Z",
      second: "2017-07-05T08:00:00Z..2017-07-07T15:59:59Z",
      third: "2017-07-07T16:00:00Z..2017-07-09T23:59:59Z",
      secondA: "2017-07-05T08:00:00Z..2017-07-06T11:59:59Z",
      secondB: "2017-07-06T12:00:00Z..2017-07-07T15:59:59Z",
    };
    const merged = (window: string) => `repo:moby/moby is:pr is:merged merged:${window}`;
    const lines: string[] = [];
    const { bodies } = fakeGraphql((body) => {
      if (body.query !== SEARCH_MERGED_PULLS) return searchPage([]);
      switch (body.variables.searchQuery) {
        case merged(WEEK):
          return searchPage([pullNode(repo, 1)], { issueCount: 2700, endCursor: "never-used" });
        case merged(slices.first):
          return searchPage([pullNode(repo, 1), pullNode(repo, 2)], { issueCount: 2 });
        case merged(slices.second):
          return searchPage([pullNode(repo, 3)], { issueCount: 1001, endCursor: "never-used" });
        case merged(slices.third):
          return searchPage([pullNode(repo, 5)], { issueCount: 1 });
        case merged(slices.secondA):
          return searchPage([pullNode(repo, 3)], { issueCount: 1 });
        case merged(slices.secondB):
          // The item at the seam again (search results can shift): the repo#number guard keeps one.
          return searchPage([pullNode(repo, 4), pullNode(repo, 3)], { issueCount: 2 });
        default:
          throw new Error(`unexpected search ${String(body.variables.searchQuery)}`);
      }
    });
    const { activity, stats } = await collectActivity(testClient(), {
      repositories: [repo],
      period: WEEK_27,
      log: (line) => lines.push(line),
    });

    const searches = bodies.filter((b) => b.query === SEARCH_MERGED_PULLS).map((b) => b.variables);
    // The exact request bodies, in any order (slices run concurrently); first pages only: an oversized window's
    // further pages are never fetched.
    const sorted = (list: Record<string, unknown>[]) =>
      [...list].sort((a, b) => String(a.searchQuery).localeCompare(String(b.searchQuery)));
    expect(sorted(searches)).toEqual(
      sorted(
        [WEEK, slices.first, slices.second, slices.third, slices.secondA, slices.secondB].map((w) => ({
          searchQuery: merged(w),
          cursor: null,
        })),
      ),
    );
    expect(activity.pulls.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(stats.windowSplits).toBe(2);
    expect(stats.duplicates).toBe(1);
    expect(lines).toContain(
      `search pulls merged ${WEEK}: 2700 results, over 1000: splitting into 3 windows ` +
        `${slices.first}, ${slices.second}, ${slices.third} (cost 1, 4999 remaining)`,
    );
    expect(lines).toContain(
      `search pulls merged ${slices.second}: 1001 results, over 1000: splitting into 2 windows ` +
        `${slices.secondA}, ${slices.secondB} (cost 1, 4999 remaining)`,
    );
  });

  test("a single second with more than 1,000 results is an error, not a silent cut", async () => {
    fakeGraphql(() => searchPage([], { issueCount: 1001 }));
    const period = { ...WEEK_27, start: "2017-07-03T00:00:00.000Z", end: "2017-07-03T00:00:01.000Z" };
    await expect(collectActivity(testClient(), { repositories: ["a/b"], period })).rejects.toThrow(
      /GitHub search for repo:a\/b matches 1001 (pulls|issues) in the single second 2017-07-03T00:00:00Z: more than the 1000 search can return/,
    );
  });
});
