// LinuxKit's monthly report as its own generator wrote it in 2018 (linuxkit/linuxkit reports/2018-03-31.md): one file
// per calendar month named after its last day, every covered repository (another owner's too) in the intro with the
// month's counts, then three listings (merged PRs, closed issues, new or updated work not closed) grouped by
// repository, every reference written in full ([owner/repo#N]).
import type { ConfigInput } from "../schema.js";

export const linuxkitMonthly: ConfigInput = {
  repositories: [
    "linuxkit/linuxkit",
    "linuxkit/lcow",
    "linuxkit/kubernetes",
    "linuxkit/virtsock",
    "linuxkit/rtf",
    "linuxkit/homebrew-linuxkit",
    "moby/tool",
  ],
  period: "month",
  timeZone: "UTC",
  path: "reports/{{lastDay}}.md",
  title: "Report for {{firstDay}} to {{lastDay}}",
  intro:
    "This report covers the development in the {{{coveredRepositories}}} repositories." +
    "{{#counts.contributions}} There were {{counts.contributions}} contributions (PRs/Issues/Comments){{#counts.contributors}} from {{counts.contributors}} individual contributors{{/counts.contributors}}.{{/counts.contributions}}" +
    " {{#counts.pullsOpened}}{{counts.pullsOpened}} new PRs were opened and {{/counts.pullsOpened}}{{counts.pullsMerged}} PRs were merged." +
    " {{#counts.issuesOpened}}{{counts.issuesOpened}} new issues were opened and {{/counts.issuesOpened}}{{counts.issuesClosed}} issues were closed.",
  template: "builtin:linuxkit-monthly",
  references: "full",
  // One listing per kind of change: the monthly report does not sort by topic.
  sections: [],
  fallback: "Changes",
};
