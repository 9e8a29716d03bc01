// The report's pull request: found by its head branch, opened once, decorated once, and commented on when a new
// draft cannot be merged into the maintainers' edits.
import type { ProgressLog } from "../github/client.js";
import type { CreatedComment, CreatedPull, IssueComment, ListedPull } from "../github/rest-types.js";
import type { PullRequestLink } from "./types.js";
import type { RepoTarget } from "./git.js";
import { isValidationFailure } from "../github/errors.js";
import { repeatOnce, writeOnceMore } from "./write-once-more.js";
import { PublishError, Unverified } from "./errors.js";

export async function findPull(
  t: RepoTarget,
  branch: string,
  state: "open" | "closed",
): Promise<(PullRequestLink & { merged: boolean }) | undefined> {
  const { data } = await t.client.request<ListedPull[]>("GET /repos/{owner}/{repo}/pulls", {
    owner: t.owner,
    repo: t.name,
    head: `${t.owner}:${branch}`,
    state,
  });
  const pull = data[0];
  return pull && { number: pull.number, url: pull.html_url, merged: Boolean(pull.merged_at) };
}

export interface NewPull {
  branch: string;
  base: string;
  title: string;
  body: string;
}

/**
 * Right after a branch is created GitHub sometimes answers 422 "No commits between <base> and <head>" although the
 * commit is there (its pull request service has not seen the ref yet); a short wait and one more try settles it.
 */
export const NO_COMMITS_WAITS_MS = [1000, 3000];
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Opens the PR; when another run opened it first, that one is the answer (`opened: false`). */
export async function openPull(
  t: RepoTarget,
  pull: NewPull,
  sleep: (ms: number) => Promise<void> = realSleep,
): Promise<{ link: PullRequestLink; opened: boolean }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openPullOnce(t, pull);
    } catch (error) {
      const wait = NO_COMMITS_WAITS_MS[attempt];
      if (wait === undefined || !isValidationFailure(error, /No commits between/i)) throw error;
      await sleep(wait);
    }
  }
}

/**
 * One POST of the PR, settled when its answer is lost: the open PR for the branch (if there is one now) is the one
 * this request opened, and none means it was not opened, so it is sent once more (write-once-more.ts). "A pull
 * request already exists" is another run's PR, or on the second POST possibly the first one's: the read-back tells.
 */
async function openPullOnce(t: RepoTarget, pull: NewPull): Promise<{ link: PullRequestLink; opened: boolean }> {
  return writeOnceMore<{ link: PullRequestLink; opened: boolean }>({
    send: async () => {
      const { data } = await t.client.request<CreatedPull>("POST /repos/{owner}/{repo}/pulls", {
        owner: t.owner,
        repo: t.name,
        title: pull.title,
        head: pull.branch,
        base: pull.base,
        body: pull.body,
      });
      return { link: { number: data.number, url: data.html_url }, opened: true };
    },
    readBack: async (error) => {
      let found: PullRequestLink | undefined;
      try {
        found = await findPull(t, pull.branch, "open");
      } catch (read) {
        throw new Unverified(error, read);
      }
      return found && { done: { link: { number: found.number, url: found.url }, opened: true } };
    },
    isRefusal: (error) => isValidationFailure(error, /already exists/i),
    refused: async () => {
      const existing = await findPull(t, pull.branch, "open");
      if (!existing)
        throw new PublishError(
          `${t.repo}: GitHub says a PR for ${pull.branch} exists but none is open; check the repository's pull requests and run again`,
        );
      return { link: { number: existing.number, url: existing.url }, opened: false };
    },
  });
}

/**
 * Labels and reviewers from the config. The PR is already usable without them, so a refusal (an unknown reviewer,
 * a label the app may not create) is logged instead of failing the run. Both calls add to a set ("Add labels to an
 * issue", docs.github.com/rest/issues/labels; "Request reviewers", docs.github.com/rest/pulls/review-requests): one
 * whose answer is lost is sent once more as it is (write-once-more.ts repeatOnce).
 */
export async function decoratePull(
  t: RepoTarget,
  number: number,
  wanted: { labels: string[]; reviewers: string[] },
  log: ProgressLog,
): Promise<void> {
  const base = { owner: t.owner, repo: t.name };
  if (wanted.labels.length > 0) {
    try {
      await repeatOnce(() =>
        t.client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
          ...base,
          issue_number: number,
          labels: wanted.labels,
        }),
      );
    } catch (error) {
      log(
        `${t.repo}#${number}: could not add labels ${wanted.labels.join(", ")} (${(error as Error).message}); check publish.labels`,
      );
    }
  }
  const users = wanted.reviewers.filter((r) => !r.includes("/"));
  // "org/team" names a team, the way CODEOWNERS does.
  const teams = wanted.reviewers.filter((r) => r.includes("/"));
  const request = async (kind: "reviewers" | "team_reviewers", names: string[]): Promise<void> => {
    if (names.length === 0) return;
    try {
      await repeatOnce(() =>
        t.client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
          ...base,
          pull_number: number,
          [kind]: kind === "team_reviewers" ? names.map((n) => n.split("/")[1]!) : names,
        }),
      );
    } catch (error) {
      const hint =
        kind === "team_reviewers"
          ? "team reviews need the app's members: read permission (docs/install.md)"
          : "check publish.reviewers";
      log(
        `${t.repo}#${number}: could not request reviews from ${names.join(", ")} (${(error as Error).message}); ${hint}`,
      );
    }
  };
  // Users first, in a call of their own: a team the app may not see (it needs the organisation's `members: read`,
  // docs.github.com/rest/pulls/review-requests) must not cost the users their request.
  await request("reviewers", users);
  await request("team_reviewers", teams);
}

/** Every comment on an issue or PR, 100 a page, following GitHub's `link: rel="next"` until the last page. */
export async function allComments(t: RepoTarget, number: number): Promise<IssueComment[]> {
  const comments: IssueComment[] = [];
  for (let page = 1; ; page++) {
    const { data, headers } = await t.client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: t.owner,
      repo: t.name,
      issue_number: number,
      per_page: 100,
      ...(page > 1 ? { page } : {}),
    });
    comments.push(...(data as IssueComment[]));
    if (!/rel="next"/.test(String(headers.link ?? "")) || (data as []).length < 100) return comments;
  }
}

/**
 * Posts the comment unless one with the same marker is there already: the answer is that comment's URL. A POST
 * whose answer is lost (5xx, no answer) is settled by looking for the marker again, then sent at most once more.
 */
export async function commentOnce(t: RepoTarget, number: number, marker: string, body: string): Promise<string> {
  const find = async () => (await allComments(t, number)).find((c) => c.body?.includes(marker))?.html_url;
  const existing = await find();
  if (existing) return existing;
  return postSettled(t, number, body, find);
}

/** POST a comment; on an unknown outcome ask `readBack` whether it is there, and post once more only if not. */
export function postSettled(
  t: RepoTarget,
  number: number,
  body: string,
  readBack: () => Promise<string | undefined>,
): Promise<string> {
  return writeOnceMore({
    send: async () =>
      (
        await t.client.request<CreatedComment>("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          owner: t.owner,
          repo: t.name,
          issue_number: number,
          body,
        })
      ).data.html_url,
    readBack: async (error) => {
      let found: string | undefined;
      try {
        found = await readBack();
      } catch (read) {
        throw new Unverified(error, read);
      }
      return found === undefined ? undefined : { done: found };
    },
  });
}
