// Plain-value builders for the pure core's tests.
import { resolveConfig } from "../../src/config/index.js";
import type { Activity, Issue, Person, PullRequest } from "../../src/model.js";
import { parsePeriod } from "../../src/period.js";

export const user = (login: string): Person => ({ login, kind: "User" });
export const bot = (login: string): Person => ({ login, kind: "Bot" });

export function pull(repo: string, number: number, title: string, extra: Partial<PullRequest> = {}): PullRequest {
  return {
    kind: "pull",
    repo,
    number,
    title,
    url: `https://github.com/${repo}/pull/${number}`,
    author: user("rn"),
    mergedAt: "2017-07-05T12:00:00Z",
    labels: [],
    files: [],
    reviews: [],
    coAuthors: [],
    closes: [],
    ...extra,
  };
}

export function issue(repo: string, number: number, title: string, extra: Partial<Issue> = {}): Issue {
  return {
    kind: "issue",
    repo,
    number,
    title,
    url: `https://github.com/${repo}/issues/${number}`,
    author: user("ijc"),
    closedAt: "2017-07-06T12:00:00Z",
    labels: [],
    stateReason: "COMPLETED",
    ...extra,
  };
}

export function activity(pulls: PullRequest[], issues: Issue[] = [], repositories = LINUXKIT): Activity {
  return { period: parsePeriod("2017-W27"), repositories, pulls, issues };
}

export const LINUXKIT = ["linuxkit/linuxkit", "linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"];
export const linuxkitConfig = () => resolveConfig({ preset: "linuxkit" }, { source: "test" });
