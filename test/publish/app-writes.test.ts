// Writes that must happen exactly once (issue 8, points 4 and 5): reviewers in two calls, comments found past the
// first page, a comment whose answer was lost read back instead of posted twice, and GitHub's passing 422 "No
// commits between" right after the branch was created tried again. nock for exact requests, the fake for faults.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { serverError, startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { createClient } from "../../src/github/octokit.js";
import { target } from "../../src/publish/git.js";
import { publishDraft } from "../../src/publish/index.js";
import { commentOnce, decoratePull } from "../../src/publish/pull-request.js";
import { APP, BRANCH, REPO, config, github, makeDraft, pullJson } from "./helpers.js";
import { testClient } from "../support/github.js";

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("reviewers (nock)", () => {
  beforeEach(() => nock.disableNetConnect());

  test("users first in a call of their own; a refused team is logged once and the users stay requested", async () => {
    const scope = github()
      .post(`${REPO}/pulls/7/requested_reviewers`, { reviewers: ["rn"] })
      .reply(201, pullJson(7))
      .post(`${REPO}/pulls/7/requested_reviewers`, { team_reviewers: ["maintainers"] })
      .reply(403, { message: "Resource not accessible by integration" });
    const log: string[] = [];
    await decoratePull(
      target(testClient(), "linuxkit/linuxkit"),
      7,
      { labels: [], reviewers: ["rn", "linuxkit/maintainers"] },
      (line) => log.push(line),
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(
      /^linuxkit\/linuxkit#7: could not request reviews from linuxkit\/maintainers \(Resource not accessible by integration.*\); team reviews need the app's members: read permission \(docs\/install\.md\)$/,
    );
  });

  test("only teams: one call with team_reviewers alone", async () => {
    const scope = github()
      .post(`${REPO}/pulls/7/requested_reviewers`, { team_reviewers: ["maintainers"] })
      .reply(201, pullJson(7));
    await decoratePull(
      target(testClient(), "linuxkit/linuxkit"),
      7,
      { labels: [], reviewers: ["linuxkit/maintainers"] },
      () => {},
    );
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("comments", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    fake = await startFakeGitHub();
    fake.store.ensureRepo("linuxkit/linuxkit", "master");
    fake.store.commitFiles("linuxkit/linuxkit", "master", { "README.md": "x\n" }, "init", null);
  });
  afterEach(async () => fake.close());

  const client = () => createClient({ token: "app-token", apiUrl: fake.url, retry: { sleep: async () => {} } });
  const posts = () =>
    fake.requests.filter((r) => r.kind === "rest POST /repos/{owner}/{repo}/issues/{number}/comments");

  async function anIssue(): Promise<number> {
    const { data } = await client().request("POST /repos/{owner}/{repo}/issues", {
      owner: "linuxkit",
      repo: "linuxkit",
      title: "t",
    });
    return data.number as number;
  }

  test("150 comments with the marker on the 120th: found on page 2, no second comment", async () => {
    const number = await anIssue();
    for (let i = 1; i <= 150; i++)
      fake.store.addComment(
        "linuxkit/linuxkit",
        number,
        i === 120 ? "<!-- m --> conflict" : `comment ${i}`,
        fake.store.account("rn"),
      );
    const url = await commentOnce(target(client(), "linuxkit/linuxkit"), number, "<!-- m -->", "<!-- m --> again");
    expect(posts()).toHaveLength(0);
    expect(typeof url).toBe("string");
    expect(fake.store.commentsOn("linuxkit/linuxkit", number)).toHaveLength(150);
  });

  test("a 502 on the POST of a comment GitHub did create: read back, exactly one comment", async () => {
    const number = await anIssue();
    const fault = serverError(502, {
      kind: "rest POST /repos/{owner}/{repo}/issues/{number}/comments",
      first: 1,
      afterHandling: true,
    });
    fake.interceptors.push(fault);
    await commentOnce(target(client(), "linuxkit/linuxkit"), number, "<!-- m -->", "<!-- m --> body");
    expect(fault.fired).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(fake.store.commentsOn("linuxkit/linuxkit", number).map((c) => c.body)).toEqual(["<!-- m --> body"]);
  });

  test("a 502 on the POST of a comment GitHub did not create: posted once more, one comment", async () => {
    const number = await anIssue();
    fake.interceptors.push(
      serverError(502, { kind: "rest POST /repos/{owner}/{repo}/issues/{number}/comments", first: 1 }),
    );
    await commentOnce(target(client(), "linuxkit/linuxkit"), number, "<!-- m -->", "<!-- m --> body");
    expect(posts()).toHaveLength(2);
    expect(fake.store.commentsOn("linuxkit/linuxkit", number).map((c) => c.body)).toEqual(["<!-- m --> body"]);
  });

  test("a 502 on both POSTs of a comment GitHub did not create: two posts, never a third, and the error", async () => {
    const number = await anIssue();
    fake.interceptors.push(
      serverError(502, { kind: "rest POST /repos/{owner}/{repo}/issues/{number}/comments", first: 3 }),
    );
    await expect(
      commentOnce(target(client(), "linuxkit/linuxkit"), number, "<!-- m -->", "<!-- m --> body"),
    ).rejects.toMatchObject({ status: 502 });
    expect(posts()).toHaveLength(2);
    expect(fake.store.commentsOn("linuxkit/linuxkit", number)).toEqual([]);
  });

  test("422 No commits between once, right after the branch: waited, tried again, the PR is created", async () => {
    let refused = 0;
    fake.interceptors.push((req) => {
      if (req.method !== "POST" || req.kind !== "rest POST /repos/{owner}/{repo}/pulls" || refused > 0)
        return undefined;
      refused += 1;
      return {
        status: 422,
        body: {
          message: "Validation Failed",
          errors: [{ resource: "PullRequest", code: "custom", message: `No commits between master and ${BRANCH}` }],
        },
      };
    });
    const waits: number[] = [];
    const outcome = await publishDraft({
      client: client(),
      repo: "linuxkit/linuxkit",
      draft: makeDraft(),
      config,
      appLogin: APP,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(refused).toBe(1);
    expect(waits).toEqual([1000]);
    expect(outcome).toMatchObject({ status: "created", branch: BRANCH });
    expect(
      fake.store.pullsOf("linuxkit/linuxkit").filter((p) => p.headRef === BRANCH && p.state === "open"),
    ).toHaveLength(1);
  });
});
