// The one config loader of the app and the CLI: .github/devreport.yml read through @probot/octokit-plugin-config,
// the loader behind Probot's context.config(). It falls back to the owner's `.github` repository when the file is
// missing and follows `_extends` chains; layers merge by src/config/merge.ts (nearer lists replace inherited ones).
// Unlike the plugin, an `_extends` naming a repository or file that cannot be read is an error, never ignored.
import { composeConfigGet, type ConfigFile } from "@probot/octokit-plugin-config";
import {
  byteSize,
  CONFIG_FIX,
  CONFIG_PATH,
  ConfigError,
  describeYamlError,
  EXTENDS_FORMS,
  LIMITS,
  mergeConfigLayers,
  overLimit,
  parseExtends,
  resolveConfig,
  type Config,
} from "../config/index.js";
import type { GitHubClient } from "./client.js";
import { isGitHubRequestError, isNotFound } from "./errors.js";

export interface LoadedConfig {
  config: Config;
  /** The files the config was built from, nearest first ("acme/.github:.github/devreport.yml"); empty for the defaults. */
  files: string[];
}

/** `repo`'s config: its .github/devreport.yml, else its owner's .github repository's, with `_extends` followed. */
export async function loadRepositoryConfig(
  client: GitHubClient,
  repo: string,
  path = CONFIG_PATH,
): Promise<LoadedConfig> {
  const [owner, name] = repo.split("/") as [string, string];
  const source = `${repo}:${path}`;
  const files = await readChain(client, { owner, repo: name, path }, source);
  const found = files.filter((file) => file.config !== null);
  // No file anywhere means the defaults: a one-repository report of `repo`.
  const raw = found.length === 0 ? null : mergeConfigLayers(found.map((file) => file.config!).reverse());
  return { config: resolveConfig(raw, { source, self: repo }), files: found.map(fileName) };
}

/**
 * A config value read elsewhere (a local --config file) whose `_extends` is followed on GitHub like a repository's.
 * There is no repository around it, so `_extends` must name its owner.
 */
export async function extendLocalConfig(client: GitHubClient, raw: unknown, source: string): Promise<LoadedConfig> {
  const value = raw as Record<string, unknown> | null;
  if (value === null || typeof value !== "object" || Array.isArray(value) || value._extends === undefined) {
    return { config: resolveConfig(raw, { source }), files: [source] };
  }
  const { _extends: extendsValue, ...own } = value;
  const target = parseExtends(extendsValue);
  if (!target) throw new ConfigError(`${source}: _extends: ${JSON.stringify(extendsValue)} is not ${EXTENDS_FORMS}`);
  if (!target.owner)
    throw new ConfigError(
      `${source}: _extends: ${JSON.stringify(extendsValue)} needs an owner in a local file ("owner/${target.repo}")`,
    );
  const start = { owner: target.owner, repo: target.repo, path: target.path ?? CONFIG_PATH };
  const files = await readChain(client, start, source);
  if (files[0]!.config === null) throw await missingTarget(client, source, files[0]!);
  // Only the target's own chain counts: the plugin's fallback to the owner's `.github` is for a repository's own file.
  const chain = files.filter((file) => file.config !== null);
  return {
    config: resolveConfig(mergeConfigLayers([...chain.map((file) => file.config!).reverse(), own]), { source }),
    files: [source, ...chain.map(fileName)],
  };
}

/** The plugin's list of files (nearest first), with every failure worded as the app and the CLI word it. */
async function readChain(
  client: GitHubClient,
  start: { owner: string; repo: string; path: string },
  source: string,
): Promise<ConfigFile[]> {
  let files: ConfigFile[];
  try {
    // Every real client (Probot's context.octokit, @octokit/rest) is an Octokit with request.endpoint, which the plugin uses.
    ({ files } = await composeConfigGet(sizeChecked(client), { ...start, defaults: () => ({}) }));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // GitHub failures carry a status and are not config mistakes; the plugin throws the rest as plain Errors.
    if (isGitHubRequestError(error)) throw error;
    throw new ConfigError(describePluginError(error as Error, source));
  }
  // A file that is read and is followed by a missing one extended it: the plugin returns the missing one as null.
  for (let i = 1; i < files.length; i++) {
    if (files[i - 1]!.config !== null && files[i]!.config === null)
      throw await missingTarget(client, fileName(files[i - 1]!), files[i]!);
  }
  return files;
}

/** "acme/tinyos:.github/devreport.yml: _extends: acme/base: no such repository, or the token cannot see it". */
async function missingTarget(client: GitHubClient, extendingFile: string, target: ConfigFile): Promise<ConfigError> {
  const repo = `${target.owner}/${target.repo}`;
  try {
    await client.request("GET /repos/{owner}/{repo}", { owner: target.owner, repo: target.repo });
  } catch (error) {
    if (isNotFound(error))
      return new ConfigError(`${extendingFile}: _extends: ${repo}: no such repository, or the token cannot see it`);
    throw error;
  }
  return new ConfigError(`${extendingFile}: _extends: ${repo} has no ${target.path}`);
}

type PluginOctokit = Parameters<typeof composeConfigGet>[0];

/**
 * The client as the plugin uses it, refusing a config file over its limit before the plugin parses it: the plugin
 * reads each file raw (one string), so its length is the file's.
 */
function sizeChecked(client: GitHubClient): PluginOctokit {
  const octokit = client as unknown as PluginOctokit;
  const request = (async (...args: Parameters<PluginOctokit["request"]>) => {
    const response = await octokit.request(...args);
    const params = args[0] as { owner?: string; repo?: string; path?: string };
    if (typeof response.data === "string") {
      const tooLarge = overLimit(
        `${params.owner}/${params.repo}:${params.path}: the config file`,
        byteSize(response.data),
        LIMITS.configFile,
        CONFIG_FIX,
      );
      if (tooLarge) throw new ConfigError(tooLarge);
    }
    return response;
  }) as PluginOctokit["request"];
  return { ...octokit, request: Object.assign(request, { endpoint: octokit.request.endpoint }) } as PluginOctokit;
}

const fileName = (file: Pick<ConfigFile, "owner" | "repo" | "path">): string =>
  `${file.owner}/${file.repo}:${file.path}`;

/** The plugin names files by API URL and prefixes its name; say which file, and what is wrong, in one line. */
function describePluginError(error: Error, source: string): string {
  const message = error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "").split("\n")[0]!;
  const url = /(https?:\/\/\S+\/repos\/([^/\s]+)\/([^/\s]+)\/contents\/([^\s?]+))/.exec(message);
  const file = url ? fileName({ owner: url[2]!, repo: url[3]!, path: decodeURIComponent(url[4]!) }) : source;
  const yaml = describeYamlError(error.cause);
  if (yaml) return `${file}: ${yaml}`;
  const invalid = /^Invalid value (.+) for _extends in /.exec(message);
  if (invalid) return `${file}: _extends: ${invalid[1]} is not ${EXTENDS_FORMS}`;
  if (/^Recursion detected/.test(message)) return `${file}: _extends: the chain comes back to a file it already read`;
  if (/is either a directory or a submodule/.test(message)) return `${file}: is a directory or a submodule, not a file`;
  return url ? `${file}: ${message.replace(url[1]!, "").replace(/\s+/g, " ").trim()}` : `${source}: ${message}`;
}
