// The commits and files of a pull request. Dataset PRs carry them as recorded; PRs opened through the API have
// none recorded, so they are derived from the git graph (head commits not on base, diffed from the merge base),
// which keeps them right after further pushes to the head branch.
import { diffTrees, history, mergeBase, resolveRevision, treeOfCommit } from "./git.js";
import type { FakeStore } from "./store.js";
import type { ChangedFile, PullCommit, PullRecord } from "./types.js";

function refs(
  store: FakeStore,
  pull: PullRecord,
): { head?: string; base?: string; repo?: ReturnType<FakeStore["getRepo"]> } {
  const repo = store.getRepo(pull.repo);
  if (!repo) return {};
  return {
    repo,
    head: resolveRevision(repo, `heads/${pull.headRef}`),
    base: resolveRevision(repo, `heads/${pull.baseRef}`),
  };
}

/** Oldest first, as GitHub lists a PR's commits. */
export function pullCommits(store: FakeStore, pull: PullRecord): PullCommit[] {
  if (pull.commits) return pull.commits;
  const { repo, head, base } = refs(store, pull);
  if (!repo || !head) return [];
  const onBase = new Set(base ? history(repo, base).map((c) => c.sha) : []);
  return history(repo, head)
    .filter((c) => !onBase.has(c.sha))
    .reverse()
    .map((c) => ({
      sha: c.sha,
      message: c.message,
      author: c.author,
      coAuthors: coAuthorsOf(store, c.message, c.author.date),
    }));
}

export function pullFiles(store: FakeStore, pull: PullRecord): ChangedFile[] {
  if (pull.files) return pull.files;
  const { repo, head, base } = refs(store, pull);
  if (!repo || !head) return [];
  const from = base ? mergeBase(repo, base, head) : undefined;
  return diffTrees(repo, from ? treeOfCommit(repo, from) : new Map(), treeOfCommit(repo, head)).map((c) => ({
    path: c.path,
    additions: c.additions,
    deletions: c.deletions,
    status: c.status,
  }));
}

/** Co-authored-by trailers of a commit message, resolved through the store's email map. */
export function coAuthorsOf(store: FakeStore, message: string, date: string): PullCommit["coAuthors"] {
  return [...message.matchAll(/^Co-authored-by:\s*(.+?)\s*<([^>]+)>\s*$/gim)].map((m) => ({
    name: m[1]!,
    email: m[2]!,
    date,
    login: store.loginForEmail(m[2]!),
  }));
}
