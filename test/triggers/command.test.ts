// The /draft-report handler through Probot, with nock answering for GitHub and asserting every request: what a
// comment starts, what a refusal looks like, and that nothing else happens for people who may not run it.
import { beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import { USAGE } from "../../src/triggers/parse.js";
import { offline, unmatchedRequests } from "../support/net.js";
import { commentPayload, testProbot } from "../support/probot.js";

const API = "https://api.github.com";
const REPO = "/repos/Codertocat/Hello-World";
const COMMENT = 492700400;
// Octokit sends {path} as one URL segment.
const CONFIG_FILE = `${REPO}/contents/.github%2Fdevreport.yml`;

describe("/draft-report through Probot", () => {
  let app: (probot: Probot) => void;
  let probot: Probot;
  offline();
  const unmatched = unmatchedRequests();

  beforeAll(async () => {
    app = (await import("../../src/index.js")).default;
  });

  beforeEach(async () => {
    probot = testProbot();
    await probot.load(app);
  });

  const token = () =>
    nock(API).post("/app/installations/2/access_tokens").reply(201, { token: "ghs_test", permissions: {} });
  const reaction = (scope: nock.Scope, content: string) =>
    scope.post(`${REPO}/issues/comments/${COMMENT}/reactions`, { content }).reply(201, { id: 1, content });
  const permission = (scope: nock.Scope, answer: object, status = 200) =>
    scope.get(`${REPO}/collaborators/Codertocat/permission`).reply(status, answer);
  const replies: string[] = [];
  const reply = (scope: nock.Scope) =>
    scope
      .post(`${REPO}/issues/1/comments`, (body: { body: string }) => {
        replies.push(body.body);
        return true;
      })
      .reply(201, { id: 2 });

  beforeEach(() => {
    replies.length = 0;
  });

  test("a read-only commenter gets eyes, a one-line refusal, and nothing else", async () => {
    const scope = token();
    reaction(scope, "eyes");
    permission(scope, { permission: "read", role_name: "read", user: { login: "Codertocat" } });
    scope
      .post(`${REPO}/issues/1/comments`, {
        body: "Sorry, only people with write access to Codertocat/Hello-World can run `/draft-report`.",
      })
      .reply(201, { id: 2 });

    await probot.receive({ id: "1", name: "issue_comment", payload: commentPayload("/draft-report 2017-W27") });

    expect(scope.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  test("a triage role is refused even though it can label and close issues", async () => {
    const scope = token();
    reaction(scope, "eyes");
    permission(scope, { permission: "read", role_name: "triage" });
    reply(scope);
    await probot.receive({ id: "1", name: "issue_comment", payload: commentPayload("/draft-report") });
    expect(scope.pendingMocks()).toEqual([]);
    expect(replies).toEqual([
      "Sorry, only people with write access to Codertocat/Hello-World can run `/draft-report`.",
    ]);
    expect(unmatched).toEqual([]);
  });

  test.each([
    ["an edited comment", commentPayload("/draft-report", { action: "edited" }), "issue_comment"],
    ["a deleted comment", commentPayload("/draft-report", { action: "deleted" }), "issue_comment"],
    ["a bot's comment", commentPayload("/draft-report", { userType: "Bot" }), "issue_comment"],
    ["another command", commentPayload("/draft-reports"), "issue_comment"],
    ["an unknown command", commentPayload("/other 2017-W27"), "issue_comment"],
    ["prose about the command", commentPayload("Shall I run /draft-report?"), "issue_comment"],
  ])("%s makes no request at all", async (_what, payload, name) => {
    await probot.receive({ id: "1", name: name as "issue_comment", payload });
    expect(unmatched).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test("too many arguments: the usage text, a confused reaction, no config read", async () => {
    const scope = token();
    reaction(scope, "eyes");
    permission(scope, { permission: "write", role_name: "write" });
    reply(scope);
    reaction(scope, "confused");
    await probot.receive({
      id: "1",
      name: "issue_comment",
      payload: commentPayload("/draft-report 2017-W27 2017-W28"),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(replies).toEqual([`too many arguments: "2017-W27 2017-W28". ${USAGE}`]);
    expect(unmatched).toEqual([]);
  });

  test("a period that does not exist: the reason and the usage text, before any config is read", async () => {
    const scope = token();
    reaction(scope, "eyes");
    permission(scope, { permission: "admin", role_name: "admin" });
    reply(scope);
    reaction(scope, "confused");
    await probot.receive({ id: "1", name: "issue_comment", payload: commentPayload("/draft-report 2017-W54") });
    expect(scope.pendingMocks()).toEqual([]);
    expect(replies).toEqual([`bad period "2017-W54": 2017 has no week 54. ${USAGE}`]);
    expect(unmatched).toEqual([]);
  });

  test("a bad config file: one line naming the file and the key, never a raw mention", async () => {
    const scope = token();
    reaction(scope, "eyes");
    permission(scope, { permission: "write", role_name: "maintain" });
    scope.get(CONFIG_FILE).reply(200, "preset: '@rn'\n", { "content-type": "text/plain; charset=utf-8" });
    reply(scope);
    reaction(scope, "confused");
    await probot.receive({ id: "1", name: "issue_comment", payload: commentPayload("/draft-report") });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(
      /^Could not draft the report: Codertocat\/Hello-World:\.github\/devreport\.yml: preset: /,
    );
    expect(replies[0]).toContain("@\u200Brn");
    expect(replies[0]).not.toMatch(/(^|[^A-Za-z0-9`])@[A-Za-z0-9]/);
    expect(replies[0]).not.toContain("\n");
  });

  test("unparsable YAML is a config mistake too", async () => {
    const scope = token();
    reaction(scope, "eyes");
    permission(scope, { permission: "write" });
    scope.get(CONFIG_FILE).reply(200, "repositories: [a\n", { "content-type": "text/plain; charset=utf-8" });
    reply(scope);
    reaction(scope, "confused");
    await probot.receive({ id: "1", name: "issue_comment", payload: commentPayload("/draft-report") });
    expect(scope.pendingMocks()).toEqual([]);
    expect(replies[0]).toMatch(
      /^Could not draft the report: Codertocat\/Hello-World:\.github\/devreport\.yml: invalid YAML at line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a \]$/,
    );
  });

  test("GitHub refusing the app (403) says which permissions to check", async () => {
    const scope = token();
    reaction(scope, "eyes");
    permission(scope, { message: "Resource not accessible by integration" }, 403);
    reply(scope);
    reaction(scope, "confused");
    await probot.receive({ id: "1", name: "issue_comment", payload: commentPayload("/draft-report") });
    expect(scope.pendingMocks()).toEqual([]);
    expect(replies).toEqual([
      "GitHub refused the app (403: HTTP 403 Resource not accessible by integration). Check that the devreport app is " +
        "installed on Codertocat/Hello-World and every configured repository, with read and write access to contents, " +
        "pull requests and issues.",
    ]);
  });
});
