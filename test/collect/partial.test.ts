// Partial GraphQL answers and timeouts at the collect level, against nock: what GitHub could not answer becomes a
// gap (null nodes dropped, each path named once per distinct problem), and a timed-out page is asked again smaller.
import { describe, expect, test } from "@jest/globals";
import { validate } from "@octokit/graphql-schema";
import { collectActivity } from "../../src/collect/index.js";
import { formatPath, gapWarnings, type Gap } from "../../src/collect/gaps.js";
import { SEARCH_CLOSED_ISSUES, SEARCH_MERGED_PULLS } from "../../src/collect/queries.js";
import { searchDocument, smallerPage, TIMEOUT_PAGE_SIZES } from "../../src/collect/timeouts.js";
import { graphqlTimeoutOf } from "../../src/github/errors.js";
import { fakeGraphql, pullNode, searchPage, WEEK_27 } from "./helpers.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

offline();

const REPO = "linuxkit/linuxkit";
const WEEK = "2017-07-03T00:00:00Z..2017-07-09T23:59:59Z";
const FORBIDDEN = "Resource not accessible by integration";
const TIMEOUT =
  "Something went wrong while executing your query. This may be the result of a timeout, or it could be a " +
  "GitHub bug. Please include `E2B5:17176:C8D909:165E039:6650BF08` when reporting this issue.";

const collect = (lines: string[] = []) =>
  collectActivity(testClient(), { repositories: [REPO], period: WEEK_27, log: (line) => lines.push(line) });

describe("partial answers", () => {
  test("a closing issue the app cannot see: the PR is kept without it, and the gap is named", async () => {
    const pulls = [
      pullNode(REPO, 2167, {
        closingIssuesReferences: { nodes: [null, { number: 7, repository: { nameWithOwner: REPO } }] },
      }),
      null,
      pullNode(REPO, 2168),
    ];
    fakeGraphql((body) => {
      if (body.query !== SEARCH_MERGED_PULLS) return searchPage([]);
      return {
        ...searchPage(pulls, { issueCount: 3 }),
        errors: [
          {
            type: "FORBIDDEN",
            path: ["search", "nodes", 0, "closingIssuesReferences", "nodes", 0],
            extensions: { saml_failure: false },
            locations: [{ line: 80, column: 7 }],
            message: FORBIDDEN,
          },
          {
            type: "NOT_FOUND",
            path: ["search", "nodes", 1],
            message: "Could not resolve to a node with the global id of 'PR_x'.",
          },
        ],
      };
    });
    const lines: string[] = [];
    const { activity, stats } = await collect(lines);
    expect(activity.pulls.map((p) => [p.number, p.closes])).toEqual([
      [2167, [{ repo: REPO, number: 7 }]],
      [2168, []],
    ]);
    expect(stats.warnings).toEqual([
      `GitHub could not answer search.nodes[0].closingIssuesReferences.nodes[0] (${REPO}#2167) (FORBIDDEN: ${FORBIDDEN}): ` +
        "the report leaves it out",
      `GitHub could not answer search.nodes[1] (search pulls merged ${WEEK}, page 1) (NOT_FOUND: Could not resolve to a ` +
        "node with the global id of 'PR_x'.): the report leaves it out",
    ]);
    expect(lines.filter((line) => line.includes("could not answer"))).toEqual([
      `search pulls merged ${WEEK}, page 1: GitHub could not answer search.nodes[0].closingIssuesReferences.nodes[0] ` +
        `(${REPO}#2167) (FORBIDDEN: ${FORBIDDEN}): left out`,
      `search pulls merged ${WEEK}, page 1: GitHub could not answer search.nodes[1] ` +
        "(NOT_FOUND: Could not resolve to a node with the global id of 'PR_x'.): left out",
    ]);
    // The partial answer's rate limit still counts.
    expect(stats.cost).toBe(2);
    expect(stats.requests.total).toBe(2);
  });

  test("errors at the search itself, with no search data: the run fails as before", async () => {
    fakeGraphql((body) =>
      body.query !== SEARCH_MERGED_PULLS
        ? searchPage([])
        : { data: { search: null, rateLimit: null }, errors: [{ path: ["search"], message: "Timeout on search" }] },
    );
    await expect(collect()).rejects.toThrow(`GitHub search failed for repo:${REPO}: Timeout on search`);
  });

  test("gapWarnings: one line per distinct problem, the first three places named", () => {
    const gap = (i: number, type = "FORBIDDEN", message = FORBIDDEN): Gap => ({
      path: `search.nodes[${i}].closingIssuesReferences`,
      item: `o/r#${i}`,
      where: "w",
      type,
      message,
    });
    expect(
      gapWarnings([
        gap(1),
        gap(2),
        gap(3, "NOT_FOUND", "gone"),
        gap(4),
        gap(5),
        gap(6),
        { path: "search.nodes[9]", where: "search pulls merged w, page 2", message: "untyped" },
      ]),
    ).toEqual([
      "GitHub could not answer search.nodes[1].closingIssuesReferences (o/r#1), search.nodes[2].closingIssuesReferences " +
        `(o/r#2), search.nodes[4].closingIssuesReferences (o/r#4) and 2 more (FORBIDDEN: ${FORBIDDEN}): the report leaves them out`,
      "GitHub could not answer search.nodes[3].closingIssuesReferences (o/r#3) (NOT_FOUND: gone): the report leaves it out",
      "GitHub could not answer search.nodes[9] (search pulls merged w, page 2) (untyped): the report leaves it out",
    ]);
    expect(formatPath(["p0", "pullRequest", "files", "nodes", 12])).toBe("p0.pullRequest.files.nodes[12]");
  });
});

