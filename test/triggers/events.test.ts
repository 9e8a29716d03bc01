// push, repository_dispatch and workflow_dispatch through Probot: which events start work and which are ignored
// without a single request. The footer refresh itself is publish's (tested there); here it is replaced by a
// recorder so the test sees exactly what the push trigger asks of it.
import { beforeAll, beforeEach, describe, expect, jest, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import { offline, unmatchedRequests } from "../support/net.js";
import { example, testProbot } from "../support/probot.js";

const API = "https://api.github.com";
const REPO = "/repos/Codertocat/Hello-World";
const CONFIG_FILE = `${REPO}/contents/.github%2Fdevreport.yml`;
const ORG_CONFIG_FILE = "/repos/Codertocat/.github/contents/.github%2Fdevreport.yml";

const refreshed: unknown[] = [];
describe("push and dispatch events", () => {
  let app: (probot: Probot) => void;
  let probot: Probot;
  offline();
  const unmatched = unmatchedRequests();

  beforeAll(async () => {
    jest.unstable_mockModule("../../src/publish/footer-push.js", () => ({
      refreshFooterOnPush: async (request: Record<string, unknown>) => {
        const { client: _client, ...rest } = request;
        refreshed.push(rest);
        return { status: "unchanged" };
      },
    }));
    app = (await import("../../src/index.js")).default;
  });

  beforeEach(async () => {
    refreshed.length = 0;
    probot = testProbot();
    await probot.load(app);
  });

  function push(ref: string, sender: { login: string; type: string }, extra: object = {}): any {
    const payload = example("push");
    return {
      ...payload,
      ref,
      sender: { ...payload.sender, ...sender },
      installation: { id: 2 },
      deleted: false,
      ...extra,
    };
  }

  test.each([
    ["a tag", push("refs/tags/v1.0", { login: "Codertocat", type: "User" })],
    [
      "a deleted branch",
      push("refs/heads/devreport/2017-W27", { login: "Codertocat", type: "User" }, { deleted: true }),
    ],
    ["the app's own push", push("refs/heads/devreport/2017-W27", { login: "devreport[bot]", type: "Bot" })],
    ["another bot's push", push("refs/heads/devreport/2017-W27", { login: "dependabot[bot]", type: "Bot" })],
  ])("%s starts nothing", async (_what, payload) => {
    await probot.receive({ id: "1", name: "push", payload });
    expect(unmatched).toEqual([]);
    expect(refreshed).toEqual([]);
  });

  const noConfig = () =>
    nock(API)
      .get("/app")
      .reply(200, { id: 123, slug: "devreport" })
      .post("/app/installations/2/access_tokens")
      .reply(201, { token: "ghs_test", permissions: {} })
      .get(CONFIG_FILE)
      .reply(404, { message: "Not Found" })
      .get(ORG_CONFIG_FILE)
      .reply(404, { message: "Not Found" });

  test("a person's push to another branch reads the config and stops", async () => {
    const scope = noConfig();
    await probot.receive({
      id: "1",
      name: "push",
      payload: push("refs/heads/main", { login: "Codertocat", type: "User" }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
    expect(refreshed).toEqual([]);
  });

  test("a person's push to a report branch refreshes that period's report file", async () => {
    const scope = noConfig();
    const payload = push("refs/heads/devreport/2017-W27", { login: "Codertocat", type: "User" });
    await probot.receive({ id: "1", name: "push", payload });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
    expect(refreshed).toEqual([
      {
        repo: "Codertocat/Hello-World",
        branch: "devreport/2017-W27",
        headSha: payload.after,
        path: "reports/2017-27.md",
        appLogin: "devreport[bot]",
        pusher: "Codertocat",
        style: { repositories: ["Codertocat/Hello-World"], webUrl: "https://github.com" },
      },
    ]);
  });

  test("repository_dispatch with another event_type, and workflow_dispatch of another workflow, start nothing", async () => {
    const dispatch = { ...example("repository_dispatch"), action: "deploy", installation: { id: 2 } };
    await probot.receive({ id: "1", name: "repository_dispatch", payload: dispatch });
    const workflow = { ...example("workflow_dispatch"), installation: { id: 2 } };
    expect(workflow.workflow).toBe(".github/workflows/hello-world-workflow.yml");
    await probot.receive({ id: "2", name: "workflow_dispatch", payload: workflow });
    expect(unmatched).toEqual([]);
  });

  // Issue 8: "Run workflow" of the shipped workflow drafts in the workflow (the devreport Action); the server acting
  // on the same event drafted a second time at once. One run per request: the server sends nothing.
  test("workflow_dispatch of the shipped workflow, with a period, sends no request to GitHub", async () => {
    const workflow = {
      ...example("workflow_dispatch"),
      workflow: ".github/workflows/weekly-report.yml",
      inputs: { period: "2017-W27" },
      installation: { id: 2 },
    };
    await probot.receive({ id: "3", name: "workflow_dispatch", payload: workflow });
    expect(unmatched).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test("a scheduled run that cannot start fails with the repository and period named", async () => {
    // The repository_dispatch example is for octo-org/octo-repo.
    nock(API)
      .post("/app/installations/2/access_tokens")
      .reply(201, { token: "ghs_test", permissions: {} })
      .get("/repos/octo-org/octo-repo/contents/.github%2Fdevreport.yml")
      .reply(404, { message: "Not Found" })
      .get("/repos/octo-org/.github/contents/.github%2Fdevreport.yml")
      .reply(404, { message: "Not Found" });
    const dispatch = {
      ...example("repository_dispatch"),
      action: "draft-report",
      client_payload: { period: "2017-W54" },
      installation: { id: 2 },
    };
    await expect(probot.receive({ id: "1", name: "repository_dispatch", payload: dispatch })).rejects.toThrow(
      'bad period "2017-W54": 2017 has no week 54',
    );
    expect(unmatched).toEqual([]);
  });
});
