// Issue 8: every payload @octokit/webhooks-examples has for the events the app listens to (issue_comment, push,
// repository_dispatch, and workflow_dispatch, which it no longer answers), from api.github.com and from every GitHub
// Enterprise Server version the package ships, goes through Probot's receive() with the real app. None may crash,
// and each is handled or ignored on purpose: the test names what it expects of each one. GitHub is nock, answering
// a config read with 404 (defaults) and recording every request.
import { beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import nock from "nock";
import type { Probot } from "probot";
import { offline, unmatchedRequests } from "../support/net.js";
import { testProbot } from "../support/probot.js";

const require = createRequire(import.meta.url);
const ROOT = dirname(require.resolve("@octokit/webhooks-examples/package.json"));
const EVENTS = ["issue_comment", "push", "repository_dispatch", "workflow_dispatch"];
const CONFIG_READ = /^GET \/repos\/[^/]+\/[^/]+\/contents\/\.github%2Fdevreport\.yml$/;
const TOKEN = /^POST \/app\/installations\/\d+\/access_tokens$/;

interface Case {
  where: string;
  event: string;
  index: number;
  payload: any;
}
const cases: Case[] = readdirSync(ROOT)
  .filter((dir) => dir === "api.github.com" || dir.startsWith("ghes-"))
  .flatMap((where) => {
    const definitions = JSON.parse(readFileSync(join(ROOT, where, "index.json"), "utf8")) as {
      name: string;
      examples: any[];
    }[];
    return EVENTS.flatMap((event) =>
      (definitions.find((d) => d.name === event)?.examples ?? []).map((payload, index) => ({
        where,
        event,
        index,
        payload,
      })),
    );
  });

const label = (c: Case) =>
  `${c.where} ${c.event}${c.payload.action ? `.${c.payload.action}` : ""} #${c.index}` +
  (c.event === "push" ? ` (${c.payload.ref}${c.payload.deleted ? ", deleted" : ""})` : "");

describe("@octokit/webhooks-examples through the app", () => {
  let app: (probot: Probot) => void;
  let probot: Probot;
  const requests: string[] = [];
  const bodies: unknown[] = [];
  offline();
  const unmatched = unmatchedRequests();

  beforeAll(async () => {
    app = (await import("../../src/index.js")).default;
  });

  beforeEach(async () => {
    requests.length = 0;
    bodies.length = 0;
    probot = testProbot();
    await probot.load(app, { appSlug: "devreport" } as never);
    // One recorder for every method: token for the installation, 404 for any file, "read" for any permission.
    for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) {
      nock("https://api.github.com")
        .persist()
        .intercept(/.*/, method)
        .reply(function reply(uri, body) {
          const line = `${method} ${uri}`;
          requests.push(line);
          bodies.push(body);
          if (TOKEN.test(line)) return [201, { token: "ghs_test", permissions: {} }];
          if (line.startsWith("GET ") && line.includes("/collaborators/"))
            return [200, { permission: "read", role_name: "read" }];
          if (/\/reactions$/.test(line)) return [201, { id: 1, content: "eyes" }];
          if (line.startsWith("POST ") && line.endsWith("/comments")) return [201, { id: 2, body: "" }];
          return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }];
        });
    }
  });

  test("the package ships the events we handle, for api.github.com and GHES", () => {
    const places = new Set(cases.map((c) => c.where));
    expect(places.has("api.github.com")).toBe(true);
    expect([...places].filter((p) => p.startsWith("ghes-")).length).toBeGreaterThanOrEqual(1);
    for (const event of EVENTS) expect(cases.some((c) => c.event === event)).toBe(true);
  });

  test.each(cases.map((c) => [label(c), c] as const))("%s", async (_name, c) => {
    const payload = structuredClone(c.payload);
    await probot.receive({ id: `${c.where}-${c.index}`, name: c.event as never, payload });
    expect(unmatched).toEqual([]);
    const asked = requests.filter((line) => !TOKEN.test(line));
    if (
      c.event === "push" &&
      c.payload.ref.startsWith("refs/heads/") &&
      !c.payload.deleted &&
      c.payload.sender?.type !== "Bot"
    ) {
      // A person's push to a branch that is not a report branch: the config is read (to know the branch pattern), then
      // nothing else.
      expect(asked.length).toBeGreaterThan(0);
      for (const line of asked) expect(line).toMatch(CONFIG_READ);
    } else {
      // Comments that are not commands, edits and deletions of comments, tags and deleted branches, another
      // repository_dispatch event_type, and workflow_dispatch (the Action's): no request at all.
      expect(requests).toEqual([]);
    }
  });

  // The same real comments with the command in them are handled: acknowledged, the commenter's permission asked,
  // and (with "read") refused in a reply on that very issue, with nothing drafted.
  const created = cases.filter((c) => c.event === "issue_comment" && c.payload.action === "created");
  test.each(created.map((c) => [label(c), c] as const))(
    "%s, body /draft-report, from a reader: refused",
    async (_name, c) => {
      const payload = structuredClone(c.payload);
      payload.comment.body = "/draft-report";
      const { owner, name } = { owner: payload.repository.owner.login, name: payload.repository.name };
      const issue = `/repos/${owner}/${name}/issues`;
      await probot.receive({ id: `${c.where}-${c.index}-command`, name: "issue_comment", payload });
      expect(unmatched).toEqual([]);
      expect(requests.filter((line) => !TOKEN.test(line))).toEqual([
        `POST ${issue}/comments/${payload.comment.id}/reactions`,
        `GET /repos/${owner}/${name}/collaborators/${payload.comment.user.login}/permission`,
        `POST ${issue}/${payload.issue.number}/comments`,
      ]);
      expect(JSON.stringify(bodies.at(-1))).toContain(`${owner}/${name}`);
    },
  );
});
