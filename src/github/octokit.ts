// The GitHub client for code that runs outside a Probot context (the CLI, the Actions entry, the benchmark).
import { Octokit } from "@octokit/rest";
import type { GitHubClient } from "./client.js";

export const GITHUB_API = "https://api.github.com";

export function createClient(options: { token: string; apiUrl?: string; userAgent?: string }): GitHubClient {
  return new Octokit({
    auth: options.token,
    baseUrl: (options.apiUrl ?? GITHUB_API).replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "devreport",
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** Where people browse: github.com for the public API, the Enterprise Server host for ".../api/v3". */
export function webUrlFor(apiUrl: string | undefined): string {
  if (!apiUrl) return "https://github.com";
  const enterprise = /^(https?:\/\/[^/]+)\/api\/v3\/?$/.exec(apiUrl);
  return enterprise ? enterprise[1]! : "https://github.com";
}
