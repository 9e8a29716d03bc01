// Where a period's report lives and what it is called: the file path, the branch, the title template. Computed here
// and only here, so drafting, publishing and the push handler can never disagree about a period's file.
import { DEFAULT_PATH, DEFAULT_TITLE } from "../config/defaults.js";
import { ConfigError } from "../config/errors.js";
import { REPORT_PATH_RULE, reportPathProblem } from "../config/report-path.js";
import type { Config } from "../config/schema.js";
import type { Period } from "../model.js";
import { periodView, renderTemplate } from "./render.js";

type Naming = Pick<Config, "period" | "path" | "title" | "repositories"> & {
  publish: Pick<Config["publish"], "branch">;
};

/**
 * A period of another length than the config's (a month asked of a weekly config, a range of days) gets that
 * kind's generic path and title rather than the configured ones, which would say "week" of a month.
 */
const fits = (config: Naming, period: Period): boolean => period.kind === config.period;

/** "reports/2017-27.md": the configured path for the config's own kind of period, else the kind's default. */
export function reportPath(config: Naming, period: Period): string {
  const template = fits(config, period) ? config.path : DEFAULT_PATH[period.kind];
  const path = renderTemplate(template, view(config, period)).trim();
  const problem = reportPathProblem(path);
  if (problem)
    throw new ConfigError(
      `path: "${template}" gives "${path}" for ${period.id}, which is refused (${problem}); ${REPORT_PATH_RULE}`,
    );
  return path;
}

/** The title template (Mustache) for the period. */
export function titleTemplate(config: Naming, period: Period): string {
  return fits(config, period) ? config.title : DEFAULT_TITLE[period.kind];
}

/**
 * The id as it appears in a branch name: a range's `..` is not allowed in git refs (git check-ref-format), so
 * `2017-01-01..2017-12-31` is written `2017-01-01--2017-12-31`. periodIdOfBranchId reads it back.
 */
export function branchId(period: Pick<Period, "id">): string {
  return period.id.replace("..", "--");
}

export function periodIdOfBranchId(id: string): string {
  return id.replace(/^(\d{4}-\d{2}-\d{2})--(\d{4}-\d{2}-\d{2})$/, "$1..$2");
}

/** The rendered `publish.branch` ("devreport/2017-W27"). Check it with isValidBranchName before writing. */
export function reportBranch(config: Naming, period: Period): string {
  return renderTemplate(config.publish.branch, { ...view(config, period), id: branchId(period) }).trim();
}

/** Does git check-ref-format accept the name? Only the rules a template can break are checked. */
export function isValidBranchName(branch: string): boolean {
  return branch !== "" && !/[\s~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.lock$|\.$|^-|\/\./.test(branch);
}

function view(config: Naming, period: Period) {
  return periodView(
    { period, repositories: config.repositories, activeRepositories: [] },
    { repositories: config.repositories },
  );
}
