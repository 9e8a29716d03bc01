// Which branch the app may write: only one it created. Never the default branch, never a protected branch, never
// a branch somebody else started: a `publish.branch` naming an existing branch must not hand that branch to the app.
import { isNotFound } from "../github/errors.js";
import type { Branch } from "../github/rest-types.js";
import { PublishError } from "./errors.js";
import type { RepoTarget } from "./git.js";
import { firstOwnCommits, isDraftCommit, type BranchCommit } from "./history.js";

const OWN_BRANCH =
  "set publish.branch in .github/devreport.yml to a branch only the app writes (the default is devreport/{{id}})";

/** The template rendered to the default branch's name: refused before anything is read or written. */
export function refuseDefaultBranch(repo: string, template: string, branch: string, base: string): void {
  if (branch.toLowerCase() !== base.toLowerCase()) return;
  throw new PublishError(
    `${repo}: publish.branch "${template}" gives "${branch}", the default branch, and the app writes only to a branch it creates; ${OWN_BRANCH}`,
  );
}

/**
 * The app's branch: its first own commit (not on the default branch) is an app draft, so every other commit is the
 * app's or an edit on top of a draft. A branch with no commits of its own the app did not just create (it may be
 * anybody's) is not the app's either.
 */
export function refuseForeignBranch(
  t: RepoTarget,
  branch: string,
  base: string,
  commits: BranchCommit[],
  appLogin: string,
): void {
  if (commits.length === 0) {
    throw new PublishError(
      `${t.repo}: ${branch} exists but has no commits beyond ${base}, so devreport did not draft on it and will not take it over; delete ${branch} if it is a leftover, or ${OWN_BRANCH}`,
    );
  }
  const foreign = firstOwnCommits(commits).find((c) => !isDraftCommit(c, appLogin));
  if (foreign) {
    throw new PublishError(
      `${t.repo}: ${branch} was not started by devreport (its first commit ${foreign.sha.slice(0, 7)} is not a draft by ${appLogin}), so it is left alone; ${OWN_BRANCH}`,
    );
  }
}

/** GitHub's branch protection (GET /repos/{owner}/{repo}/branches/{branch}: `protected`): asked before a write. */
export async function refuseProtected(t: RepoTarget, branch: string): Promise<void> {
  let isProtected = false;
  try {
    const { data } = await t.client.request<Branch>("GET /repos/{owner}/{repo}/branches/{branch}", {
      owner: t.owner,
      repo: t.name,
      branch,
    });
    isProtected = data.protected === true;
  } catch (error) {
    // Gone meanwhile: the write that follows finds out and the caller decides again.
    if (!isNotFound(error)) throw error;
  }
  if (isProtected) {
    throw new PublishError(
      `${t.repo}: ${branch} is a protected branch, and the app writes only to an unprotected branch it created; remove the protection from ${branch} or ${OWN_BRANCH}`,
    );
  }
}
