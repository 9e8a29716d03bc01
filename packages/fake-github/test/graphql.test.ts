// GraphQL over HTTP against the sample dataset, with documents checked against GitHub's schema first.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "../src/server.js";
import { FakeStore } from "../src/store.js";
import { gql, pull, SAMPLE } from "./helpers.js";

const PULL_FIELDS = /* GraphQL */ `
  fragment PullFields on PullRequest {
    id
    number
    title
    url
    state
    merged
    mergedAt
    headRefName
    baseRefName
    author {
      __typename
      login
      url
    }
    repository {
      name
      owner {
        login
      }
      nameWithOwner
    }
    labels(first: 10) {
      totalCount
      nodes {
        name
      }
    }
    files(first: 1) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        path
        additions
        deletions
      }
    }
    reviews(first: 10, states: [APPROVED]) {
      totalCount
      nodes {
        author {
          __typename
          login
        }
        state
      }
    }
    commits(first: 10) {
      totalCount
      nodes {
        commit {
          oid
          message
          authors(first: 5) {
            nodes {
              name
              email
              user {
                login
              }
            }
          }
        }
      }
    }
    closingIssuesReferences(first: 5) {
      totalCount
      nodes {
        number
        url
        state
        stateReason
        repository {
          nameWithOwner
        }
      }
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query SearchMergedPulls($q: String!, $first: Int!, $after: String) {
    rateLimit {
      cost
      limit
      remaining
      used
      resetAt
      nodeCount
    }
    search(query: $q, type: ISSUE, first: $first, after: $after) {
      issueCount
      pageInfo {
        hasNextPage
        endCursor
        hasPreviousPage
        startCursor
      }
      edges {
        cursor
      }
      nodes {
        __typename
        ... on PullRequest {
          ...PullFields
        }
        ... on Issue {
          number
        }
      }
    }
  }
  ${PULL_FIELDS}
`;

