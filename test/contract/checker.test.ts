// The contract checker itself (test/support/contract.ts): it finds what it should, one line each, and passes the
// fake's answers to the calls devreport makes. The e2e suites are checked by test/support/contract-setup.ts.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { startFakeGitHub, type ContractEntry, type FakeGitHub } from "@devreport/fake-github";
import { checkContract, GHES_VERSION } from "../support/contract.js";
import { SAMPLE } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

const entry = (method: string, path: string, extra: Partial<ContractEntry> = {}): ContractEntry => ({
  method,
  path,
  params: {},
  query: [],
  requestBody: "",
  status: 200,
  responseBody: "",
  responseType: "application/json",
  intercepted: true,
  ...extra,
});

describe("the contract checker", () => {
  test("GHES is checked at the oldest version @octokit/openapi ships", () => {
    expect(GHES_VERSION).toBe("3.17");
  });

  test("a request body without a required property", () => {
    const body = JSON.stringify({ title: "Report", base: "main" });
    expect(checkContract([entry("POST", "/repos/o/r/pulls", { requestBody: body })])).toEqual([
      "POST /repos/{owner}/{repo}/pulls: request body: must have required property 'head'",
    ]);
  });

  test("an undeclared query parameter, a value its schema refuses, and an operation GitHub does not have", () => {
    expect(
      checkContract([
        entry("GET", "/repos/o/r/pulls", { query: [["stat", "open"]] }),
        entry("GET", "/repos/o/r/pulls", {
          query: [
            ["state", "merged"],
            ["per_page", "100"],
          ],
        }),
        entry("GET", "/repos/o/r/report-drafts"),
      ]),
    ).toEqual([
      "GET /repos/{owner}/{repo}/pulls: query parameter stat is not declared",
      "GET /repos/{owner}/{repo}/pulls: query state=merged: /v must be equal to one of the allowed values (open, closed, all)",
      "GET /repos/o/r/report-drafts: no such operation",
    ]);
  });

  test("a response missing what the schema requires, unless an interceptor (a fault) answered", () => {
    const ref = entry("GET", "/repos/o/r/git/ref/heads/devreport/2026-W05", {
      intercepted: false,
      responseBody: JSON.stringify({ ref: "refs/heads/devreport/2026-W05", object: { sha: "a".repeat(40) } }),
    });
    expect(checkContract([ref])).toEqual([
      "GET /repos/{owner}/{repo}/git/ref/{ref}: response 200: must have required property 'node_id'",
      "GET /repos/{owner}/{repo}/git/ref/{ref}: response 200: must have required property 'url'",
      "GET /repos/{owner}/{repo}/git/ref/{ref}: response 200: /object must have required property 'type'",
      "GET /repos/{owner}/{repo}/git/ref/{ref}: response 200: /object must have required property 'url'",
    ]);
    expect(checkContract([{ ...ref, intercepted: true }])).toEqual([]);
  });

  test("an undeclared success status is one", () => {
    expect(checkContract([entry("GET", "/repos/o/r", { status: 203, intercepted: false })])).toEqual([
      "GET /repos/{owner}/{repo}: response status 203 is not declared",
    ]);
  });
});

describe("the fake's answers to devreport's calls", () => {
  let fake: FakeGitHub;
  loopbackOnly();
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [SAMPLE] });
  });
  afterAll(() => fake.close());

  test("repository, contents, refs, commits, compare, pulls and comments pass both descriptions", async () => {
    const octokit = new Octokit({ baseUrl: fake.url, auth: "ghs_contract" });
    const repos = await octokit.request("GET /installation/repositories").catch(() => undefined);
    const full = (repos?.data.repositories[0]?.full_name as string | undefined) ?? [...fake.store.repos.keys()][0]!;
    const [owner, repo] = full.split("/") as [string, string];
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", { owner, repo });
    const branch = data.default_branch;
    const head = await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner,
      repo,
      ref: `heads/${branch}`,
    });
    await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      owner,
      repo,
      commit_sha: head.data.object.sha,
    });
    await octokit.request("GET /repos/{owner}/{repo}/commits", { owner, repo, per_page: 5 });
    await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      owner,
      repo,
      basehead: `${branch}...${branch}`,
    });
    await octokit.request("GET /repos/{owner}/{repo}/pulls", { owner, repo, state: "all", per_page: 100 });
    await octokit
      .request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path: "README.md" })
      .catch(() => undefined);
    expect(fake.contract.length).toBeGreaterThanOrEqual(7);
    expect(checkContract(fake.contract)).toEqual([]);
  });
});
