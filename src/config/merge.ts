// How config layers combine, the same for the app and the CLI: Probot's context.config() rule (deepmerge of the
// `_extends` chain, farthest first), except that a list written nearer the repository replaces the inherited one, as
// keys beside `preset:` do. deepmerge would otherwise append a repository's `sections` to the ones it extends.
import deepmerge from "deepmerge";

/** Layers farthest first (the base a chain ends at), nearest (the repository's own file) last. */
export function mergeConfigLayers(layers: readonly Record<string, unknown>[]): Record<string, unknown> {
  return deepmerge.all<Record<string, unknown>>([{}, ...layers], { arrayMerge: (_inherited, nearer) => nearer });
}

/** The `_extends` forms @probot/octokit-plugin-config accepts: `repo`, `owner/repo`, either with `:path.yml`. */
// Spelled without the `i` flag (the plugin's has it) so that the JSON Schema's "pattern" means the same.
export const EXTENDS_PATTERN =
  /^(?:([A-Za-z\d](?:[A-Za-z\d]|-(?=[A-Za-z\d])){0,38})\/)?([-_.\w]+)(?::([-_./\w]+\.[yY][aA]?[mM][lL]))?$/;

export interface ExtendsTarget {
  owner?: string;
  repo: string;
  path?: string;
}

/** Parses an `_extends` value, or undefined when it is not one of the accepted forms. */
export function parseExtends(value: unknown): ExtendsTarget | undefined {
  if (typeof value !== "string") return undefined;
  const match = EXTENDS_PATTERN.exec(value);
  if (!match) return undefined;
  return { repo: match[2]!, ...(match[1] ? { owner: match[1] } : {}), ...(match[3] ? { path: match[3] } : {}) };
}

export const EXTENDS_FORMS = '"repo", "owner/repo" or "owner/repo:path/file.yml"';
