// The app's Octokit (src/github/app-octokit.ts) through Probot's installation auth, against nock: GraphQL queries
// never wait for the write spacing, REST writes do, a secondary rate limit is waited out as retry-after asks, and a
// write answered 5xx is sent once only. Waits are recorded on a virtual clock, never measured.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { Probot } from "probot";
import { appOctokit } from "../../src/github/app-octokit.js";
import { privateKey } from "../support/probot.js";

const API = "https://api.github.com";

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
    advance: (ms: number) => (now += ms),
  };
}

let clock: ReturnType<typeof virtual>;
async function installationClient() {
  const Octokit = appOctokit({
    retry: { now: clock.now, sleep: clock.sleep },
    spacing: { now: clock.now, sleep: clock.sleep },
  });
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit });
  nock(API)
    .post("/app/installations/2/access_tokens")
    .reply(201, { token: "t", expires_at: "2999-01-01T00:00:00Z", permissions: {} });
  return probot.auth(2);
}

beforeEach(() => {
  nock.disableNetConnect();
  clock = virtual();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("the app's Octokit", () => {
  test("GraphQL queries go out at once, REST writes one second apart", async () => {
    const octokit = await installationClient();
    const scope = nock(API)
      .post("/graphql")
      .times(3)
      .reply(200, { data: { viewer: { login: "x" } } })
      .post("/repos/o/r/issues/1/comments")
      .times(2)
      .reply(201, { id: 1 });
    await Promise.all([1, 2, 3].map(() => octokit.graphql("query { viewer { login } }")));
    expect(clock.waits).toEqual([]);
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: "o",
      repo: "r",
      issue_number: 1,
      body: "a",
    });
    clock.advance(300);
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: "o",
      repo: "r",
      issue_number: 1,
      body: "b",
    });
    expect(clock.waits).toEqual([700]);
    expect(scope.isDone()).toBe(true);
  });

  test("a secondary rate limit on a write is waited out as retry-after asks, then sent again", async () => {
    const octokit = await installationClient();
    const scope = nock(API)
      .post("/repos/o/r/pulls")
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "7" })
      .post("/repos/o/r/pulls")
      .reply(201, { number: 5 });
    const { data } = await octokit.request("POST /repos/{owner}/{repo}/pulls", {
      owner: "o",
      repo: "r",
      head: "h",
      base: "b",
      title: "t",
    });
    expect(data).toEqual({ number: 5 });
    expect(clock.waits).toEqual([7000]);
    expect(scope.isDone()).toBe(true);
  });

  test("a comment answered 502 is sent once: the caller reads back", async () => {
    const octokit = await installationClient();
    const scope = nock(API).post("/repos/o/r/issues/1/comments").once().reply(502, { message: "Server Error" });
    await expect(
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner: "o",
        repo: "r",
        issue_number: 1,
        body: "a",
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test("a read answered 502 is sent again after a backoff", async () => {
    const octokit = await installationClient();
    const scope = nock(API)
      .get("/repos/o/r")
      .reply(502, { message: "Server Error" })
      .get("/repos/o/r")
      .reply(200, { default_branch: "main" });
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });
    expect(data).toEqual({ default_branch: "main" });
    expect(clock.waits).toEqual([1000]);
    expect(scope.isDone()).toBe(true);
  });
});
