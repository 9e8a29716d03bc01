// Reads the YAML config text. The app and `devreport draft --repo` read repositories through src/github/config.ts
// (which follows `_extends`); local files (--config), benchmarks and tests come through here.
import { parse } from "yaml";
import { ConfigError } from "./errors.js";
import { resolveConfig, type ResolveOptions } from "./resolve.js";
import type { Config } from "./schema.js";

export const CONFIG_PATH = ".github/devreport.yml";

export function parseConfigText(text: string, options: ResolveOptions): Config {
  return resolveConfig(parseConfigYaml(text, options.source), options);
}

/** The YAML value of a config file (null when empty); a syntax error is a ConfigError naming the file and position. */
export function parseConfigYaml(text: string, source: string): unknown {
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