describe("GraphQL over the sample dataset", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [SAMPLE] });
  });
  afterAll(() => fake.close());

  test("search pages through merged PRs of several repositories with opaque cursors", async () => {
    // The advanced grammar (the fake's default, like github.com): the repositories are OR-ed explicitly.
    const q = "repo:acme/tinyos OR repo:acme/vsock is:pr is:merged merged:2024-03-04..2024-03-10";
    const first = await gql(fake, SEARCH, { q, first: 10 });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data.search;
    expect(page1.issueCount).toBe(12);
    expect(page1.nodes).toHaveLength(10);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.pageInfo.endCursor).toBe(page1.edges[9].cursor);
    const second = await gql(fake, SEARCH, { q, first: 10, after: page1.pageInfo.endCursor });
    const page2 = second.body.data.search;
    expect(page2.nodes).toHaveLength(2);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const all = [...page1.nodes, ...page2.nodes].map((n: any) => `${n.repository.nameWithOwner}#${n.number}`);
    expect(new Set(all).size).toBe(12);
    expect(all).toContain("acme/vsock#19");
    expect(all).not.toContain("acme/tinyos#98");
    expect(all).not.toContain("acme/tinyos#114");
    // Ten PRs with their nested connections: 10 x (labels, files, reviews, commits) + 1 search = ~2 points by GitHub's formula.
    expect(second.body.data.rateLimit).toMatchObject({ cost: 2, limit: 5000, used: 4, remaining: 4996, nodeCount: 1 });
  });

  test("a PR's author, labels, reviews, commits with co-authors and closing issues", async () => {
    const { body } = await gql(
      fake,
      `query One { repository(owner: "acme", name: "tinyos") {
      pullRequest(number: 102) { ...PullFields } } } ${PULL_FIELDS}`,
    );
    expect(body.errors).toBeUndefined();
    const pr = body.data.repository.pullRequest;
    expect(pr).toMatchObject({
      number: 102,
      state: "MERGED",
      merged: true,
      mergedAt: "2024-03-04T15:30:00Z",
      url: "https://github.com/acme/tinyos/pull/102",
      author: { __typename: "User", login: "bobk", url: "https://github.com/bobk" },
      repository: { name: "tinyos", owner: { login: "acme" }, nameWithOwner: "acme/tinyos" },
      labels: { totalCount: 1, nodes: [{ name: "bug" }] },
      files: { totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ path: "pkg/init/cmd/service/main.go" }] },
      reviews: { totalCount: 1, nodes: [{ author: { __typename: "User", login: "alice" }, state: "APPROVED" }] },
      closingIssuesReferences: {
        totalCount: 1,
        nodes: [
          {
            number: 95,
            url: "https://github.com/acme/tinyos/issues/95",
            state: "CLOSED",
            stateReason: "COMPLETED",
            repository: { nameWithOwner: "acme/tinyos" },
          },
        ],
      },
    });
    expect(pr.commits.nodes[0].commit.authors.nodes).toEqual([
      { name: "Bob Kowalski", email: "bob@example.org", user: { login: "bobk" } },
      { name: "Frank Ito", email: "frank@example.io", user: { login: "frankie" } },
    ]);
    expect(pr.commits.nodes[0].commit.message).toMatch(/\n\nCo-authored-by: Frank Ito <frank@example.io>$/);
  });

  test("bots are typed Bot and, as on GitHub, lose the [bot] suffix in GraphQL", async () => {
    const { body } = await gql(
      fake,
      `{ repository(owner: "acme", name: "tinyos") {
      pullRequest(number: 105) { author { __typename login url } } } }`,
    );
    expect(body.data.repository.pullRequest.author).toEqual({
      __typename: "Bot",
      login: "renovate",
      url: "https://github.com/apps/renovate",
    });
  });

  test("issues, issueOrPullRequest, files on the default branch, refs", async () => {
    const { body } = await gql(
      fake,
      `{ repository(owner: "acme", name: "tinyos") {
      nameWithOwner defaultBranchRef { name target { oid } }
      issue(number: 97) { number title state stateReason closedAt createdAt author { login } labels(first: 5) { nodes { name } } }
      pr: issueOrPullRequest(number: 101) { __typename ... on PullRequest { number } }
      is: issueOrPullRequest(number: 100) { __typename ... on Issue { number stateReason } }
      duplicate: issue(number: 99) { stateReason }
      config: object(expression: "HEAD:.github/devreport.yml") { ... on Blob { text oid } }
      mainConfig: object(expression: "main:.github/devreport.yml") { ... on Blob { oid } }
      missing: object(expression: "HEAD:nope.yml") { ... on Blob { text } }
      ref(qualifiedName: "refs/heads/main") { name target { oid } associatedPullRequests(first: 5, states: OPEN) { nodes { number } } }
      noRef: ref(qualifiedName: "refs/heads/nope") { name }
    } }`,
    );
    expect(body.errors).toBeUndefined();
    const repo = body.data.repository;
    expect(repo.nameWithOwner).toBe("acme/tinyos");
    expect(repo.defaultBranchRef.name).toBe("main");
    expect(repo.issue).toEqual({
      number: 97,
      title: "Support RISC-V images",
      state: "CLOSED",
      stateReason: "NOT_PLANNED",
      closedAt: "2024-03-06T10:00:00Z",
      createdAt: "2024-02-25T18:00:00Z",
      author: { login: "frankie" },
      labels: { nodes: [{ name: "enhancement" }] },
    });
    expect(repo.pr).toEqual({ __typename: "PullRequest", number: 101 });
    expect(repo.is).toEqual({ __typename: "Issue", number: 100, stateReason: "COMPLETED" });
    // The schema in @octokit/graphql-schema has no DUPLICATE; GitHub's default answer for duplicates is NOT_PLANNED.
    expect(repo.duplicate).toEqual({ stateReason: "NOT_PLANNED" });
    expect(repo.config.text).toMatch(/^repositories:\n {2}- acme\/tinyos\n/m);
    expect(repo.mainConfig.oid).toBe(repo.config.oid);
    expect(repo.missing).toBeNull();
    expect(repo.ref).toEqual({
      name: "main",
      target: { oid: repo.defaultBranchRef.target.oid },
      associatedPullRequests: { nodes: [] },
    });
    expect(repo.noRef).toBeNull();
  });

  test("GitHub's errors: unknown repository, wrong kind of number, bad page sizes, invalid documents", async () => {
    const missing = await gql(fake, `{ repository(owner: "o", name: "r") { name } }`);
    expect(missing.status).toBe(200);
    expect(missing.body).toEqual({
      data: { repository: null },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["repository"],
          locations: [{ line: 1, column: 3 }],
          message: "Could not resolve to a Repository with the name 'o/r'.",
        },
      ],
    });
    const wrongKind = await gql(
      fake,
      `{ repository(owner: "acme", name: "tinyos") { pullRequest(number: 95) { number } } }`,
    );
    expect(wrongKind.body.errors[0]).toMatchObject({
      type: "NOT_FOUND",
      path: ["repository", "pullRequest"],
      message: "Could not resolve to a PullRequest with the number of 95.",
    });
    for (const first of [0, 101]) {
      const tooMany = await gql(fake, SEARCH, { q: "org:acme", first });
      expect(tooMany.body.data).toBeNull();
      expect(tooMany.body.errors[0].message).toMatch(/`first`.*must be between 1 and 100/);
    }
    const unknownRepo = await gql(fake, SEARCH, { q: "repo:acme/nope is:pr", first: 5 });
    expect(unknownRepo.body.errors[0]).toMatchObject({ type: "INVALID", path: ["search"] });
    const badQualifier = await gql(fake, SEARCH, { q: "org:acme bogus:1", first: 5 });
    expect(badQualifier.body.errors[0].message).toMatch(/`bogus:`/);
    const invalid = await gql(fake, `{ viewer { nope } }`, {}, { checkDocument: false });
    expect(invalid.status).toBe(200);
    expect(invalid.body.data).toBeUndefined();
    expect(invalid.body.errors[0].message).toMatch(/^Cannot query field "nope" on type "User"/);
    const syntax = await gql(fake, `{ viewer { `, {}, { checkDocument: false });
    expect(syntax.body.errors[0].message).toMatch(/^Syntax Error/);
  });

  test("viewer is the token's owner", async () => {
    fake.store.registerToken("ghp_carol", { login: "carol", type: "User" });
    const carol = await gql(fake, `{ viewer { login } }`, {}, { token: "ghp_carol" });
    expect(carol.body.data.viewer.login).toBe("carol");
  });
});

