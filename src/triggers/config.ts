// The app reads .github/devreport.yml through the loader the CLI uses too (src/github/config.ts): the file, else the
// owner's `.github` repository's, with `_extends` chains followed and merged as Probot's context.config() merges them.
import type { Context } from "probot";
import type { Config } from "../config/index.js";
import { loadRepositoryConfig } from "../github/config.js";

export const CONFIG_FILE = "devreport.yml";

/** The slice of a Probot context this needs, so tests and the scheduled path can hand in any event's context. */
export type ConfigReader = Pick<Context, "octokit">;

export async function loadConfig(context: ConfigReader, repo: string): Promise<Config> {
  return (await loadRepositoryConfig(context.octokit, repo)).config;
}
