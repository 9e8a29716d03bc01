// Where the CLI finds its config: a local file (--config) or a repository's .github/devreport.yml (--repo),
// read through the API exactly as the app reads it.
import { readFileSync } from "node:fs";
import { CONFIG_PATH, parseConfigText, type Config } from "../config/index.js";
import type { GitHubClient, ProgressLog } from "../github/client.js";
import { gitHubError, isNotFound } from "../github/errors.js";
import { readRepositoryFile } from "../github/files.js";
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
  if (options.config !== undefined && options.repo !== undefined) throw new UsageError("use either --config FILE or --repo OWNER/NAME, not both");
  if (options.config !== undefined) {
    let text: string;
    try {
      text = readFileSync(options.config, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`--config ${options.config}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
    }
    return parseConfigText(text, { source: options.config });
  }
  if (options.repo === undefined) throw new UsageError("say which configuration to use: --repo OWNER/NAME (reads its .github/devreport.yml) or --config FILE");
  const repo = options.repo;
  if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repo)) throw new UsageError(`--repo ${repo}: expected OWNER/NAME, e.g. linuxkit/linuxkit`);
  await assertRepositoryExists(client, repo);
  const text = await readRepositoryFile(client, repo, path);
  if (text === undefined && path !== CONFIG_PATH) throw new UsageError(`${repo} has no ${path} on its default branch`);
  if (text === undefined) log(`${repo} has no ${CONFIG_PATH}: using the defaults`);
  else log(`config: ${repo}:${path}`);
  return parseConfigText(text ?? "", { source: `${repo}:${path}`, self: repo });
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
