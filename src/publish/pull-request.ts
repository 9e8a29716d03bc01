// The report's pull request: found by its head branch, opened once, decorated once, and commented on when a new
// draft cannot be merged into the maintainers' edits.
import type { ProgressLog } from "../github/client.js";
import type { PullRequestLink } from "./types.js";
import type { RepoTarget } from "./git.js";
import { isOutcomeUnknown, isValidationFailure } from "../github/errors.js";
import { PublishError, Unverified } from "./errors.js";

export async function findPull(t: RepoTarget, branch: string, state: "open" | "closed"): Promise<(PullRequestLink & { merged: boolean }) | undefined> {
  const { data } = await t.client.request("GET /repos/{owner}/{repo}/pulls", { owner: t.owner, repo: t.name, head: `${t.owner}:${branch}`, state });
  const pull = (data as { number: number; html_url: string; merged_at?: string | null }[])[0];
  return pull && { number: pull.number, url: pull.html_url, merged: Boolean(pull.merged_at) };
}

export interface NewPull {
  branch: string;
  base: string;
  title: string;
  body: string;
}

/**
 * Opens the PR; when another run opened it first, that one is the answer. When GitHub's answer is a 5xx or lost,
 * the open PR for the branch (if there is one now) is the one this request opened; none means it was not opened.
 */
export async function openPull(t: RepoTarget, pull: NewPull): Promise<{ link: PullRequestLink; opened: boolean }> {
  try {
    const { data } = await t.client.request("POST /repos/{owner}/{repo}/pulls", {
      owner: t.owner,
      repo: t.name,
      title: pull.title,
      head: pull.branch,
      base: pull.base,
      body: pull.body,
    });
    return { link: { number: data.number, url: data.html_url }, opened: true };
  } catch (error) {
    if (isOutcomeUnknown(error)) {
      let found: PullRequestLink | undefined;
      try {
        found = await findPull(t, pull.branch, "open");
      } catch (read) {
        throw new Unverified(error, read);
      }
      if (!found) throw error;
      return { link: { number: found.number, url: found.url }, opened: true };
    }
    if (!isValidationFailure(error, /already exists/i)) throw error;
    const existing = await findPull(t, pull.branch, "open");
    if (!existing) throw new PublishError(`${t.repo}: GitHub says a PR for ${pull.branch} exists but none is open; check the repository's pull requests and run again`);
    return { link: { number: existing.number, url: existing.url }, opened: false };
  }
}

/**
 * Labels and reviewers from the config. The PR is already usable without them, so a refusal (an unknown reviewer,
 * a label the app may not create) is logged instead of failing the run.
 */
export async function decoratePull(t: RepoTarget, number: number, wanted: { labels: string[]; reviewers: string[] }, log: ProgressLog): Promise<void> {
  const base = { owner: t.owner, repo: t.name };
  if (wanted.labels.length > 0) {
    try {
      await t.client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...base, issue_number: number, labels: wanted.labels });
    } catch (error) {
      log(`${t.repo}#${number}: could not add labels ${wanted.labels.join(", ")} (${(error as Error).message}); check publish.labels`);
    }
  }
  const users = wanted.reviewers.filter((r) => !r.includes("/"));
  // "org/team" names a team, the way CODEOWNERS does.
  const teams = wanted.reviewers.filter((r) => r.includes("/")).map((r) => r.split("/")[1]!);
  if (users.length + teams.length > 0) {
    try {
      await t.client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
        ...base,
        pull_number: number,
        reviewers: users,
        ...(teams.length > 0 ? { team_reviewers: teams } : {}),
      });
    } catch (error) {
      log(`${t.repo}#${number}: could not request reviews from ${wanted.reviewers.join(", ")} (${(error as Error).message}); check publish.reviewers`);
    }
  }
}

/** Posts the comment unless one with the same marker is there already: the answer is that comment's URL. */
export async function commentOnce(t: RepoTarget, number: number, marker: string, body: string): Promise<string> {
  const base = { owner: t.owner, repo: t.name, issue_number: number };
  const { data } = await t.client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...base, per_page: 100 });
  const existing = (data as { body?: string; html_url: string }[]).find((c) => c.body?.includes(marker));
  if (existing) return existing.html_url;
  const created = await t.client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...base, body });
  return created.data.html_url as string;
}
