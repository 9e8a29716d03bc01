// A tiny git object model per repository: blobs hashed the way git hashes them, flat trees, commits and refs.
// Tree and commit ids are sha1s of a canonical JSON form, not of git's binary format: callers only need ids that
// are stable, unique and content-addressed, not interoperable with real git.
import { createHash } from "node:crypto";
import type { GitCommit, RepoRecord, Signature } from "./types.js";

const sha1 = (data: string | Buffer): string => createHash("sha1").update(data).digest("hex");

export function putBlob(repo: RepoRecord, content: Buffer): string {
  const sha = sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
  repo.blobs.set(sha, content);
  return sha;
}

export function putTree(repo: RepoRecord, entries: Map<string, string>): string {
  const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sha = sha1(`tree ${JSON.stringify(sorted)}`);
  if (!repo.trees.has(sha)) repo.trees.set(sha, new Map(sorted));
  return sha;
}

export function putCommit(repo: RepoRecord, commit: Omit<GitCommit, "sha">): GitCommit {
  const { tree, parents, message, author, committer } = commit;
  const sha = sha1(`commit ${JSON.stringify([tree, parents, message, author, committer])}`);
  const stored: GitCommit = { sha, tree, parents, message, author, committer };
  repo.commits.set(sha, stored);
  return stored;
}

/** Resolves a branch name, "HEAD", a full ref or a commit sha to a commit sha. */
export function resolveRevision(repo: RepoRecord, revision: string): string | undefined {
  if (revision === "HEAD") return repo.refs.get(`heads/${repo.defaultBranch}`);
  const ref = revision.replace(/^refs\//, "");
  return (
    repo.refs.get(ref) ??
    repo.refs.get(`heads/${ref}`) ??
    repo.refs.get(`tags/${ref}`) ??
    (repo.commits.has(revision) ? revision : undefined)
  );
}

export function treeOfCommit(repo: RepoRecord, commitSha: string): Map<string, string> {
  const commit = repo.commits.get(commitSha);
  return (commit && repo.trees.get(commit.tree)) ?? new Map();
}

/** Commits reachable from `sha`, children before parents, newest committer date first (as `git log` lists them). */
export function history(repo: RepoRecord, sha: string): GitCommit[] {
  const seen = new Set<string>();
  const out: GitCommit[] = [];
  const queue = [sha];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const commit = repo.commits.get(next);
    if (!commit) continue;
    out.push(commit);
    queue.push(...commit.parents);
  }
  // Stable sort: commits made within the same second keep their topological order.
  return out.sort((a, b) => (a.committer.date < b.committer.date ? 1 : a.committer.date > b.committer.date ? -1 : 0));
}

export function isAncestor(repo: RepoRecord, ancestor: string, of: string): boolean {
  return history(repo, of).some((c) => c.sha === ancestor);
}

export function mergeBase(repo: RepoRecord, a: string, b: string): string | undefined {
  const reachableFromA = new Set(history(repo, a).map((c) => c.sha));
  return history(repo, b).find((c) => reachableFromA.has(c.sha))?.sha;
}

export interface TreeChange {
  path: string;
  status: "added" | "modified" | "removed";
  sha: string;
  additions: number;
  deletions: number;
}

const lineCount = (buf: Buffer | undefined): number =>
  !buf || buf.length === 0
    ? 0
    : buf.toString("utf8").split("\n").length - (buf.toString("utf8").endsWith("\n") ? 1 : 0);

/** Path-level diff; line counts are whole-file (removed lines + added lines), enough for a fake. */
export function diffTrees(repo: RepoRecord, from: Map<string, string>, to: Map<string, string>): TreeChange[] {
  const changes: TreeChange[] = [];
  const paths = [...new Set([...from.keys(), ...to.keys()])].sort();
  for (const path of paths) {
    const before = from.get(path);
    const after = to.get(path);
    if (before === after) continue;
    const additions = lineCount(after ? repo.blobs.get(after) : undefined);
    const deletions = lineCount(before ? repo.blobs.get(before) : undefined);
    if (!before) changes.push({ path, status: "added", sha: after!, additions, deletions: 0 });
    else if (!after) changes.push({ path, status: "removed", sha: before, additions: 0, deletions });
    else changes.push({ path, status: "modified", sha: after, additions, deletions });
  }
  return changes;
}

export const signature = (name: string, email: string, date: string, login: string | null): Signature => ({
  name,
  email,
  date,
  login,
});
