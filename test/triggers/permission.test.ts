import { describe, expect, test } from "@jest/globals";
import nock from "nock";
import { createClient } from "../../src/github/octokit.js";
import { canDraft, mayDraft } from "../../src/triggers/permission.js";
import { offline } from "../support/net.js";

describe("mayDraft: who may run /draft-report", () => {
  test.each([
    // role_name decides for built-in roles
    [{ permission: "admin", role_name: "admin" }, true],
    [{ permission: "write", role_name: "maintain" }, true],
    [{ permission: "write", role_name: "write" }, true],
    [{ permission: "read", role_name: "triage" }, false],
    [{ permission: "read", role_name: "read" }, false],
    [{ permission: "none", role_name: "none" }, false],
    // a built-in role_name wins over an inconsistent permission
    [{ permission: "write", role_name: "triage" }, false],
    // custom roles: their base permission decides
    [{ permission: "write", role_name: "release-manager" }, true],
    [{ permission: "read", role_name: "auditor" }, false],
    // older GitHub Enterprise Server: no role_name
    [{ permission: "admin" }, true],
    [{ permission: "write" }, true],
    [{ permission: "read" }, false],
    [{ permission: "none" }, false],
    [{}, false],
  ])("%j -> %s", (answer, expected) => {
    expect(mayDraft(answer)).toBe(expected);
  });
});

describe("canDraft", () => {
  offline();
  const client = createClient({ token: "t" });

  test("asks the collaborator permission endpoint", async () => {
    const scope = nock("https://api.github.com")
      .get("/repos/linuxkit/linuxkit/collaborators/rn/permission")
      .reply(200, { permission: "write", role_name: "maintain", user: { login: "rn" } });
    await expect(canDraft(client, "linuxkit/linuxkit", "rn")).resolves.toBe(true);
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a 404 (unknown user) is a no; other failures are errors", async () => {
    nock("https://api.github.com")
      .get("/repos/linuxkit/linuxkit/collaborators/ghost/permission")
      .reply(404, { message: "Not Found" })
      .get("/repos/linuxkit/linuxkit/collaborators/rn/permission")
      .reply(403, { message: "Resource not accessible by integration" });
    await expect(canDraft(client, "linuxkit/linuxkit", "ghost")).resolves.toBe(false);
    await expect(canDraft(client, "linuxkit/linuxkit", "rn")).rejects.toMatchObject({ status: 403 });
  });
});
