// The app reads .github/devreport.yml through Probot's context.config(): it falls back to the owner's `.github`
// repository when the file is missing and follows `_extends` chains. The result is validated like the CLI's.
import type { Context } from "probot";
import { CONFIG_PATH, ConfigError, resolveConfig, type Config } from "../config/index.js";
import { isGitHubRequestError } from "../github/errors.js";

export const CONFIG_FILE = "devreport.yml";

/** The slice of a Probot context this needs, so tests and the scheduled path can hand in any event's context. */
export type ConfigReader = Pick<Context, "config">;

export async function loadConfig(context: ConfigReader, repo: string): Promise<Config> {
  const source = `${repo}:${CONFIG_PATH}`;
  let raw: unknown;
  try {
    // deepmerge concatenates arrays by default, which would append a repository's `sections` to the ones it
    // extends. A list written nearer the repository replaces the inherited one, as keys beside `preset:` do.
    raw = await context.config<unknown>(CONFIG_FILE, undefined, { arrayMerge: (_inherited, nearer) => nearer });
  } catch (error) {
    // GitHub failures carry a status and are not config mistakes; the plugin throws unparsable files as plain Errors.
    if (isGitHubRequestError(error)) throw error;
    throw new ConfigError(`${source}: ${describeReadError(error as Error)}`);
  }
  // No file anywhere (null) means the defaults: a one-repository report of `repo`.
  return resolveConfig(raw, { source, self: repo });
}

/** The plugin wraps the YAML parser's error; say it the way the CLI does ("invalid YAML at line 2, column 1: ..."). */
function describeReadError(error: Error): string {
  // By name, not instanceof: the plugin may bring its own copy of the yaml package.
  const cause = error.cause as { name?: string; message: string; linePos?: { line: number; col: number }[] } | undefined;
  if (cause?.name === "YAMLParseError") {
    const position = cause.linePos?.[0];
    const where = position ? ` at line ${position.line}, column ${position.col}` : "";
    return `invalid YAML${where}: ${cause.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "")}`;
  }
  return error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "").split("\n")[0]!;
}
