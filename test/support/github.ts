// Clients of GitHub (nock's api.github.com, or the loopback fake) for tests that call collect or publish directly.
import { Octokit } from "@octokit/rest";
import type { FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { createClient } from "../../src/github/octokit.js";

export const API = "https://api.github.com";
export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A real Octokit (fetch + @octokit/request), so nock sees the exact HTTP bodies. @octokit/rest has no retry or throttle plugin. */
export function testClient(baseUrl = API, auth = "t"): GitHubClient {
  return new Octokit({ auth, baseUrl, log: quiet });
}

/** A reader of the fake through its public API, with the app's own client, as any client would see it. */
export const apiClient = (fake: FakeGitHub): GitHubClient =>
  createClient({ token: "e2e-observer", apiUrl: fake.apiUrl });

/** Open PRs of `repo` whose head is `branch`. */
export async function reportPulls(
  client: GitHubClient,
  repo: string,
  branch: string,
): Promise<{ number: number; html_url: string; head: { ref: string } }[]> {
  const [owner, name] = repo.split("/") as [string, string];
  const { data } = await client.request("GET /repos/{owner}/{repo}/pulls", {
    owner,
    repo: name,
    state: "open",
    head: `${owner}:${branch}`,
    per_page: 100,
  });
  return data;
}
