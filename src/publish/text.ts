// What people read around the report: branch name, commit messages, the PR title and body, the conflict comment.
// PR bodies and comments notify every `@login` they contain, so report lines only appear inside code blocks and
// everything else goes through withoutMentions.
import { createHash } from "node:crypto";
import type { Config } from "../config/schema.js";
import type { Period, Report } from "../model.js";
import type { MergeConflict } from "../report/merge.js";
import { withoutMentions } from "../report/markdown.js";
import { isValidBranchName, reportBranch } from "../report/naming.js";
import { DRAFT_TRAILER } from "./history.js";
import { PublishError } from "./errors.js";

export function branchName(config: Config, period: Period, repo: string): string {
  const branch = reportBranch(config, period);
  if (!isValidBranchName(branch)) {
    throw new PublishError(
      `${repo}: publish.branch "${config.publish.branch}" gives "${branch}", which is not a valid branch name; fix publish.branch in .github/devreport.yml`,
    );
  }
  return branch;
}

export const messages = {
  draft: (id: string) => `Draft report for ${id}\n\n${DRAFT_TRAILER} ${id}\n`,
  regenerate: (id: string) => `Regenerate report for ${id}\n\n${DRAFT_TRAILER} ${id}\n`,
  merge: (id: string) => `Merge regenerated draft for ${id}\n`,
  /** The edits already hold the regenerated draft: a merge that changes nothing, so the next merge's base is it. */
  taken: (id: string) => `Record regenerated draft for ${id} as merged\n\nThe edits on the branch already hold it.\n`,
  footer: "Update reference links\n",
};

/** The report's own title line, so the PR reads like the report ("Weekly LinuxKit dev report for … (week 27)"). */
export function pullTitle(markdown: string, report: Report): string {
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(markdown)?.[1]?.replace(/\\(.)/g, "$1");
  const fallback = FALLBACK_TITLE[report.period.kind](report.period);
  return withoutMentions(heading && heading.length <= 200 ? heading : fallback);
}

const FALLBACK_TITLE: Record<Period["kind"], (period: Period) => string> = {
  week: (period) => `Weekly report ${period.id}`,
  month: (period) => `Monthly report ${period.id}`,
  range: (period) => `Report for ${period.firstDay} to ${period.lastDay}`,
};

export const periodMarker = (id: string) => `<!-- devreport:period=${id} -->`;

export function pullBody(report: Report, path: string): string {
  const rows = report.sections
    .filter((s) => s.items.length > 0)
    .map((section) => {
      const pulls = section.items.filter((i) => i.kind === "pull").length;
      const issues =
        section.items.filter((i) => i.kind === "issue").length +
        section.items.reduce((n, i) => n + i.related.length, 0);
      const people = new Set(section.items.flatMap((i) => i.people.map((p) => p.toLowerCase()))).size;
      return `| ${section.title.replace(/\|/g, "\\|")} | ${pulls} | ${issues} | ${people} |`;
    });
  const all = report.sections.flatMap((s) => s.items);
  const total = `| **All** | ${all.filter((i) => i.kind === "pull").length} | ${all.filter((i) => i.kind === "issue").length + all.reduce((n, i) => n + i.related.length, 0)} | ${report.contributors.length} |`;
  const { period } = report;
  const lines = [
    periodMarker(period.id),
    `Draft of \`${path}\` for ${period.id} (${period.firstDay} to ${period.lastDay}), from the activity in ${report.activeRepositories.length || report.repositories.length} repositories.`,
    "",
    ...(rows.length > 0
      ? ["| Section | PRs | Issues | Contributors |", "| --- | ---: | ---: | ---: |", ...rows, total]
      : ["Nothing was merged or closed in this period."]),
    "",
    ...gaps(report.warnings ?? []),
    "Before merging:",
    "",
    "- [ ] Write the lead paragraph: what mattered this period",
    "- [ ] Move items that landed in the wrong section, merge duplicates, drop what readers don't need",
    "- [ ] Reword titles that only make sense to their author",
    "- [ ] Check the reference links at the end (they are rebuilt when you push)",
    "",
    "Edit freely: when the report is drafted again, new items are merged into your text, or listed in a comment when they touch lines you changed.",
  ];
  return withoutMentions(lines.join("\n"));
}

/** The body's "Gaps" list: what the draft could not read, so the reviewer knows what to add or check by hand. */
function gaps(warnings: readonly string[]): string[] {
  if (warnings.length === 0) return [];
  return [
    "Gaps (the draft may be missing these):",
    "",
    ...warnings.map((warning) => `- ${warning.replace(/\s+/g, " ").trim()}`),
    "",
  ];
}

/** A hash of the draft, so the same conflict is reported once however often the draft is regenerated. */
export function draftHash(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 12);
}

/**
 * Keyed by the branch's head too: the same draft against edits that changed since is another conflict, with its own
 * new items, and gets its own comment.
 */
export const conflictMarker = (id: string, hash: string, head: string) =>
  `<!-- devreport:conflict period=${id} draft=${hash} head=${head.slice(0, 12)} -->`;

export function conflictComment(options: {
  id: string;
  branch: string;
  path: string;
  hash: string;
  head: string;
  conflicts: MergeConflict[];
  newItems: string[];
}): string {
  const { id, branch, path, conflicts, newItems } = options;
  const parts = [
    conflictMarker(id, options.hash, options.head),
    withoutMentions(
      `The ${id} report was drafted again, but the new draft changes lines that were edited on \`${branch}\`, so the branch was left as it is.`,
    ),
    "",
  ];
  if (newItems.length > 0)
    parts.push(
      withoutMentions(`New or changed in the draft (copy what belongs into \`${path}\`):`),
      "",
      ...fenced(newItems),
      "",
    );
  parts.push("Where it conflicts:", "");
  for (const conflict of conflicts) {
    parts.push(
      `Line ${conflict.line}, the branch has:`,
      "",
      ...fenced(conflict.oursLines),
      "",
      "the new draft has:",
      "",
      ...fenced(conflict.theirsLines),
      "",
    );
  }
  parts.push("Merge the new lines by hand, or delete the branch to start again from a fresh draft.");
  return parts.join("\n");
}

/** A code block GitHub neither renders nor scans for mentions, with a fence no line can close early. */
export function fenced(lines: string[]): string[] {
  const longest = Math.max(2, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = "`".repeat(longest + 1);
  return [`${fence}markdown`, ...lines, fence];
}
