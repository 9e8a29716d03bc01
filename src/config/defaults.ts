// Defaults that fit any repository when there is no config file: sections by the labels and commit-title prefixes
// most projects already use, and titles that name the project and the period.
import type { PeriodKind } from "../model.js";
import type { ConfigInput } from "./schema.js";

export const DEFAULT_SECTIONS: NonNullable<ConfigInput["sections"]> = [
  {
    title: "Features",
    labels: ["feature", "enhancement", "type: feature", "kind/feature"],
    titles: ["^feat(\\([^)]*\\))?!?:"],
  },
  { title: "Fixes", labels: ["bug", "fix", "bugfix", "type: bug", "kind/bug"], titles: ["^fix(\\([^)]*\\))?!?:"] },
  {
    title: "Documentation",
    labels: ["documentation", "docs", "kind/documentation"],
    paths: ["docs/**", "**/*.md"],
    titles: ["^docs?(\\([^)]*\\))?:"],
  },
];

export const DEFAULT_PATH = {
  week: "reports/{{year}}-{{week}}.md",
  month: "reports/{{year}}-{{month}}.md",
  range: "reports/{{firstDay}}..{{lastDay}}.md",
} as const satisfies Record<PeriodKind, string>;

export const DEFAULT_TITLE = {
  week: "Weekly {{project}} report for {{firstDay}} to {{lastDay}} (week {{weekNumber}})",
  month: "Monthly {{project}} report for {{monthName}} {{year}}",
  range: "{{project}} report for {{firstDay}} to {{lastDay}}",
} as const satisfies Record<PeriodKind, string>;

export const DEFAULT_INTRO = "This report covers developments in the {{{repositories}}} {{repositoryNoun}}.";
