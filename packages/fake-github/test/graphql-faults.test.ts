// GraphQL's own failures: partial answers (data with some nodes null, and one error per node) and timeouts, as
// GitHub answers them, and the request readers their rules use.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "@jest/globals";
import { graphqlRequestOf, graphqlTimeout, partialErrors, searchPageSize } from "../src/faults.js";
import type { FakeRequest } from "../src/http.js";
import { startFakeGitHub, type FakeGitHub } from "../src/server.js";
import { gql, SAMPLE } from "./helpers.js";

const SEARCH = /* GraphQL */ `
  query Search($q: String!, $first: Int!) {
    rateLimit {
      cost
      remaining
    }
    search(query: $q, type: ISSUE, first: $first) {
      issueCount
      nodes {
        ... on PullRequest {
          number
          closingIssuesReferences(first: 5) {
            nodes {
              number
            }
          }
        }
      }
    }
  }
`;
const Q = "repo:acme/tinyos OR repo:acme/vsock is:pr is:merged merged:2024-03-04..2024-03-10";
const TIMEOUT =
  /^Something went wrong while executing your query\. This may be the result of a timeout, or it could be a GitHub bug\. Please include `[^`]+` when reporting this issue\.$/;

describe("GraphQL faults", () => {
  let fake: FakeGitHub;
  let clean: { data: any };
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [SAMPLE] });
    clean = (await gql(fake, SEARCH, { q: Q, first: 5 })).body;
  });
  afterEach(() => {
    fake.interceptors.length = 0;
  });
  afterAll(() => fake.close());

  test("partialErrors: the query's data with the nodes at the paths nulled, and GitHub's errors for them", async () => {
    const fault = partialErrors({ kind: "graphql Search", first: 1 }, [
      {
        path: ["search", "nodes", 1],
        type: "NOT_FOUND",
        message: "Could not resolve to a node with the global id of 'X'",
      },
      { path: ["search", "nodes", 3], type: "FORBIDDEN", message: "Resource not accessible by integration" },
      // Not in the answer (5 nodes): left alone, no error added for it.
      { path: ["search", "nodes", 9], type: "FORBIDDEN", message: "Resource not accessible by integration" },
    ]);
    fake.interceptors.push(fault);
    const { status, body } = await gql(fake, SEARCH, { q: Q, first: 5 });
    expect(status).toBe(200);
    const expected = structuredClone(clean.data.search);
    expected.nodes[1] = null;
    expected.nodes[3] = null;
    expect(body.data.search).toEqual(expected);
    expect(body.errors).toEqual([
      {
        type: "NOT_FOUND",
        path: ["search", "nodes", 1],
        message: "Could not resolve to a node with the global id of 'X'",
      },
      {
        type: "FORBIDDEN",
        path: ["search", "nodes", 3],
        extensions: { saml_failure: false },
        message: "Resource not accessible by integration",
      },
    ]);
    // The query ran: GitHub charged it.
    expect(body.data.rateLimit.cost).toBeGreaterThan(0);
    expect(fault.fired).toHaveLength(1);
    // `first: 1`: the next request is answered whole.
    expect((await gql(fake, SEARCH, { q: Q, first: 5 })).body).toEqual({
      data: { ...clean.data, rateLimit: expect.anything() },
    });
  });

  test("partialErrors at the root: the search itself missing", async () => {
    fake.interceptors.push(
      partialErrors({ kind: "graphql Search" }, { path: ["search"], message: "Timeout on search" }),
    );
    const { body } = await gql(fake, SEARCH, { q: Q, first: 5 });
    expect(body.data.search).toBeNull();
    expect(body.data.rateLimit).toEqual(expect.objectContaining({ cost: expect.any(Number) }));
    expect(body.errors).toEqual([{ path: ["search"], message: "Timeout on search" }]);
  });

  test.each([[502], [200]] as const)(
    "graphqlTimeout answers %s with GitHub's timeout error and no data",
    async (status) => {
      const fault = graphqlTimeout({ kind: "graphql Search", first: 1 }, { status });
      fake.interceptors.push(fault);
      const answer = await gql(fake, SEARCH, { q: Q, first: 5 });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ data: null, errors: [{ message: expect.stringMatching(TIMEOUT) }] });
      expect(fault.fired).toHaveLength(1);
      expect((await gql(fake, SEARCH, { q: Q, first: 5 })).status).toBe(200);
    },
  );

  test("graphqlTimeout's default is the 502 most reports show", async () => {
    fake.interceptors.push(graphqlTimeout({ kind: "graphql Search" }));
    expect((await gql(fake, SEARCH, { q: Q, first: 5 })).status).toBe(502);
  });

  test("rules can read the request: `when` with searchPageSize times out only the larger pages", async () => {
    const fault = graphqlTimeout({ kind: "graphql Search", when: (req) => (searchPageSize(req) ?? 0) > 3 });
    fake.interceptors.push(fault);
    const literal = (first: number) => SEARCH.replace(", $first: Int!", "").replace("first: $first", `first: ${first}`);
    expect((await gql(fake, literal(5), { q: Q })).status).toBe(502);
    expect((await gql(fake, literal(3), { q: Q })).status).toBe(200);
    expect(fault.fired).toHaveLength(1);
  });

  test("graphqlRequestOf and searchPageSize", () => {
    const req = (body: string) => ({ body }) as FakeRequest;
    const query = `query { probe: search(query: "a", type: ISSUE, first: 1) { issueCount } search(query: "b", type: ISSUE, first: 50) { issueCount } }`;
    expect(graphqlRequestOf(req(JSON.stringify({ query, variables: { a: 1 } })))).toEqual({
      query,
      variables: { a: 1 },
    });
    expect(graphqlRequestOf(req("not json"))).toEqual({ variables: {} });
    expect(searchPageSize(req(JSON.stringify({ query })))).toBe(50);
    expect(searchPageSize(req(JSON.stringify({ query: "{ viewer { login } }" })))).toBeUndefined();
  });
});
