// Reads the YAML config text. Probot's context.config() parses YAML itself (and merges `_extends`), so the app
// calls resolveConfig() directly; the CLI and tests come through here.
import { parse, YAMLParseError } from "yaml";
import { ConfigError } from "./errors.js";
import { resolveConfig, type ResolveOptions } from "./resolve.js";
import type { Config } from "./schema.js";

export const CONFIG_PATH = ".github/devreport.yml";

export function parseConfigText(text: string, options: ResolveOptions): Config {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const position = error.linePos?.[0];
      const where = position ? ` at line ${position.line}, column ${position.col}` : "";
      const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
      throw new ConfigError(`${options.source}: invalid YAML${where}: ${reason}`);
    }
    throw error;
  }
  return resolveConfig(raw, options);
}
