// The GitHub side of the footer: one aliased GraphQL query, values as variables, partial answers kept.
import { describe, expect, test } from "@jest/globals";
import { validate } from "@octokit/graphql-schema";
import nock from "nock";
import { kindsQuery, lookupKinds } from "../../src/publish/reference-kinds.js";
import { testClient as client } from "../support/github.js";
import { offline } from "../support/net.js";

describe("lookupKinds", () => {
  const refs = [
    { repo: "linuxkit/linuxkit", number: 2170 },
    { repo: "linuxkit/linuxkit", number: 2171 },
    { repo: "linuxkit/virtsock", number: 36 },
  ];

  offline();

  test("the aliased query is valid against GitHub's schema", () => {
    const { query, variables } = kindsQuery(refs);
    expect(query)
      .toBe(`query ReferenceKinds($o0: String!, $r0: String!, $n0_0: Int!, $n0_1: Int!, $o1: String!, $r1: String!, $n1_0: Int!) {
  r0: repository(owner: $o0, name: $r0) {
    n0: issueOrPullRequest(number: $n0_0) { __typename }
    n1: issueOrPullRequest(number: $n0_1) { __typename }
  }
  r1: repository(owner: $o1, name: $r1) {
    n0: issueOrPullRequest(number: $n1_0) { __typename }
  }
}`);
    expect(variables).toEqual({
      o0: "linuxkit",
      r0: "linuxkit",
      n0_0: 2170,
      n0_1: 2171,
      o1: "linuxkit",
      r1: "virtsock",
      n1_0: 36,
    });
    expect(validate(query)).toEqual([]);
  });

  test("values never enter the document: a hostile name stays a variable", () => {
    const { query, variables } = kindsQuery([{ repo: 'evil/x") { id } y: repository(owner: "a', number: 1 }]);
    expect(query).not.toContain("evil");
    expect(variables.r0).toBe('x") { id } y: repository(owner: "a');
    expect(validate(query)).toEqual([]);
  });

  test("one request answers every number; numbers GitHub does not know are left out", async () => {
    const scope = nock("https://api.github.com")
      .post("/graphql", { query: kindsQuery(refs).query, variables: kindsQuery(refs).variables })
      .reply(200, {
        data: { r0: { n0: { __typename: "PullRequest" }, n1: null }, r1: { n0: { __typename: "Issue" } } },
        errors: [
          {
            type: "NOT_FOUND",
            path: ["r0", "n1"],
            message: "Could not resolve to an issue or pull request with the number of 2171.",
          },
        ],
      });
    const github = client();
    const kinds = await lookupKinds(github, refs);
    expect([...kinds]).toEqual([
      ["linuxkit/linuxkit#2170", "pull"],
      ["linuxkit/virtsock#36", "issue"],
    ]);
    expect(scope.isDone()).toBe(true);
  });

  test("no numbers, no request", async () => {
    const github = client();
    expect((await lookupKinds(github, [])).size).toBe(0);
  });

  test("a failed request names the references", async () => {
    nock("https://api.github.com").post("/graphql").reply(502, "bad gateway");
    const github = client();
    await expect(lookupKinds(github, refs)).rejects.toThrow(
      /^references: asking GitHub whether linuxkit\/linuxkit#2170, linuxkit\/linuxkit#2171, linuxkit\/virtsock#36 are PRs or issues failed/,
    );
  });
});
