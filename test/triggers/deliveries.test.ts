// A webhook delivery is handled once: GitHub's redelivery and a replayed request repeat the delivery id (issue 10,
// point 9).
import { beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import { RecentDeliveries } from "../../src/triggers/deliveries.js";
import { offline, unmatchedRequests } from "../support/net.js";
import { commentPayload, testProbot } from "../support/probot.js";

const API = "https://api.github.com";
const REPO = "/repos/Codertocat/Hello-World";
const COMMENT = 492700400;
const REFUSAL = "Sorry, only people with write access to Codertocat/Hello-World can run `/draft-report`.";

describe("delivery ids through Probot", () => {
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

  function refusedOnce(withToken = true): nock.Scope {
    const scope = nock(API);
    if (withToken) scope.post("/app/installations/2/access_tokens").reply(201, { token: "ghs_test", permissions: {} });
    return scope
      .post(`${REPO}/issues/comments/${COMMENT}/reactions`, { content: "eyes" })
      .reply(201, { id: 1, content: "eyes" })
      .get(`${REPO}/collaborators/Codertocat/permission`)
      .reply(200, { permission: "read", role_name: "read", user: { login: "Codertocat" } })
      .post(`${REPO}/issues/1/comments`, { body: REFUSAL })
      .reply(201, { id: 2 });
  }

  test("the same delivery twice: handled once, the repeat sends no request at all", async () => {
    const scope = refusedOnce();
    const payload = commentPayload("/draft-report 2017-W27");
    await probot.receive({ id: "delivery-1", name: "issue_comment", payload });
    await probot.receive({ id: "delivery-1", name: "issue_comment", payload });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  test("another delivery of the same comment is another request to handle", async () => {
    const first = refusedOnce();
    const payload = commentPayload("/draft-report 2017-W27");
    await probot.receive({ id: "delivery-1", name: "issue_comment", payload });
    expect(first.pendingMocks()).toEqual([]);
    // The installation token is Probot's cached one.
    const second = refusedOnce(false);
    await probot.receive({ id: "delivery-2", name: "issue_comment", payload });
    expect(second.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
  });
});

describe("RecentDeliveries", () => {
  test("remembers at most `max` ids, the oldest forgotten first", () => {
    const recent = new RecentDeliveries({ max: 2, now: () => 0 });
    expect(["a", "b", "a", "c", "b", "a"].map((id) => recent.firstTime(id))).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  test("forgets an id after the window, and on forget (a failed delivery may be redelivered)", () => {
    let now = 0;
    const recent = new RecentDeliveries({ ttlMs: 1000, now: () => now });
    expect(recent.firstTime("a")).toBe(true);
    now = 999;
    expect(recent.firstTime("a")).toBe(false);
    now = 1000;
    expect(recent.firstTime("a")).toBe(true);
    recent.forget("a");
    expect(recent.firstTime("a")).toBe(true);
  });
});
