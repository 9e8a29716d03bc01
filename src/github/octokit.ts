// The GitHub client for code that runs outside a Probot context (the CLI, the Actions entry, the benchmark).
import { Octokit } from "@octokit/rest";
import type { GitHubClient } from "./client.js";
import { installGraphqlJson } from "./graphql-json.js";
import { installRetries } from "./retry-hook.js";
import type { RetryPolicy } from "./retry.js";

export const GITHUB_API = "https://api.github.com";

export interface ClientOptions {
  token: string;
  apiUrl?: string;
  userAgent?: string;
  /**
   * Retries of 5xx answers, dropped connections and rate limits (see retry.ts). On by default; tests pass a fake
   * clock or small limits, or `false` to see every failure as it comes.
   */
  retry?: Partial<RetryPolicy> | false;
}

export function createClient(options: ClientOptions): GitHubClient {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.apiUrl ?? GITHUB_API).replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "devreport",
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  installGraphqlJson(octokit);
  if (options.retry !== false) installRetries(octokit, options.retry);
  return octokit;
}

/** Where people browse: github.com for the public API, the Enterprise Server host for ".../api/v3". */
export function webUrlFor(apiUrl: string | undefined): string {
  if (!apiUrl) return "https://github.com";
  const enterprise = /^(https?:\/\/[^/]+)\/api\/v3\/?$/.exec(apiUrl);
  return enterprise ? enterprise[1]! : "https://github.com";
}
