// The one line a failed Action run ends with. Most failures say what they are already (a config mistake, a bad
// period, publish's own errors); a missing permission is the one a workflow author hits first, so it gets the
// repository and the permission to grant, whichever request GitHub refused: a write (403) names `contents: write`
// or `pull-requests: write`, a repository the token cannot read (a sibling in the config) names the read access.
import type { Config } from "../config/index.js";
import type { GitHubClient } from "../github/client.js";
import {
  describeGitHubError,
  failedRequestOf,
  isNotFound,
  isUnsearchable,
  reasonForReader,
  statusOf,
} from "../github/errors.js";

export interface FailureContext {
  client: GitHubClient;
  /** The workflow's repository (GITHUB_REPOSITORY). */
  repo: string;
  /** The config, when it was read before the failure. */
  config?: Config;
  configPath: string;
}

const READ = "`contents: read` and `pull-requests: read`";

export async function explainFailure(error: unknown, context: FailureContext): Promise<string> {
  const refused = failedRequestOf(error);
  const status = refused && statusOf(refused.error);
  const repo = refused && repoOf(refused.path);
  if (refused && repo && status === 403 && refused.method !== "GET") {
    return writeRefused(repo, refused.path, describeGitHubError(refused.error));
  }
  if (
    refused &&
    repo &&
    (status === 403 || status === 404) &&
    refused.method === "GET" &&
    !sameRepo(repo, context.repo)
  ) {
    return unreadable([repo], context);
  }
  if (isUnsearchable(error) && context.config) {
    const hidden = await unreadableRepositories(context.client, context.config.repositories);
    if (hidden.length > 0) return unreadable(hidden, context);
  }
  return reasonForReader(error);
}

/** The permission a write needs, by the endpoint GitHub refused. */
export function permissionFor(path: string): string {
  return /^\/repos\/[^/]+\/[^/]+\/(?:pulls|issues)(?:\/|$)/.test(apiPath(path))
    ? "pull-requests: write"
    : "contents: write";
}

function writeRefused(repo: string, path: string, reason: string): string {
  const permission = permissionFor(path);
  // The repository setting that overrides `permissions:` for GITHUB_TOKEN (GitHub Docs, "Managing GitHub Actions
  // settings for a repository").
  const setting = /not permitted to create or approve pull requests/i.test(reason)
    ? ' and "Allow GitHub Actions to create and approve pull requests" in Settings -> Actions -> General'
    : "";
  return (
    `GitHub refused to write to ${repo} (${reason}): the token needs \`${permission}\` on ${repo}${setting}; ` +
    "give the job `permissions: { contents: write, pull-requests: write }`, or use an app token with both"
  );
}

function unreadable(repos: string[], context: FailureContext): string {
  const list = repos.join(", ");
  return (
    `the token cannot read ${list} (listed in ${context.repo}:${context.configPath}): it needs ${READ} on ${list}; ` +
    `GITHUB_TOKEN reads only ${context.repo}, so for other repositories pass an app installation token ` +
    "(actions/create-github-app-token with `owner:`) whose app is installed on them"
  );
}

/** The configured repositories the token cannot see (`owner/*` entries are left to GitHub's own message). */
async function unreadableRepositories(client: GitHubClient, repositories: readonly string[]): Promise<string[]> {
  const hidden: string[] = [];
  for (const name of repositories.filter((r) => !r.endsWith("/*"))) {
    const [owner, repo] = name.split("/");
    try {
      await client.request("GET /repos/{owner}/{repo}", { owner, repo });
    } catch (error) {
      // Anything else (a lost connection) says nothing about access: the original failure is reported instead.
      if (isNotFound(error) || statusOf(error) === 403) hidden.push(name);
    }
  }
  return hidden;
}

/** "/api/v3/repos/o/r/x" (GitHub Enterprise Server) and "/repos/o/r/x" alike. */
const apiPath = (path: string): string => path.replace(/^\/api\/v3(?=\/)/, "");

function repoOf(path: string): string | undefined {
  const match = /^\/repos\/([^/]+)\/([^/]+)/.exec(apiPath(path));
  return match ? `${match[1]}/${match[2]}` : undefined;
}

const sameRepo = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
