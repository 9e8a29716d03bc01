// Where the CLI finds its config: a repository's .github/devreport.yml (--repo), read by the app's own loader
// (src/github/config.ts: the owner's `.github` fallback, `_extends`), or a local file (--config), whose `_extends`
// is followed on GitHub the same way.
import { readFileSync } from "node:fs";
import { CONFIG_PATH, parseConfigYaml, type Config } from "../config/index.js";
import type { GitHubClient, ProgressLog } from "../github/client.js";
import { extendLocalConfig, loadRepositoryConfig, type LoadedConfig } from "../github/config.js";
import { gitHubError, isNotFound } from "../github/errors.js";
import { UsageError } from "./errors.js";

export interface ConfigSource {
  config?: string;
  repo?: string;
  /** The file in `repo` (default .github/devreport.yml); a path other than the default must exist. */
  path?: string;
  client: GitHubClient;
  log: ProgressLog;
}

export async function loadConfig(options: ConfigSource): Promise<Config> {
  const { client, log, path = CONFIG_PATH } = options;
  if (options.config !== undefined && options.repo !== undefined)
    throw new UsageError("use either --config FILE or --repo OWNER/NAME, not both");
  if (options.config !== undefined) {
    let text: string;
    try {
      text = readFileSync(options.config, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `--config ${options.config}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
      );
    }
    const loaded = await extendLocalConfig(client, parseConfigYaml(text, options.config), options.config);
    if (loaded.files.length > 1) logFiles(log, loaded);
    return loaded.config;
  }
  if (options.repo === undefined)
    throw new UsageError(
      "say which configuration to use: --repo OWNER/NAME (reads its .github/devreport.yml) or --config FILE",
    );
  const repo = options.repo;
  if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repo))
    throw new UsageError(`--repo ${repo}: expected OWNER/NAME, e.g. linuxkit/linuxkit`);
  await assertRepositoryExists(client, repo);
  const loaded = await loadRepositoryConfig(client, repo, path);
  if (loaded.files.length === 0 && path !== CONFIG_PATH)
    throw new UsageError(`${repo} has no ${path} on its default branch`);
  if (loaded.files.length === 0) log(`${repo} has no ${CONFIG_PATH}: using the defaults`);
  else logFiles(log, loaded);
  return loaded.config;
}

/** "config: acme/tinyos:.github/devreport.yml", then "extending ..." for each file of an `_extends` chain. */
function logFiles(log: ProgressLog, loaded: LoadedConfig): void {
  const [nearest, ...inherited] = loaded.files;
  log(`config: ${nearest}${inherited.length > 0 ? `, extending ${inherited.join(", extending ")}` : ""}`);
}

async function assertRepositoryExists(client: GitHubClient, repo: string): Promise<void> {
  const [owner, name] = repo.split("/");
  try {
    await client.request("GET /repos/{owner}/{repo}", { owner, repo: name });
  } catch (error) {
    if (isNotFound(error)) {
      throw new UsageError(`--repo ${repo}: no such repository, or the token cannot see it`);
    }
    throw gitHubError("request", `repository ${repo}`, error);
  }
}
