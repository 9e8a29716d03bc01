// The git data API calls publishing needs: read a branch, write one file as a commit, create or move a branch
// without ever forcing it. A ref write whose outcome is unknown (a 5xx, a lost answer) is settled by reading the ref
// back: pointing at our commit, it happened.
import type { GitHubClient } from "../github/client.js";
import type { CreatedCommit, CreatedTree, GitCommit, GitRef, Repository, WrittenFile } from "../github/rest-types.js";
import { readRepositoryFile } from "../github/files.js";
import type { RepoName } from "../model.js";
import { isNotFound, isOutcomeUnknown, isValidationFailure, statusOf } from "../github/errors.js";
import { BranchMoved, Unverified } from "./errors.js";

export interface RepoTarget {
  client: GitHubClient;
  repo: RepoName;
  owner: string;
  name: string;
}

export function target(client: GitHubClient, repo: RepoName): RepoTarget {
  const [owner, name] = repo.split("/") as [string, string];
  return { client, repo, owner, name };
}

export async function defaultBranch(t: RepoTarget): Promise<string> {
  const { data } = await t.client.request<Repository>("GET /repos/{owner}/{repo}", { owner: t.owner, repo: t.name });
  return data.default_branch;
}

/** The commit a branch points at, or undefined when there is no such branch. */
export async function branchHead(t: RepoTarget, branch: string): Promise<string | undefined> {
  try {
    const { data } = await t.client.request<GitRef>("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner: t.owner,
      repo: t.name,
      ref: `heads/${branch}`,
    });
    return data.object.sha;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function treeOf(t: RepoTarget, commit: string): Promise<string> {
  const { data } = await t.client.request<GitCommit>("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
    owner: t.owner,
    repo: t.name,
    commit_sha: commit,
  });
  return data.tree.sha;
}

export function readFileAt(t: RepoTarget, path: string, commit: string): Promise<string | undefined> {
  return readRepositoryFile(t.client, t.repo, path, commit);
}

export interface FileCommit {
  path: string;
  text: string;
  message: string;
  parents: string[];
  /** The tree the file is written into (the first parent's, usually). */
  baseTree: string;
}

/**
 * Tree, commit: the new commit's sha. No author is given, so the commit is the app's own. The tree entry carries the
 * file's `content`, which GitHub writes out as a blob itself ("Create a tree", docs.github.com/rest/git/trees:
 * "tree.content ... GitHub will write this blob out and use that SHA for this entry"): no separate blob write.
 */
export async function commitFile(t: RepoTarget, commit: FileCommit): Promise<string> {
  const base = { owner: t.owner, repo: t.name };
  const tree = await t.client.request<CreatedTree>("POST /repos/{owner}/{repo}/git/trees", {
    ...base,
    base_tree: commit.baseTree,
    tree: [{ path: commit.path, mode: "100644", type: "blob", content: commit.text }],
  });
  return commitTree(t, { message: commit.message, tree: tree.data.sha, parents: commit.parents });
}

/** A commit of an existing tree (a merge that changes nothing records which draft it took in): its sha. */
export async function commitTree(
  t: RepoTarget,
  commit: { message: string; tree: string; parents: string[] },
): Promise<string> {
  const created = await t.client.request<CreatedCommit>("POST /repos/{owner}/{repo}/git/commits", {
    owner: t.owner,
    repo: t.name,
    ...commit,
  });
  return created.data.sha;
}

export interface NewFile {
  branch: string;
  path: string;
  text: string;
  message: string;
}

/**
 * Adds a file that is not on the branch yet as one commit on top of its head, in one write: "Create or update file
 * contents" (docs.github.com/rest/repos/contents). Without `sha` GitHub refuses (422) if the file exists meanwhile;
 * without `author`/`committer` both are the authenticated app, as history.ts's isHuman expects, and the message
 * carries the draft trailer. A 5xx or lost answer is settled by reading the branch back. Undefined: not written.
 */
