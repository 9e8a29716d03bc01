// Which repositories ask for a scheduled draft: every installation of the app (app JWT), every repository each can
// see (installation token), and each repository's .github/devreport.yml read with the app's own loader (Probot's
// context.config: `_extends`, the owner's `.github` repository). A repository with no config file anywhere did not
// ask, so it is skipped rather than drafted with the defaults.
import type { Probot, ProbotOctokit } from "probot";
import type { Config } from "../config/index.js";
import { messageInOneLine } from "../github/errors.js";
import { loadRepositoryConfig } from "../github/config.js";

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
      found.push({
        installationId: installation.id,
        repo: repository.full_name,
        webUrl: webOrigin(repository.html_url),
      });
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

export type ScheduledConfig =
  { status: "config"; config: Config } | { status: "none" } | { status: "error"; message: string };

/** The repository's resolved config, "none" without a config file, "error" (logged by the caller) when unreadable. */
export async function readScheduledConfig(
  octokit: ProbotOctokit,
  target: InstalledRepository,
): Promise<ScheduledConfig> {
  try {
    // The app's own loader (src/github/config.ts): `_extends` and the owner's `.github` repository included.
    const { config, files } = await loadRepositoryConfig(octokit, target.repo);
    return files.length > 0 ? { status: "config", config } : { status: "none" };
  } catch (error) {
    return { status: "error", message: messageInOneLine(error) };
  }
}
