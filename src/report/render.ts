// Report + template -> Markdown. Mustache never HTML-escapes here (this is Markdown, not HTML); titles are
// Markdown-escaped instead, and the footer is computed from the text actually rendered.
import Mustache from "mustache";
import { format } from "date-fns";
import type { RepoName, Report, ReportItem } from "../model.js";
import { escapeTitle } from "./markdown.js";
import { countsView, listings, type Listings } from "./listings.js";
import {
  footer,
  GITHUB_WEB,
  key,
  label,
  referencesIn,
  reportKinds,
  type ReferenceStyle,
  type ReferenceStyleName,
} from "./references.js";

export interface RenderText {
  title: string;
  intro: string;
  outro: string;
}

export interface RenderOptions extends RenderText {
  template: string;
  /** Web host of the links (GitHub Enterprise Server); github.com when not given. */
  webUrl?: string;
  /** How references are written (config `references`); "short" when not given. */
  references?: ReferenceStyleName;
}

export function render(report: Report, options: RenderOptions): string {
  const style: ReferenceStyle = {
    repositories: report.repositories,
    webUrl: options.webUrl ?? GITHUB_WEB,
    references: options.references ?? "short",
  };
  const counts = countsView(report.counts);
  const view = { ...periodView(report, style), counts };
  const text = (template: string) => renderTemplate(template, view).trim();
  // Each item's line once, whether the template lists it by section, by repository or both.
  const itemLines = new Map<ReportItem, string>();
  const line = (item: ReportItem): string => {
    let rendered = itemLines.get(item);
    if (rendered === undefined) {
      rendered = itemLine(item, style);
      itemLines.set(item, rendered);
    }
    return rendered;
  };
  // The listings by repository only when the template asks for them (Mustache reads the getters).
  let listed: Listings | undefined;
  const listing = (): Listings => (listed ??= listings(report, line));
  const body = renderTemplate(options.template, {
    title: text(options.title),
    intro: text(options.intro),
    outro: text(options.outro),
    counts,
    get merged() {
      return listing().merged;
    },
    get closed() {
      return listing().closed;
    },
    get updated() {
      return listing().updated;
    },
    sections: report.sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items.map((item) => ({ ...item, text: line(item) })),
    })),
    footer: [],
  });
  const kinds = reportKinds(report);
  const lines = footer(
    referencesIn(body, style),
    style,
    (repo, number) => kinds.get(key({ type: "number", repo, number })) ?? "issue",
  );
  return `${body.trimEnd()}\n${lines.length > 0 ? `\n${lines.join("\n")}\n` : ""}`;
}

/** "Title ([#2135] [#2134] [@justincormack] [@rn])" */
export function itemLine(item: ReportItem, style: ReferenceStyle): string {
  const references = [
    label({ type: "number", repo: item.repo, number: item.number }, style),
    ...item.related.map((ref) => label({ type: "number", repo: ref.repo, number: ref.number }, style)),
    ...item.people.map((login) => `@${login}`),
  ];
  return `${escapeTitle(item.title)} (${references.map((r) => `[${r}]`).join(" ")})`;
}

/** The values title, intro, outro and path templates can use. */
export function periodView(
  report: Pick<Report, "period" | "repositories" | "activeRepositories">,
  style: Pick<ReferenceStyle, "repositories" | "references">,
) {
  const { period } = report;
  // A quiet period still says which repositories it covers.
  const named =
    report.activeRepositories.length > 0
      ? report.activeRepositories
      : report.repositories.filter((r) => !r.endsWith("/*"));
  const links = named.map((repo) => `[${label({ type: "repo", repo }, style)}]`);
  // Every repository the report covers, active or not (LinuxKit's monthly intro): the configured ones, then those an
  // "owner/*" entry brought in.
  const covered = [
    ...new Map(
      [...report.repositories.filter((r) => !r.endsWith("/*")), ...report.activeRepositories].map((r) => [
        r.toLowerCase(),
        r,
      ]),
    ).values(),
  ];
  return {
    id: period.id,
    year: String(period.year),
    week: period.week === undefined ? "" : String(period.week).padStart(2, "0"),
    weekNumber: period.week === undefined ? "" : String(period.week),
    month: period.month === undefined ? "" : String(period.month).padStart(2, "0"),
    monthName: format(new Date(`${period.firstDay}T12:00:00Z`), "MMMM"),
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    project: projectName(report.repositories[0]!),
    repositories: joinList(links),
    repositoryNoun: links.length === 1 ? "repository" : "repositories",
    coveredRepositories: covered.map((repo) => `[${label({ type: "repo", repo }, style)}]`).join(" "),
  };
}

export function renderTemplate(template: string, view: object): string {
  return Mustache.render(template, view, {}, { escape: (value: string) => value });
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function projectName(repo: RepoName): string {
  return repo.split("/")[1] ?? repo;
}
