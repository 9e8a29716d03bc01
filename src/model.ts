// The plain data that flows through the pipeline: collect -> compose -> render.
// Nothing here knows about Octokit or Probot, so the core can be tested with plain values.

/** "owner/name", as GitHub spells it. */
export type RepoName = string;

// Each closed set of values is listed once, `as const`: zod's enums (src/config/schema.ts), the collector's checks
// of GitHub's answers (src/collect/map.ts) and the types below all come from these lists.

/** What a config's `period` can say: the length of each report. */
export const CONFIG_PERIOD_KINDS = ["week", "month"] as const;
export type ConfigPeriodKind = (typeof CONFIG_PERIOD_KINDS)[number];

/** Every kind of period: the configured ones and a one-off range of days. */
export const PERIOD_KINDS = [...CONFIG_PERIOD_KINDS, "range"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** GraphQL's Actor implementations (GitHub's schema). */
export const ACTOR_KINDS = ["User", "Bot", "Organization", "Mannequin", "EnterpriseUserAccount"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** GraphQL's PullRequestReviewState. */
export const REVIEW_STATES = ["APPROVED", "COMMENTED", "CHANGES_REQUESTED", "DISMISSED", "PENDING"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** GraphQL's IssueStateReason (DUPLICATE is newer than @octokit/graphql-schema; see src/collect/queries.ts). */
export const ISSUE_STATE_REASONS = ["COMPLETED", "NOT_PLANNED", "DUPLICATE", "REOPENED"] as const;
export type IssueStateReason = (typeof ISSUE_STATE_REASONS)[number];

/** Is `value` one of `list`? Narrows a string GitHub sent to the list's type. */
export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return value != null && (list as readonly string[]).includes(value);
}

/** A reporting period: an ISO week, a calendar month or a range of days, as a half-open window [start, end). */
export interface Period {
  kind: PeriodKind;
  /** "2017-W27", "2018-01" or "2017-01-01..2017-12-31". */
  id: string;
  /** The ISO week-year for weeks, the calendar year of the first day otherwise. */
  year: number;
  /** ISO week number (weeks only). */
  week?: number;
  /** Calendar month 1..12 (months only). */
  month?: number;
  /** IANA time zone the window is computed in. */
  timeZone: string;
  /** First instant of the period, as an ISO-8601 UTC string ("2017-07-03T00:00:00.000Z"). */
  start: string;
  /** First instant after the period (exclusive). */
  end: string;
  /** Local calendar dates of the first and last day: "2017-07-03", "2017-07-09". */
  firstDay: string;
  lastDay: string;
}

export interface Person {
  login: string;
  kind: ActorKind;
}

export interface Review {
  reviewer: Person;
  state: ReviewState;
}

export interface IssueRef {
  repo: RepoName;
  number: number;
}

export interface PullRequest {
  kind: "pull";
  repo: RepoName;
  number: number;
  title: string;
  url: string;
  /** null when the account was deleted ("ghost"). */
  author: Person | null;
  mergedAt: string;
  labels: string[];
  /** Changed paths, complete (collect pages past the first 100). */
  files: string[];
  reviews: Review[];
  /** Commit authors and Co-authored-by trailers that resolve to GitHub accounts, in commit order. */
  coAuthors: Person[];
  /** Issues this PR closes (closingIssuesReferences). */
  closes: IssueRef[];
}

export interface Issue {
  kind: "issue";
  repo: RepoName;
  number: number;
  title: string;
  url: string;
  author: Person | null;
  closedAt: string;
  labels: string[];
  stateReason: IssueStateReason | null;
}

export type Change = PullRequest | Issue;

/** Everything collected for one period. */
export interface Activity {
  period: Period;
  /** The configured repositories, in config order (the first is primary). */
  repositories: RepoName[];
  pulls: PullRequest[];
  issues: Issue[];
  /**
   * Work touched in the period (opened, still open, or a PR closed unmerged), with the comments and reviews on it;
   * collected only when the template asks for it (the "updated" listing, the opened and contribution counts).
   */
  touched?: Touched[];
}

/** A PR or issue with activity in the period, as the activity searches see it. */
export interface Touched {
  kind: "pull" | "issue";
  repo: RepoName;
  number: number;
  title: string;
  url: string;
  author: Person | null;
  state: "open" | "closed" | "merged";
  createdAt: string;
  labels: string[];
  /** Comments and reviews, each with its author and when it was made (null: GitHub did not say). */
  comments: { author: Person | null; createdAt: string | null }[];
  reviews: { author: Person | null; state: string; createdAt: string | null }[];
}

/** One rendered list line before Markdown: the composer's output. */
export interface ReportItem {
  kind: "pull" | "issue";
  repo: RepoName;
  number: number;
  /** Cleaned, not yet Markdown-escaped. */
  title: string;
  /** Issues the PR closes, listed on the same line. */
  related: IssueRef[];
  /** Logins, author first, deduplicated. */
  people: string[];
  /** Listed for its activity in the period, not for being merged or closed (still open, or a PR closed unmerged). */
  updated?: boolean;
}

export interface ReportSection {
  id: string;
  title: string;
  items: ReportItem[];
}

export interface Report {
  period: Period;
  /** Repositories that had activity, in config order. */
  activeRepositories: RepoName[];
  repositories: RepoName[];
  sections: ReportSection[];
  /** Distinct people credited, in first-credit order. */
  contributors: string[];
  /**
   * What the draft could not read or doubts (collect's warnings: paths GitHub could not answer...), set by
   * draftReport only when there are some; the PR body lists them as its gaps.
   */
  warnings?: string[];
  /** The period's activity counts; a count the collected data cannot tell is absent, never guessed. */
  counts?: ActivityCounts;
}

/** How much happened in a period, as LinuxKit's monthly reports count it. */
export interface ActivityCounts {
  /** PRs, issues and comments made in the period. */
  contributions?: number;
  /** Distinct people who made them. */
  contributors?: number;
  pullsOpened?: number;
  /** PRs merged in the period and listed (excluded ones are neither listed nor counted). */
  pullsMerged?: number;
  issuesOpened?: number;
  /** Issues closed in the period, whether listed on their own or beside the PR that closed them. */
  issuesClosed?: number;
}
