// Issue 8: what only GitHub does, in answers written from GitHub Docs, against nock.
// - Web edits and signed commits made on someone's behalf are committed by `web-flow` ("GitHub <noreply@github.com>",
//   verification.verified true, reason "valid"): the author tells whose commit it is (publish/history.ts).
// - A repository without a first commit answers the git data API with 409 "Git Repository is empty.".
// - A secondary rate limit is a 403 whose message says so, with retry-after when GitHub names the wait (docs: "wait
//   for the number of seconds in retry-after"; without it, "wait for at least one minute").
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import { Probot } from "probot";
import { appOctokit } from "../../src/github/app-octokit.js";
import { branchHead, target } from "../../src/publish/git.js";
import { branchCommits, isHuman, latestDraft, DRAFT_TRAILER } from "../../src/publish/history.js";
import { failure } from "../../src/triggers/replies.js";
import { privateKey } from "../support/probot.js";

const API = "https://api.github.com";
const APP = "devreport[bot]";
const DOCS = "https://docs.github.com/rest";

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const user = (login: string, id: number, type = "User") => ({ login, id, node_id: `U_${id}`, type, site_admin: false });
const WEB_FLOW = user("web-flow", 19864447);
const GITHUB_SIGNATURE = { name: "GitHub", email: "noreply@github.com", date: "2026-02-02T10:00:00Z" };
const signed = {
  verified: true,
  reason: "valid",
  signature: "-----BEGIN PGP SIGNATURE-----\n…",
  payload: "tree …",
  verified_at: "2026-02-02T10:00:01Z",
};

/** One commit of a compare answer, as GitHub sends it (the fields history.ts reads and their neighbours). */
function commit(
  sha: string,
  parent: string,
  author: ReturnType<typeof user>,
  committer: ReturnType<typeof user>,
  message: string,
) {
  return {
    sha,
    node_id: `C_${sha}`,
    parents: [{ sha: parent }],
    author,
    committer,
    commit: {
      message,
      tree: { sha: `t${sha}` },
      verification: committer === WEB_FLOW ? signed : { verified: false, reason: "unsigned" },
      author: {
        name: author.login,
        email: `${author.id}+${author.login}@users.noreply.github.com`,
        date: GITHUB_SIGNATURE.date,
      },
      committer:
        committer === WEB_FLOW
          ? GITHUB_SIGNATURE
          : { name: committer.login, email: "bot@example.com", date: GITHUB_SIGNATURE.date },
    },
  };
}

describe("commits GitHub makes on someone's behalf (committer web-flow)", () => {
  test("a maintainer's web edit is a human edit; the app's signed commit is the app's", async () => {
    const bot = user(APP, 41898282, "Bot");
    const maintainer = user("rn", 1234);
    const draft = commit("d1", "m1", bot, WEB_FLOW, `Draft the report for 2026-W05\n\n${DRAFT_TRAILER} 2026-W05\n`);
    const edit = commit("e1", "d1", maintainer, WEB_FLOW, "Update reports/2026-05.md");
    nock(API)
      .get("/repos/o/r/compare/m1...e1")
      .reply(200, { status: "ahead", ahead_by: 2, behind_by: 0, total_commits: 2, commits: [draft, edit] });
    const commits = await branchCommits(target(new Octokit(), "o/r"), "m1", "e1", "devreport/2026-W05");
    expect(commits.map((c) => [c.sha, c.authorLogin, c.committerLogin, isHuman(c, APP)])).toEqual([
      ["d1", APP, "web-flow", false],
      ["e1", "rn", "web-flow", true],
    ]);
    expect(latestDraft(commits, APP)?.sha).toBe("d1");
  });

  test("a web-flow commit whose author GitHub cannot tie to an account (author null) is a human's", () => {
    expect(isHuman({ sha: "x", tree: "t", message: "m", parents: [], committerLogin: "web-flow" }, APP)).toBe(true);
    // The app's unsigned git-data commits: author and committer are the app.
    expect(
      isHuman({ sha: "y", tree: "t", message: "m", parents: [], authorLogin: APP, committerLogin: APP }, APP),
    ).toBe(false);
  });
});

describe("an empty repository", () => {
  test("409 Git Repository is empty: the app says the repository needs a first commit, not to try later", async () => {
    nock(API)
      .get("/repos/o/empty/git/ref/heads%2Fmain")
      .reply(409, { message: "Git Repository is empty.", documentation_url: DOCS });
    const error = await branchHead(target(new Octokit(), "o/empty"), "main").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 409 });
    expect(failure(error, "o/empty")).toBe(
      "Could not publish the draft: the repository has no commit yet " +
        "(GitHub: HTTP 409 Git Repository is empty). Push a first commit to its default branch, then ask again.",
    );
  });

  test("another 409 keeps the general wording", () => {
    const error = Object.assign(new Error("Conflict"), { status: 409, response: { data: { message: "Conflict" } } });
    expect(failure(error, "o/r")).toMatch(/^Could not draft the report: HTTP 409 Conflict\. Try again later/);
  });
});

describe("a secondary rate limit on the app's path (app-octokit.ts)", () => {
  function virtual() {
    let now = 1_700_000_000_000;
    const waits: number[] = [];
    return {
      waits,
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
    };
  }
  async function installation(clock: ReturnType<typeof virtual>) {
    const Octokit = appOctokit({ retry: { now: clock.now, sleep: clock.sleep }, spacing: false });
    const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit });
    nock(API)
      .post("/app/installations/2/access_tokens")
      .reply(201, { token: "t", expires_at: "2999-01-01T00:00:00Z", permissions: {} });
    return probot.auth(2);
  }
  // GitHub Docs' wording of the answer; x-ratelimit-remaining is not 0 (this is not the primary limit).
  const SECONDARY = {
    message:
      "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
      "If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.",
    documentation_url:
      "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
  };
  const LIMIT_HEADERS = {
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4990",
    "x-ratelimit-resource": "core",
  };

  test("a read limited with retry-after is sent again after exactly that wait", async () => {
    const clock = virtual();
    const octokit = await installation(clock);
    const scope = nock(API)
      .get("/repos/o/r")
      .reply(403, SECONDARY, { ...LIMIT_HEADERS, "retry-after": "3" })
      .get("/repos/o/r")
      .reply(200, { default_branch: "main" });
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });
    expect(data).toEqual({ default_branch: "main" });
    expect(clock.waits).toEqual([3000]);
    expect(scope.isDone()).toBe(true);
  });

  test("without retry-after the wait is at least a minute, as GitHub Docs ask", async () => {
    const clock = virtual();
    const octokit = await installation(clock);
    const scope = nock(API)
      .get("/repos/o/r")
      .reply(403, SECONDARY, LIMIT_HEADERS)
      .get("/repos/o/r")
      .reply(200, { default_branch: "main" });
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });
    expect(clock.waits).toHaveLength(1);
    expect(clock.waits[0]).toBeGreaterThanOrEqual(60_000);
    expect(scope.isDone()).toBe(true);
  });
});
