// The end-to-end harness for test/e2e/app*.test.ts: the fake GitHub on 127.0.0.1 loaded with the LinuxKit data,
// the real Probot HTTP server (what `npm start` runs) pointed at it, signed webhook deliveries, and the CLI's draft
// of the same week to compare the published report with.
import { createHmac, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { Probot, Server } from "probot";
import { runCli } from "../../src/cli/run.js";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { createClient } from "../../src/github/octokit.js";
import type { GitHubClient } from "../../src/github/client.js";
import { hasLinuxKitData, LINUXKIT_DATA, LINUXKIT_OVERLAY } from "../helpers/shared.js";
import { example, privateKey, TestOctokit } from "./helpers.js";

export const SECRET = "e2e-webhook-secret";
export const REPO = "linuxkit/linuxkit";

export async function startLinuxKitFake(): Promise<FakeGitHub> {
  return startFakeGitHub({ data: [LINUXKIT_DATA, LINUXKIT_OVERLAY] });
}

/** A reader of the fake through its public API, as any client would see it. */
export const apiClient = (fake: FakeGitHub): GitHubClient => createClient({ token: "e2e-observer", apiUrl: fake.apiUrl });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/** The Probot server `probot run` starts, with the test's app id, key, secret and the fake as GitHub. */
export async function startAppServer(fake: FakeGitHub, app: (probot: Probot) => void): Promise<AppServer> {
  // Server.port treats 0 as "unset" (3000), so pick a free port first.
  const port = await freePort();
  const quiet = await new Probot({ githubToken: "unused", logLevel: "fatal" }).ready();
  const server = new Server({
    Probot: Probot.defaults({ appId: 1, privateKey, secret: SECRET, Octokit: TestOctokit, baseUrl: fake.apiUrl, logLevel: "fatal" }),
    port,
    host: "127.0.0.1",
    log: quiet.log,
  });
  await server.load(app);
  await server.start();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

/** Delivers a webhook the way GitHub does: JSON body, event name, delivery id and the HMAC-SHA256 signature. */
export async function deliver(server: AppServer, name: string, payload: unknown, secret = SECRET): Promise<Response> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return fetch(`${server.url}/api/github/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": randomUUID(), "x-hub-signature-256": signature },
    body,
  });
}

/** A comment that exists in the fake (so reactions and replies land), and the webhook GitHub would send for it. */
export function comment(fake: FakeGitHub, body: string, login: string): { id: number; issue: number; payload: unknown } {
  const issue = fake.store.searchable().find((item) => item.repo.toLowerCase() === REPO)!.number;
  const created = fake.store.addComment(REPO, issue, body, fake.store.account(login));
  const payload = example("issue_comment", "created");
  payload.comment = { ...payload.comment, id: created.id, body, user: { ...payload.comment.user, login, type: "User" } };
  payload.issue = { ...payload.issue, number: issue };
  payload.repository = {
    ...payload.repository,
    name: "linuxkit",
    full_name: REPO,
    owner: { ...payload.repository.owner, login: "linuxkit" },
    html_url: "https://github.com/linuxkit/linuxkit",
  };
  payload.installation = { id: 1 };
  return { id: created.id, issue, payload };
}

/** The app's replies on an issue, oldest first. */
export function appReplies(fake: FakeGitHub, issue: number): string[] {
  return fake.store
    .commentsOn(REPO, issue)
    .filter((c) => c.user.login === fake.store.app.login)
    .map((c) => c.body);
}

/** What `devreport draft` prints for the week, against the same fake. */
export async function cliDraft(fake: FakeGitHub, week: string): Promise<string> {
  let out = "";
  let err = "";
  const code = await runCli(["draft", "--repo", REPO, "--week", week, "--api-url", fake.apiUrl, "--web-url", "https://github.com", "--token", "x", "--quiet"], {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: {},
  });
  if (code !== 0) throw new Error(`devreport draft failed (${code}): ${err}`);
  return out;
}

/** Open PRs whose head is a devreport branch for `week`. */
export async function reportPulls(client: GitHubClient, branch: string): Promise<{ number: number; head: { ref: string } }[]> {
  const { data } = await client.request("GET /repos/{owner}/{repo}/pulls", { owner: "linuxkit", repo: "linuxkit", state: "open", head: `linuxkit:${branch}`, per_page: 100 });
  return data;
}

export async function fileAt(client: GitHubClient, path: string, ref: string): Promise<string> {
  const { data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "linuxkit", repo: "linuxkit", path, ref });
  return Buffer.from(data.content, "base64").toString("utf8");
}

/** Why the e2e suites cannot run here, or "" when they can. */
export function e2eSkipReason(): string {
  return hasLinuxKitData ? "" : "../shared/linuxkit is absent";
}
