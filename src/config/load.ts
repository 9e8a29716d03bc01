// Reads the YAML config text. The app and `devreport draft --repo` read repositories through src/github/config.ts
// (which follows `_extends`); local files (--config), benchmarks and tests come through here.
import { parse } from "yaml";
import { ConfigError } from "./errors.js";
import { byteSize, LIMITS, overLimit } from "./limits.js";
import { resolveConfig, type ResolveOptions } from "./resolve.js";
import type { Config } from "./schema.js";

export const CONFIG_PATH = ".github/devreport.yml";

/** What to do about a config file over its limit. */
export const CONFIG_FIX = "a config is a few KB: move long texts into a template (the `template` key)";

export function parseConfigText(text: string, options: ResolveOptions): Config {
  return resolveConfig(parseConfigYaml(text, options.source), options);
}

/** The YAML value of a config file (null when empty); a syntax error is a ConfigError naming the file and position. */
export function parseConfigYaml(text: string, source: string): unknown {
  const tooLarge = overLimit(`${source}: the config file`, byteSize(text), LIMITS.configFile, CONFIG_FIX);
  if (tooLarge) throw new ConfigError(tooLarge);
  try {
    return parse(text, { prettyErrors: true });
  } catch (error) {
    const described = describeYamlError(error);
    if (described) throw new ConfigError(`${source}: ${described}`);
    throw error;
  }
}

/**
 * "invalid YAML at line 2, column 1: <reason>" for a YAML syntax error, else undefined. By name, not instanceof:
 * @probot/octokit-plugin-config may bring its own copy of the yaml package.
 */
export function describeYamlError(error: unknown): string | undefined {
  const parsed = error as { name?: string; message?: string; linePos?: { line: number; col: number }[] } | undefined;
  if (parsed?.name !== "YAMLParseError" || typeof parsed.message !== "string") return undefined;
  const position = parsed.linePos?.[0];
  const where = position ? ` at line ${position.line}, column ${position.col}` : "";
  return `invalid YAML${where}: ${parsed.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "")}`;
}
