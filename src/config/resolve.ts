// Raw config value (from YAML, a preset, or nothing) -> the fully resolved Config the pipeline uses.
import { DEFAULT_INTRO, DEFAULT_PATH, DEFAULT_SECTIONS, DEFAULT_TITLE } from "./defaults.js";
import { ConfigError, describeIssue } from "./errors.js";
import { PRESETS } from "./presets/index.js";
import { REPORT_PATH_RULE, reportPathProblem, templateSample } from "./report-path.js";
import { configSchema, type Config, type ConfigInput } from "./schema.js";

export interface ResolveOptions {
  /** Where the value came from, for messages (".github/devreport.yml", "linuxkit/linuxkit:.github/devreport.yml"). */
  source: string;
  /** The repository holding the config: the default for `repositories`. */
  self?: string;
}

export function resolveConfig(raw: unknown, options: ResolveOptions): Config {
  const { source } = options;
  const value = raw ?? {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(
      `${source}: the file must hold a mapping of keys to values, not ${Array.isArray(value) ? "a list" : JSON.stringify(value)}`,
    );
  }
  const merged = withPreset(value as Record<string, unknown>, source);
  const result = configSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(describeIssue(source, result.error.issues[0]!, merged));
  const { _extends: unfollowed, ...parsed } = result.data;
  // The loaders follow `_extends` and remove it; one still here was read where nothing can follow it.
  if (unfollowed !== undefined) {
    throw new ConfigError(
      `${source}: _extends: ${JSON.stringify(unfollowed)} cannot be followed here; only a config read from GitHub follows it`,
    );
  }

  const repositories = parsed.repositories.length > 0 ? parsed.repositories : options.self ? [options.self] : [];
  if (repositories.length === 0) {
    throw new ConfigError(`${source}: repositories: none configured; list at least one "owner/name"`);
  }
  if (repositories[0]!.endsWith("/*")) {
    throw new ConfigError(
      `${source}: repositories[0]: "${repositories[0]}" cannot be primary; list a repository "owner/name" first`,
    );
  }
  const sections = (parsed.sections ?? configSchema.shape.sections.parse(DEFAULT_SECTIONS)!).map((section) => ({
    ...section,
    id: section.id ?? slug(section.title),
  }));
  const ids = new Set<string>();
  for (const [index, section] of sections.entries()) {
    if (ids.has(section.id))
      throw new ConfigError(
        `${source}: sections[${index}]: id "${section.id}" is used twice; give each section its own title or id`,
      );
    ids.add(section.id);
  }

  const path = parsed.path ?? DEFAULT_PATH[parsed.period];
  const pathProblem = reportPathProblem(templateSample(path));
  if (pathProblem) throw new ConfigError(`${source}: path: "${path}" is refused (${pathProblem}); ${REPORT_PATH_RULE}`);

  return {
    ...parsed,
    repositories,
    sections,
    path,
    title: parsed.title ?? DEFAULT_TITLE[parsed.period],
    intro: parsed.intro ?? DEFAULT_INTRO,
  };
}

/** A preset is a base layer: every key written beside `preset:` replaces the preset's value for that key. */
function withPreset(value: Record<string, unknown>, source: string): Record<string, unknown> {
  const name = value.preset;
  if (name === undefined) return value;
  const preset = typeof name === "string" ? PRESETS[name] : undefined;
  if (!preset) {
    throw new ConfigError(
      `${source}: preset: ${JSON.stringify(name)} is not a known preset; use one of ${Object.keys(PRESETS)
        .map((p) => `"${p}"`)
        .join(", ")}`,
    );
  }
  return { ...(preset as Record<string, unknown>), ...value };
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}

export type { Config, ConfigInput };