export async function addFile(t: RepoTarget, file: NewFile, start: string): Promise<string | undefined> {
  try {
    const { data } = await t.client.request<WrittenFile>("PUT /repos/{owner}/{repo}/contents/{path}", {
      owner: t.owner,
      repo: t.name,
      path: file.path,
      branch: file.branch,
      message: file.message,
      content: Buffer.from(file.text, "utf8").toString("base64"),
    });
    return data.commit.sha;
  } catch (error) {
    // The file appeared (another run wrote it) or the branch went: somebody else is publishing this period.
    if (isValidationFailure(error) || statusOf(error) === 409 || isNotFound(error))
      throw new BranchMoved(`${t.repo}: ${file.branch} was written meanwhile`);
    if (!isOutcomeUnknown(error)) throw error;
    const head = await readBack(t, file.branch, error);
    if (head === start) return undefined;
    if (
      head !== undefined &&
      (await readFileAt(t, file.path, head).catch((read: unknown) => {
        throw new Unverified(error, read);
      })) === file.text
    )
      return head;
    throw new BranchMoved(`${t.repo}: ${file.branch} was written meanwhile`);
  }
}

/** The branch's head after a write of unknown outcome; Unverified when it cannot be read either. */
async function readBack(t: RepoTarget, branch: string, write: unknown): Promise<string | undefined> {
  try {
    return await branchHead(t, branch);
  } catch (read) {
    throw new Unverified(write, read);
  }
}

/**
 * Creates the branch; BranchMoved when another run created it first. When GitHub's answer is a 5xx or lost, the
 * branch pointing at `sha` means it was created; pointing elsewhere, another run created it.
 */
export async function createBranch(t: RepoTarget, branch: string, sha: string): Promise<void> {
  try {
    await t.client.request("POST /repos/{owner}/{repo}/git/refs", {
      owner: t.owner,
      repo: t.name,
      ref: `refs/heads/${branch}`,
      sha,
    });
  } catch (error) {
    if (isValidationFailure(error, /already exists/i))
      throw new BranchMoved(`${t.repo}: ${branch} was created meanwhile`);
    if (!isOutcomeUnknown(error)) throw error;
    const head = await readBack(t, branch, error);
    if (head === sha) return;
    if (head !== undefined) throw new BranchMoved(`${t.repo}: ${branch} was created meanwhile`);
    throw error;
  }
}

/** Fast-forwards the branch; BranchMoved when somebody pushed meanwhile (GitHub refuses a non-fast-forward). */
export async function moveBranch(t: RepoTarget, branch: string, sha: string): Promise<void> {
  try {
    await t.client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      owner: t.owner,
      repo: t.name,
      ref: `heads/${branch}`,
      sha,
      force: false,
    });
  } catch (error) {
    if (isValidationFailure(error)) throw new BranchMoved(`${t.repo}: ${branch} moved meanwhile`);
    if (isOutcomeUnknown(error) && (await readBack(t, branch, error)) === sha) return;
    throw error;
  }
}

/**
 * Deletes the branch this run created at `sha`. A DELETE of unknown outcome is settled by reading the ref, and sent
 * once more while the branch still points at `sha`; a branch somebody moved meanwhile is theirs and stays.
 */
export async function deleteOwnBranch(t: RepoTarget, branch: string, sha: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await t.client.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
        owner: t.owner,
        repo: t.name,
        ref: `heads/${branch}`,
      });
      return;
    } catch (error) {
      if (isValidationFailure(error, /does not exist/i)) return;
      if (!isOutcomeUnknown(error)) throw error;
      const head = await readBack(t, branch, error);
      if (head === undefined) return;
      if (head !== sha)
        throw new Error(`${branch} moved to ${head.slice(0, 7)} meanwhile, so it was kept`, { cause: error });
      if (attempt >= 2) throw error;
    }
  }
}
