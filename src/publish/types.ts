// The contract between the triggers (app, Actions entry) and publishing.
import type { Config } from "../config/schema.js";
import type { Draft } from "../draft.js";
import type { GitHubClient, ProgressLog } from "../github/client.js";
import type { RepoName } from "../model.js";

export interface PublishRequest {
  client: GitHubClient;
  /** Where the report and its PR live: the primary repository. */
  repo: RepoName;
  draft: Draft;
  config: Config;
  /** The app's own login ("devreport[bot]"): a commit on the branch by anyone else is a human edit. */
  appLogin: string;
  log?: ProgressLog;
  /** Waits between tries of GitHub's passing 422s (tests pass a virtual one); real timers by default. */
  sleep?: (ms: number) => Promise<void>;
}

export interface PullRequestLink {
  number: number;
  url: string;
}

export type PublishOutcome =
  /** A new branch, commit and PR. */
  | { status: "created"; branch: string; pr: PullRequestLink }
  /** The branch had only the app's commits: the new draft was committed on top. */
  | ({ status: "updated"; branch: string; pr: PullRequestLink } & Adopted)
  /** The draft is what the branch already holds. */
  | ({ status: "unchanged"; branch: string; pr: PullRequestLink } & Adopted)
  /** Maintainers had edited the branch; the new draft merged cleanly into their text and was committed. */
  | ({ status: "merged"; branch: string; pr: PullRequestLink } & Adopted)
  /** Maintainers' edits conflict with the new draft: the branch is untouched and the PR got a comment. */
  | { status: "conflict"; branch: string; pr: PullRequestLink; commentUrl: string };

/** The app's branch had no PR (an earlier run failed between the two, and could not take the branch back): opened now. */
interface Adopted {
  openedPull?: true;
}
