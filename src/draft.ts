// The middle of the flow, shared by every trigger: collect -> compose -> render.
import { readFileSync } from "node:fs";
import { collectActivity } from "./collect/index.js";
import { DEFAULT_PATH, DEFAULT_TITLE } from "./config/defaults.js";
import { ConfigError } from "./config/errors.js";
import type { Config } from "./config/schema.js";
import type { GitHubClient, ProgressLog } from "./github/client.js";
import { readRepositoryFile } from "./github/files.js";
import type { Period, Report } from "./model.js";
import { composeReport } from "./report/compose.js";
import { periodView, render, renderTemplate } from "./report/render.js";

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
}

export async function draftReport({ client, config, period, log, webUrl }: DraftOptions): Promise<Draft> {
  const { activity, stats } = await collectActivity(client, { repositories: config.repositories, period, log });
  const report = composeReport(activity, config);
  const template = config.template ? await readTemplate(client, config.repositories[0]!, config.template) : defaultTemplate();
  // A one-off period of another length (a month asked of a weekly config, a range of days) gets that kind's generic
  // title and path rather than the configured ones, which would say "week" of a month.
  const fits = period.kind === config.period;
  const title = fits ? config.title : DEFAULT_TITLE[period.kind];
  const markdown = render(report, { template, title, intro: config.intro, outro: config.outro, webUrl });
  const path = renderTemplate(fits ? config.path : DEFAULT_PATH[period.kind], periodView(report, { repositories: config.repositories })).trim();
  return { path, markdown, report, stats };
}

let cachedTemplate: string | undefined;
export function defaultTemplate(): string {
  cachedTemplate ??= readFileSync(DEFAULT_TEMPLATE_URL, "utf8");
  return cachedTemplate;
}

async function readTemplate(client: GitHubClient, repo: string, path: string): Promise<string> {
  const text = await readRepositoryFile(client, repo, path);
  if (text === undefined) throw new ConfigError(`template: ${repo} has no file "${path}" on its default branch`);
  return text;
}
