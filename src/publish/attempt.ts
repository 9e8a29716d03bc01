// What one publishing attempt carries (publish.ts, merge-edits.ts), and the steps both take: the PR, the tree of a
// commit, the period's id.
import type { ProgressLog } from "../github/client.js";
import type { ReferenceStyle } from "../report/references.js";
import { treeOf, type RepoTarget } from "./git.js";
import type { BranchCommit } from "./history.js";
import { decoratePull, openPull } from "./pull-request.js";
import { pullBody, pullTitle } from "./text.js";
import type { PublishRequest, PullRequestLink } from "./types.js";

export interface Attempt {
  t: RepoTarget;
  request: PublishRequest;
  base: string;
  branch: string;
  style: ReferenceStyle;
  log: ProgressLog;
  /** A second try after another run wrote the branch: a PR missing then is that run's to open, not a leftover. */
  afterMove?: boolean;
}

/** What happened to the branch's content; the PR is settled separately. */
export type Step =
  { status: "updated" | "unchanged" | "merged" } | { status: "conflict"; commentUrl: string; pr: PullRequestLink };

/** The PR of the branch: the one there is, or one opened (and decorated) now. */
export async function ensurePull(a: Attempt): Promise<PullRequestLink> {
  return (await openAndDecorate(a)).link;
}

export async function openAndDecorate(a: Attempt): Promise<{ link: PullRequestLink; opened: boolean }> {
  const { request } = a;
  const { link, opened } = await openPull(
    a.t,
    {
      branch: a.branch,
      base: a.base,
      title: pullTitle(request.draft.markdown, request.draft.report),
      body: pullBody(request.draft.report, request.draft.path),
    },
    request.sleep,
  );
  if (opened) await decoratePull(a.t, link.number, request.config.publish, a.log);
  a.log(`${a.t.repo}: ${opened ? "opened" : "found"} #${link.number} for ${a.branch}`);
  return { link, opened };
}

/** The tree of `sha`: from the branch history already read, else asked of GitHub. */
export async function treeAt(a: Attempt, sha: string, commits: BranchCommit[]): Promise<string> {
  return commits.find((c) => c.sha === sha)?.tree ?? treeOf(a.t, sha);
}

export function periodId(a: Attempt): string {
  return a.request.draft.report.period.id;
}
