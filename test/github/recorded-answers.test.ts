// Issue 8: GitHub's own recorded answers (@octokit/fixtures, scenarios recorded against api.github.com and
// normalized) replayed through nock against the code paths that make those calls: the repository read, ref
// create/move/delete, a directory where a file was expected, a renamed repository's redirect, and a recorded 422
// through the error wording. Each recorded answer is also checked against GitHub's OpenAPI description, so the
// contract checker is shown to accept what GitHub really sends.
import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import type { ContractEntry } from "@devreport/fake-github";
import { classifyGitHubError, describeGitHubError, isValidationFailure } from "../../src/github/errors.js";
import { readRepositoryFile } from "../../src/github/files.js";
import { createBranch, defaultBranch, deleteOwnBranch, moveBranch, target } from "../../src/publish/git.js";
import { BranchMoved } from "../../src/publish/errors.js";
import { checkContract } from "../support/contract.js";
import { offline } from "../support/net.js";

const require = createRequire(import.meta.url);
const SCENARIOS = join(dirname(require.resolve("@octokit/fixtures/package.json")), "scenarios", "api.github.com");
const API = "https://api.github.com";

interface Recorded {
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: unknown;
  headers: Record<string, string>;
}
const scenario = (name: string): Recorded[] =>
  JSON.parse(readFileSync(join(SCENARIOS, name, "normalized-fixture.json"), "utf8")) as Recorded[];

/** Replays one recorded answer (any request body), recording what our code sent. */
function replay(recorded: Recorded, sent: unknown[] = []): nock.Scope {
  const headers = {
    "content-type": recorded.headers["content-type"] ?? "application/json; charset=utf-8",
    ...(recorded.headers.location ? { location: recorded.headers.location } : {}),
  };
  // Octokit escapes the slash of "heads/test" and drops a trailing one; GitHub takes both spellings alike.
  const same = (path: string) => decodeURIComponent(path).replace(/\/$/, "") === recorded.path.replace(/\/$/, "");
  return nock(API)
    .intercept(same, recorded.method.toUpperCase(), (body) => {
      sent.push(body);
      return true;
    })
    .reply(recorded.status, recorded.response === "" ? undefined : (recorded.response as nock.Body), headers);
}

const client = () => new Octokit({ auth: "ghs_test" });

describe("recorded GitHub answers (@octokit/fixtures)", () => {
  offline();

  test("get-repository: the default branch is read from GitHub's own answer", async () => {
    const [recorded] = scenario("get-repository");
    const scope = replay(recorded!);
    const t = target(client(), "octokit-fixture-org/hello-world");
    expect(await defaultBranch(t)).toBe((recorded!.response as { default_branch: string }).default_branch);
    expect(scope.isDone()).toBe(true);
  });

  test("rename-repository: a moved repository's 301 is followed to its new home", async () => {
    const answers = scenario("rename-repository").filter((r) => r.method === "get");
    const scopes = answers.map((r) => replay(r));
    expect(await defaultBranch(target(client(), "octokit-fixture-org/rename-repository"))).toBe(
      (answers[1]!.response as { default_branch: string }).default_branch,
    );
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
  });

  test("git-refs: create, fast-forward and delete a branch against GitHub's recorded answers", async () => {
    const [, create, patch, , remove] = scenario("git-refs");
    const sent: unknown[] = [];
    const t = target(client(), "octokit-fixture-org/git-refs");
    replay(create!, sent);
    await createBranch(t, "test", (create!.body as { sha: string }).sha);
    replay(patch!, sent);
    await moveBranch(t, "test", (patch!.body as { sha: string }).sha, (create!.body as { sha: string }).sha);
    replay(remove!, sent);
    await deleteOwnBranch(t, "test", (patch!.body as { sha: string }).sha);
    // What we sent is what the recorded requests sent (plus force: false, which the move says explicitly).
    expect(sent).toEqual([create!.body, { ...(patch!.body as object), force: false }, ""]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test("get-content: a directory listing where a file was expected is said to be no file", async () => {
    const [listing] = scenario("get-content");
    replay(listing!);
    await expect(readRepositoryFile(client(), "octokit-fixture-org/hello-world", "")).rejects.toThrow(
      "octokit-fixture-org/hello-world: is not a file",
    );
  });

  test("errors: GitHub's recorded 422 is a validation failure in our words, and not a branch created meanwhile", async () => {
    const [recorded] = scenario("errors");
    replay({ ...recorded!, path: "/repos/octokit-fixture-org/errors/git/refs" });
    const error = await createBranch(target(client(), "octokit-fixture-org/errors"), "test", "0".repeat(40)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(BranchMoved);
    expect(isValidationFailure(error)).toBe(true);
    expect(classifyGitHubError(error)).toEqual({ kind: "http-error", status: 422 });
    expect(describeGitHubError(error)).toBe("HTTP 422 Validation Failed");
  });

  // (get-repository is from 2017: it lacks has_discussions, which today's description requires; git-refs' listing is
  // GET /git/refs/, which GitHub no longer describes.)
  test("the recorded answers we replay validate against GitHub's OpenAPI description", () => {
    const recorded = [...scenario("git-refs").filter((r) => r.method !== "get"), ...scenario("errors")];
    const entries: ContractEntry[] = recorded.map((r) => ({
      method: r.method.toUpperCase(),
      path: r.path.replace(/\/$/, ""),
      params: {},
      query: [],
      requestBody: r.body === "" ? "" : JSON.stringify(r.body),
      status: r.status,
      responseBody: r.response === "" ? "" : JSON.stringify(r.response),
      responseType: "application/json",
      intercepted: false,
    }));
    expect(checkContract(entries)).toEqual([]);
  });
});