describe("the search grammar switch", () => {
  // "refused": a GraphQL error at `search` (GitHub's documentation: no repo: inside parentheses).
  test.each([
    ["observed", { spaced: 0, ored: 12, grouped: "refused" }],
    // Read strictly, `a OR b rest` is `a OR (b AND rest)`: every item of acme/tinyos, and vsock's week.
    ["advanced", { spaced: 0, ored: 22, grouped: 12 }],
    ["documented", { spaced: 12, ored: 12, grouped: "refused" }],
    // Legacy reads "(", "OR" and ")" as words: only the items whose text holds them still match.
    ["legacy", { spaced: 12, ored: 4, grouped: 1 }],
  ] as const)("searchGrammar: %s", async (searchGrammar, counts) => {
    const fake = await startFakeGitHub({ data: [SAMPLE], searchGrammar });
    try {
      expect(fake.searchGrammar).toBe(searchGrammar);
      const count = async (q: string) => {
        const { body } = await gql(fake, SEARCH, { q, first: 1 });
        return body.data?.search?.issueCount ?? (body.errors?.[0]?.path?.[0] === "search" ? "refused" : body);
      };
      const week = "is:pr is:merged merged:2024-03-04..2024-03-10";
      expect({
        spaced: await count(`repo:acme/tinyos repo:acme/vsock ${week}`),
        ored: await count(`repo:acme/tinyos OR repo:acme/vsock ${week}`),
        grouped: await count(`( repo:acme/tinyos OR repo:acme/vsock ) ${week}`),
      }).toEqual(counts);
    } finally {
      await fake.close();
    }
  });

  test("advanced: more than five operators is a GraphQL error on the search field", async () => {
    const fake = await startFakeGitHub({ data: [SAMPLE] });
    try {
      const q = `(${Array.from({ length: 7 }, (_, i) => `repo:acme/r${i}`).join(" OR ")}) is:pr`;
      const { status, body } = await gql(fake, SEARCH, { q, first: 1 });
      expect(status).toBe(200);
      expect(body.errors).toEqual([
        expect.objectContaining({ message: "More than five AND / OR / NOT operators were used.", path: ["search"] }),
      ]);
    } finally {
      await fake.close();
    }
  });
});

describe("GraphQL search over 1,500 PRs", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    const store = new FakeStore();
    for (let n = 1; n <= 1500; n++) {
      store.addItem(pull("big/repo", n, new Date(Date.UTC(2018, 0, 1) + n * 60_000).toISOString().replace(".000", "")));
    }
    fake = await startFakeGitHub({ store });
  });
  afterAll(() => fake.close());

  test("issueCount is 1,500 but paging stops after the first 1,000", async () => {
    const query = `query Page($after: String) { search(query: "repo:big/repo is:pr is:merged", type: ISSUE, first: 100, after: $after) {
      issueCount pageInfo { hasNextPage endCursor } nodes { ... on PullRequest { number } } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { body } = await gql(fake, query, { after });
      expect(body.data.search.issueCount).toBe(1500);
      seen.push(...body.data.search.nodes.map((n: { number: number }) => n.number));
      if (!body.data.search.pageInfo.hasNextPage) break;
      after = body.data.search.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(1000);
    expect(seen[0]).toBe(1500);
    expect(seen.at(-1)).toBe(501);
    expect(fake.requests.filter((r) => r.kind === "graphql Page")).toHaveLength(10);
  });
});
