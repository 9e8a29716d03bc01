// Which repositories ask for a scheduled draft: every installation of the app (app JWT), every repository each can
// see (installation token), and each repository's .github/devreport.yml read with the app's own loader (Probot's
// context.config: `_extends`, the owner's `.github` repository). A repository with no config file anywhere did not
// ask, so it is skipped rather than drafted with the defaults.
import { Context, type Logger, type Probot, type ProbotOctokit } from "probot";
import type { Config } from "../config/index.js";
import { messageInOneLine } from "../github/errors.js";
import { loadConfig, type ConfigReader } from "../triggers/config.js";

export interface InstalledRepository {
  installationId: number;
  /** "owner/name". */
  repo: string;
  /** The web host of the repository ("https://github.com"), for links in the report. */
  webUrl?: string;
}

/** Every repository of every installation, paginated; archived and disabled ones cannot take a PR and are left out. */
export async function installedRepositories(app: Probot): Promise<InstalledRepository[]> {
  const asApp = await app.auth();
  const installations = await asApp.paginate("GET /app/installations", { per_page: 100 });
  const found: InstalledRepository[] = [];
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repositories = await octokit.paginate("GET /installation/repositories", { per_page: 100 });
    for (const repository of repositories) {
      if (repository.archived || repository.disabled) continue;
      found.push({ installationId: installation.id, repo: repository.full_name, webUrl: webOrigin(repository.html_url) });
    }
  }
  return found;
}

function webOrigin(htmlUrl: string | undefined): string | undefined {
  try {
    return htmlUrl ? new URL(htmlUrl).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Probot Context for a repository no webhook named: what loadConfig (and so Probot's config plugin) reads from.
 * `found` tells afterwards whether any config file existed.
 */
export function repositoryConfigReader(octokit: ProbotOctokit, repo: string, installationId: number, log: Logger): ConfigReader & { found: boolean } {
  const [owner, name] = repo.split("/") as [string, string];
  const payload = { repository: { owner: { login: owner }, name, full_name: repo }, installation: { id: installationId } };
  // The event is never delivered; only context.repo() and context.config() read it.
  const context = new Context({ id: `schedule-${repo}`, name: "repository_dispatch", payload } as never, octokit, log);
  const reader = { found: false, config: undefined as unknown as Context["config"] };
  reader.config = (async (...args: Parameters<Context["config"]>) => {
    const value = await context.config(...args);
    reader.found = value !== null;
    return value;
  }) as Context["config"];
  return reader;
}

export type ScheduledConfig =
  | { status: "config"; config: Config }
  | { status: "none" }
  | { status: "error"; message: string };

/** The repository's resolved config, "none" without a config file, "error" (logged by the caller) when unreadable. */
export async function readScheduledConfig(octokit: ProbotOctokit, target: InstalledRepository, log: Logger): Promise<ScheduledConfig> {
  const reader = repositoryConfigReader(octokit, target.repo, target.installationId, log);
  try {
    const config = await loadConfig(reader, target.repo);
    return reader.found ? { status: "config", config } : { status: "none" };
  } catch (error) {
    return { status: "error", message: messageInOneLine(error) };
  }
}
