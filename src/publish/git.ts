// The git data API calls publishing needs: read a branch, write one file as a commit, create or move a branch
// without ever forcing it. A ref or contents write whose outcome is unknown (a 5xx, a lost answer) is settled by
// reading the ref back: pointing at our commit, it happened; where it was before, it did not, and it is sent once
// more (write-once-more.ts). Trees and commits are content-addressed: sent once more without reading back.
import type { GitHubClient } from "../github/client.js";
import type { CreatedCommit, CreatedTree, GitCommit, GitRef, Repository, WrittenFile } from "../github/rest-types.js";
import { readRepositoryFile } from "../github/files.js";
import type { RepoName } from "../model.js";
import { isNotFound, isValidationFailure, statusOf } from "../github/errors.js";
import { BranchMoved, Unverified } from "./errors.js";
import { repeatOnce, writeOnceMore } from "./write-once-more.js";

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
 * Both are safe to send twice (write-once-more.ts repeatOnce): nothing refers to them until the branch moves.
 */
export async function commitFile(t: RepoTarget, commit: FileCommit): Promise<string> {
  const base = { owner: t.owner, repo: t.name };
  const tree = await repeatOnce(() =>
    t.client.request<CreatedTree>("POST /repos/{owner}/{repo}/git/trees", {
      ...base,
      base_tree: commit.baseTree,
      tree: [{ path: commit.path, mode: "100644", type: "blob", content: commit.text }],
    }),
  );
  return commitTree(t, { message: commit.message, tree: tree.data.sha, parents: commit.parents });
}

/** A commit of an existing tree (a merge that changes nothing records which draft it took in): its sha. */
export async function commitTree(
  t: RepoTarget,
  commit: { message: string; tree: string; parents: string[] },
): Promise<string> {
  const created = await repeatOnce(() =>
    t.client.request<CreatedCommit>("POST /repos/{owner}/{repo}/git/commits", {
      owner: t.owner,
      repo: t.name,
      ...commit,
    }),
  );
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
 * carries the draft trailer. A 5xx or lost answer is settled by reading the branch back: still at `start`, the PUT
 * is sent once more. The answer is the new commit's sha.
 */
export async function addFile(t: RepoTarget, file: NewFile, start: string): Promise<string> {
  const moved = () => new BranchMoved(`${t.repo}: ${file.branch} was written meanwhile`);
  return writeOnceMore({
    send: async () => {
      const { data } = await t.client.request<WrittenFile>("PUT /repos/{owner}/{repo}/contents/{path}", {
        owner: t.owner,
        repo: t.name,
        path: file.path,
        branch: file.branch,
        message: file.message,
        content: Buffer.from(file.text, "utf8").toString("base64"),
      });
      return data.commit.sha as string;
    },
    readBack: async (error) => {
      const head = await readBack(t, file.branch, error);
      if (head === start) return undefined;
      if (head !== undefined && (await readBackFile(t, file.path, head, error)) === file.text) return { done: head };
      throw moved();
    },
    // The file appeared (another run wrote it) or the branch went: somebody else is publishing this period.
    isRefusal: (error) => isValidationFailure(error) || statusOf(error) === 409 || isNotFound(error),
    refused: () => Promise.reject(moved()),
  });
}

/** The branch's head after a write of unknown outcome; Unverified when it cannot be read either. */
async function readBack(t: RepoTarget, branch: string, write: unknown): Promise<string | undefined> {
  try {
    return await branchHead(t, branch);
  } catch (read) {
    throw new Unverified(write, read);
  }
}

async function readBackFile(t: RepoTarget, path: string, commit: string, write: unknown): Promise<string | undefined> {
  try {
    return await readFileAt(t, path, commit);
  } catch (read) {
    throw new Unverified(write, read);
  }
}

/**
 * Creates the branch; BranchMoved when another run created it first. When GitHub's answer is a 5xx or lost, the
 * branch pointing at `sha` means it was created, pointing elsewhere that another run created it, and no branch that
 * it was not: the POST is sent once more.
 */
export async function createBranch(t: RepoTarget, branch: string, sha: string): Promise<void> {
  const moved = () => new BranchMoved(`${t.repo}: ${branch} was created meanwhile`);
  await writeOnceMore({
    send: async () => {
      await t.client.request("POST /repos/{owner}/{repo}/git/refs", {
        owner: t.owner,
        repo: t.name,
        ref: `refs/heads/${branch}`,
        sha,
      });
    },
    readBack: async (error) => {
      const head = await readBack(t, branch, error);
      if (head === sha) return { done: undefined };
      if (head !== undefined) throw moved();
      return undefined;
    },
    isRefusal: (error) => isValidationFailure(error, /already exists/i),
    refused: () => Promise.reject(moved()),
  });
}

/**
 * Fast-forwards the branch from `from` to `sha`; BranchMoved when somebody pushed meanwhile (GitHub refuses a
 * non-fast-forward with 422). After a 5xx or lost answer the branch at `sha` means it moved, still at `from` that
 * it did not (the PATCH is sent once more), anywhere else that somebody pushed.
 */
export async function moveBranch(t: RepoTarget, branch: string, sha: string, from: string): Promise<void> {
  const moved = () => new BranchMoved(`${t.repo}: ${branch} moved meanwhile`);
  await writeOnceMore({
    send: async () => {
      await t.client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        owner: t.owner,
        repo: t.name,
        ref: `heads/${branch}`,
        sha,
        force: false,
      });
    },
    readBack: async (error) => {
      const head = await readBack(t, branch, error);
      if (head === sha) return { done: undefined };
      if (head === from) return undefined;
      throw moved();
    },
    isRefusal: (error) => isValidationFailure(error),
    refused: () => Promise.reject(moved()),
  });
}

/**
 * Deletes the branch this run created at `sha`. A DELETE of unknown outcome is settled by reading the ref, and sent
 * once more while the branch still points at `sha`; a branch somebody moved meanwhile is theirs and stays.
 */
export async function deleteOwnBranch(t: RepoTarget, branch: string, sha: string): Promise<void> {
  await writeOnceMore({
    send: async () => {
      await t.client.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
        owner: t.owner,
        repo: t.name,
        ref: `heads/${branch}`,
      });
    },
    readBack: async (error) => {
      const head = await readBack(t, branch, error);
      if (head === undefined) return { done: undefined };
      if (head !== sha)
        throw new Error(`${branch} moved to ${head.slice(0, 7)} meanwhile, so it was kept`, { cause: error });
      return undefined;
    },
    // Gone already: what the DELETE was for.
    isRefusal: (error) => isValidationFailure(error, /does not exist/i),
    refused: async () => {},
  });
}
