// The middle of the flow, shared by every trigger: collect -> compose -> render.
import { readFileSync } from "node:fs";
import { activityNeeds, collectActivity } from "./collect/index.js";
import { ConfigError } from "./config/errors.js";
import { byteSize, LIMITS, overLimit } from "./config/limits.js";
import { BUILTIN_PREFIX, type Config } from "./config/schema.js";
import type { GitHubClient, ProgressLog } from "./github/client.js";
import { FileTooLarge, readRepositoryFile } from "./github/files.js";
import type { Period, Report } from "./model.js";
import { composeReport } from "./report/compose.js";
import { reportPath, titleTemplate } from "./report/naming.js";
import { GITHUB_WEB } from "./report/references.js";
import { render } from "./report/render.js";

export const DEFAULT_TEMPLATE_URL = new URL("../templates/report.md.mustache", import.meta.url);

export interface DraftOptions {
  client: GitHubClient;
  config: Config;
  period: Period;
  log?: ProgressLog;
  /** Web host for links, for GitHub Enterprise Server ("https://github.example.com"). */
  webUrl?: string;
}

export interface Draft {
  /** Where the report goes in the repository ("reports/2017-27.md"). */
  path: string;
  markdown: string;
  report: Report;
  stats: Awaited<ReturnType<typeof collectActivity>>["stats"];
  /** The web host the links point at; publishing rebuilds footers with the same one. */
  webUrl: string;
}

export async function draftReport({ client, config, period, log, webUrl }: DraftOptions): Promise<Draft> {
  // The template says what to collect: work still open and the opened counts cost searches only when it uses them.
  const template = await templateOf(client, config);
  const title = titleTemplate(config, period);
  const needs = activityNeeds([template, title, config.intro, config.outro]);
  const { activity, stats } = await collectActivity(client, { repositories: config.repositories, period, log, needs });
  const composed = composeReport(activity, config);
  const report = stats.warnings.length > 0 ? { ...composed, warnings: [...stats.warnings] } : composed;
  const markdown = render(report, {
    template,
    title,
    intro: config.intro,
    outro: config.outro,
    webUrl,
    references: config.references,
  });
  const lines = markdown.split("\n").length;
  const tooLarge = overLimit(
    `the ${period.id} report as rendered (${lines} lines)`,
    byteSize(markdown),
    LIMITS.report,
    "GitHub's contents API serves files up to 1 MB, so publishing could not read it back: check the template's sections and loops, or draft a shorter period",
  );
  if (tooLarge) throw new ConfigError(tooLarge);
  const path = reportPath(config, period);
  return { path, markdown, report, stats, webUrl: webUrl ?? GITHUB_WEB };
}

let cachedTemplate: string | undefined;
export function defaultTemplate(): string {
  cachedTemplate ??= readFileSync(DEFAULT_TEMPLATE_URL, "utf8");
  return cachedTemplate;
}

const TEMPLATE_FIX = "a template is a few KB of Mustache: keep the report's text in the items it repeats";

const builtinTemplates = new Map<string, string>();
/** A template shipped in templates/ (`template: builtin:NAME`); the schema only lets known names through. */
export function builtinTemplate(name: string): string {
  if (name === "report") return defaultTemplate();
  if (!builtinTemplates.has(name))
    builtinTemplates.set(name, readFileSync(new URL(`../templates/${name}.md.mustache`, import.meta.url), "utf8"));
  return builtinTemplates.get(name)!;
}

/** The configured template's text: built in, a file in the primary repository, or the default one. */
export function templateOf(
  client: GitHubClient,
  config: Pick<Config, "template" | "repositories">,
): Promise<string> | string {
  if (!config.template) return defaultTemplate();
  if (config.template.startsWith(BUILTIN_PREFIX)) return builtinTemplate(config.template.slice(BUILTIN_PREFIX.length));
  return readTemplate(client, config.repositories[0]!, config.template);
}

async function readTemplate(client: GitHubClient, repo: string, path: string): Promise<string> {
  let text: string | undefined;
  try {
    text = await readRepositoryFile(client, repo, path);
  } catch (error) {
    if (error instanceof FileTooLarge)
      throw new ConfigError(overLimit(`template: ${repo}:${path}`, error.size, LIMITS.template, TEMPLATE_FIX)!);
    throw error;
  }
  if (text === undefined) throw new ConfigError(`template: ${repo} has no file "${path}" on its default branch`);
  const tooLarge = overLimit(`template: ${repo}:${path}`, byteSize(text), LIMITS.template, TEMPLATE_FIX);
  if (tooLarge) throw new ConfigError(tooLarge);
  return text;
}
