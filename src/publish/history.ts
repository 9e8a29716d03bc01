// What happened on a report branch since it left the default branch: whose commits are there, and which one holds
// the draft the app generated last (the base of a three-way merge).
import type { Comparison } from "../github/rest-types.js";
import type { RepoTarget } from "./git.js";
import { PublishError } from "./errors.js";

export interface BranchCommit {
  sha: string;
  tree: string;
  message: string;
  parents: string[];
  authorLogin?: string;
  committerLogin?: string;
}

/** Marks the commits whose file is exactly a generated draft (not a merge with edits, not a footer refresh). */
export const DRAFT_TRAILER = "Devreport-Draft:";

export async function branchCommits(
  t: RepoTarget,
  base: string,
  head: string,
  branch: string,
): Promise<BranchCommit[]> {
  const { data } = await t.client.request<Comparison>("GET /repos/{owner}/{repo}/compare/{basehead}", {
    owner: t.owner,
    repo: t.name,
    basehead: `${base}...${head}`,
  });
  const commits = data.commits ?? [];
  if (typeof data.total_commits === "number" && data.total_commits > commits.length) {
    throw new PublishError(
      `${t.repo}: ${branch} has ${data.total_commits} commits beyond ${base}, too many to check for edits; squash them or delete the branch`,
    );
  }
  return commits.map((c) => ({
    sha: c.sha,
    tree: c.commit.tree.sha,
    message: c.commit.message,
    parents: (c.parents ?? []).map((p) => p.sha),
    authorLogin: c.author?.login,
    committerLogin: c.committer?.login,
  }));
}

/**
 * Renovate's rule: anyone but the app as author or committer makes the branch human-edited, and so does a commit
 * GitHub cannot tie to an account. GitHub itself ("web-flow") commits web edits and signed API commits on someone's
 * behalf, so as committer it says nothing; the author tells.
 */
export function isHuman(commit: BranchCommit, appLogin: string): boolean {
  const app = appLogin.toLowerCase();
  const author = commit.authorLogin?.toLowerCase();
  const committer = commit.committerLogin?.toLowerCase();
  return author !== app || (committer !== app && committer !== "web-flow");
}

/** The app's newest draft commit: one no other draft commit on the branch descends from. */
export function latestDraft(commits: BranchCommit[], appLogin: string): BranchCommit | undefined {
  const drafts = commits.filter((c) => isDraftCommit(c, appLogin));
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const descendsFrom = (commit: BranchCommit, ancestor: string): boolean => {
    const seen = new Set<string>();
    const queue = [...commit.parents];
    while (queue.length > 0) {
      const sha = queue.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(bySha.get(sha)?.parents ?? []));
    }
    return false;
  };
  const tips = drafts.filter((d) => !drafts.some((other) => other !== d && descendsFrom(other, d.sha)));
  return tips.at(-1);
}

/** A draft the app committed: by the app alone, carrying the draft trailer. */
export function isDraftCommit(commit: BranchCommit, appLogin: string): boolean {
  return !isHuman(commit, appLogin) && commit.message.split("\n").some((line) => line.startsWith(DRAFT_TRAILER));
}

/**
 * The branch's first own commits: those none of whose parents is on the branch (one, unless the default branch was
 * merged in before the first draft). A branch the app created starts with an app draft; every later commit (the
 * app's, or a maintainer's edit) is then on top of that draft.
 */
export function firstOwnCommits(commits: BranchCommit[]): BranchCommit[] {
  const own = new Set(commits.map((c) => c.sha));
  return commits.filter((c) => !c.parents.some((p) => own.has(p)));
}