describe("timeouts", () => {
  test("the smaller search documents are valid against GitHub's schema, and 100 is the usual one", () => {
    expect(searchDocument("pulls", 100)).toBe(SEARCH_MERGED_PULLS);
    expect(searchDocument("issues", 100)).toBe(SEARCH_CLOSED_ISSUES);
    for (const size of TIMEOUT_PAGE_SIZES.slice(1)) {
      for (const kind of ["pulls", "issues"] as const) {
        const document = searchDocument(kind, size);
        expect(document).toContain(`first: ${size}, after: $cursor)`);
        expect(validate(document).map((e) => e.message)).toEqual([]);
      }
    }
    expect([smallerPage(100), smallerPage(50), smallerPage(25)]).toEqual([50, 25, undefined]);
  });

  test("graphqlTimeoutOf reads GitHub's timeout in a 200 answer, a 502 and a given-up retry", () => {
    const body = { data: null, errors: [{ message: TIMEOUT }] };
    expect(graphqlTimeoutOf({ name: "GraphqlResponseError", errors: body.errors, data: null })).toBe(TIMEOUT);
    const requestError = {
      status: 502,
      message: `Unknown error: ${JSON.stringify(body)}`,
      response: { status: 502, data: body },
    };
    expect(graphqlTimeoutOf(requestError)).toBe(TIMEOUT);
    expect(
      graphqlTimeoutOf(new Error("GitHub search failed", { cause: new Error("gave up", { cause: requestError }) })),
    ).toBe(TIMEOUT);
    expect(graphqlTimeoutOf(new Error("x", { cause: body }))).toBe(TIMEOUT);
    expect(graphqlTimeoutOf({ status: 502, response: { data: { message: "Server Error" } } })).toBeUndefined();
  });

  test("a page that times out is asked again 50 at a time, from the same cursor", async () => {
    const first = Array.from({ length: 100 }, (_, i) => pullNode(REPO, 1000 + i));
    const rest = Array.from({ length: 30 }, (_, i) => pullNode(REPO, 1100 + i));
    const { bodies } = fakeGraphql((body) => {
      if (!body.query.includes("SearchMergedPulls")) return searchPage([]);
      if (body.variables.cursor === null) return searchPage(first, { issueCount: 130, endCursor: "Y3Vyc29yOjEwMA==" });
      if (body.query === SEARCH_MERGED_PULLS) return { data: null, errors: [{ message: TIMEOUT }] };
      return searchPage(rest, { issueCount: 130 });
    });
    const lines: string[] = [];
    const { activity, stats } = await collect(lines);
    expect(activity.pulls).toHaveLength(130);
    const searches = bodies.filter((b) => b.query.includes("SearchMergedPulls"));
    expect(searches.map((b) => [/first: (\d+), after/.exec(b.query)![1], b.variables.cursor])).toEqual([
      ["100", null],
      ["100", "Y3Vyc29yOjEwMA=="],
      ["50", "Y3Vyc29yOjEwMA=="],
    ]);
    expect(lines).toContain(
      `search pulls merged ${WEEK}: page 2 timed out on GitHub's side 100 at a time: asking again 50 at a time`,
    );
    expect(stats.warnings).toEqual([]);
  });
});
