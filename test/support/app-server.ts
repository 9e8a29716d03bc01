// The app end to end: the real Probot HTTP server (what `npm start` runs) pointed at the loopback fake GitHub,
// webhook deliveries signed as GitHub signs them, and reads of what the app left in the fake.
import { createHmac, randomUUID } from "node:crypto";
import { Probot, Server } from "probot";
import type { FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { example, privateKey, TestOctokit } from "./probot.js";

import { freePort } from "./net.js";

export const SECRET = "e2e-webhook-secret";

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/** The Probot server `probot run` starts, with the test's app id, key, secret and the fake as GitHub. */
export { reportPulls } from "./github.js";

export async function startAppServer(fake: FakeGitHub, app: (probot: Probot) => void): Promise<AppServer> {
  // Server.port treats 0 as "unset" (3000), so pick a free port first.
  const port = await freePort();
  const quiet = await new Probot({ githubToken: "unused", logLevel: "fatal" }).ready();
  const server = new Server({
    Probot: Probot.defaults({
      appId: 1,
      privateKey,
      secret: SECRET,
      Octokit: TestOctokit,
      baseUrl: fake.apiUrl,
      logLevel: "fatal",
    }),
    port,
    host: "127.0.0.1",
    log: quiet.log,
  });
  await server.load(app);
  await server.start();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

/** The app itself, src/index.ts, as `probot run` loads it. */
export async function devreportApp(): Promise<(probot: Probot) => void> {
  return (await import("../../src/index.js")).default as (probot: Probot) => void;
}

/** Delivers a webhook the way GitHub does: JSON body, event name, delivery id and the HMAC-SHA256 signature. */
export async function deliver(server: AppServer, name: string, payload: unknown, secret = SECRET): Promise<Response> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return fetch(`${server.url}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": name,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": signature,
    },
    body,
  });
}

/** A comment on an issue of `repo` that exists in the fake (so reactions and replies land), and the webhook GitHub would send for it. */
export function comment(
  fake: FakeGitHub,
  repo: string,
  body: string,
  login: string,
): { id: number; issue: number; payload: unknown } {
  const [owner, name] = repo.split("/") as [string, string];
  const issue = fake.store.searchable().find((item) => item.repo.toLowerCase() === repo.toLowerCase())!.number;
  const created = fake.store.addComment(repo, issue, body, fake.store.account(login));
  const payload = example("issue_comment", "created");
  payload.comment = {
    ...payload.comment,
    id: created.id,
    body,
    user: { ...payload.comment.user, login, type: "User" },
  };
  payload.issue = { ...payload.issue, number: issue };
  payload.repository = {
    ...payload.repository,
    name,
    full_name: repo,
    owner: { ...payload.repository.owner, login: owner },
    html_url: `https://github.com/${repo}`,
  };
  payload.installation = { id: 1 };
  return { id: created.id, issue, payload };
}

/** The app's replies on an issue of `repo`, oldest first. */
export function appReplies(fake: FakeGitHub, repo: string, issue: number): string[] {
  return fake.store
    .commentsOn(repo, issue)
    .filter((c) => c.user.login === fake.store.app.login)
    .map((c) => c.body);
}

/** The text of `path` in `repo` at `ref`. */
export async function fileAt(client: GitHubClient, repo: string, path: string, ref: string): Promise<string> {
  const [owner, name] = repo.split("/") as [string, string];
  const { data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo: name, path, ref });
  return Buffer.from(data.content, "base64").toString("utf8");
}
