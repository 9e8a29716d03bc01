// GitHub's REST JSON shapes for the store's records (the subset of fields that clients commonly read).
import { createHash } from "node:crypto";
import { nodeId } from "./node-id.js";
import { commitExtras, issueExtras, pullExtras, reactionsExtras, repoExtras, userExtras } from "./rest-complete.js";
import { pullCommits } from "./pull-contents.js";
import { resolveRevision } from "./git.js";
import type { FakeStore } from "./store.js";
import type { Account, Comment, GitCommit, Item, PullRecord, RepoRecord, Signature } from "./types.js";

const API = "https://api.github.com";
const WEB = "https://github.com";

/** REST keeps the "[bot]" suffix on bot logins (GraphQL drops it). */
export const userJson = (store: FakeStore, who: Account) => ({
  ...userExtras(who.login),
  login: who.login,
  id: store.userId(who.login),
  node_id: nodeId(who.type === "Bot" ? "BOT" : "U", who.login),
  type: who.type,
  site_admin: false,
  html_url: who.type === "Bot" ? `${WEB}/apps/${who.login.replace(/\[bot\]$/, "")}` : `${WEB}/${who.login}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${store.userId(who.login)}?v=4`,
});

export const repoJson = (store: FakeStore, repo: RepoRecord) => ({
  ...repoExtras(repo.fullName),
  id: repo.id,
  node_id: nodeId("R", repo.fullName),
  name: repo.name,
  full_name: repo.fullName,
  private: repo.private,
  visibility: repo.private ? "private" : "public",
  owner: { ...userJson(store, store.account(repo.owner)), type: "Organization" },
  html_url: `${WEB}/${repo.fullName}`,
  url: `${API}/repos/${repo.fullName}`,
  default_branch: repo.defaultBranch,
  fork: false,
  archived: false,
  disabled: false,
});

export const labelJson = (repo: string, name: string) => ({
  id: Math.abs([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7)),
  node_id: nodeId("R", `${repo}:label:${name}`),
  url: `${API}/repos/${repo}/labels/${encodeURIComponent(name)}`,
  name,
  color: "ededed",
  default: false,
  description: null,
});

export function issueJson(store: FakeStore, item: Item) {
  const path = item.kind === "pull" ? "pull" : "issues";
  return {
    ...issueExtras(item.repo, item.number),
    id: item.id,
    node_id: nodeId(item.kind === "pull" ? "PR" : "I", `${item.repo}#${item.number}`),
    url: `${API}/repos/${item.repo}/issues/${item.number}`,
    html_url: `${WEB}/${item.repo}/${path}/${item.number}`,
    number: item.number,
    state: item.state,
    state_reason: item.kind === "issue" ? (item.stateReason?.toLowerCase() ?? null) : null,
    title: item.title,
    body: item.body || null,
    user: item.author ? userJson(store, item.author) : null,
    labels: item.labels.map((l) => labelJson(item.repo, l)),
    locked: false,
    comments: store.commentsOn(item.repo, item.number).length,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    closed_at: item.closedAt,
    author_association: "CONTRIBUTOR",
    ...(item.kind === "pull"
      ? {
          pull_request: {
            url: `${API}/repos/${item.repo}/pulls/${item.number}`,
            html_url: `${WEB}/${item.repo}/pull/${item.number}`,
            merged_at: item.mergedAt,
          },
        }
      : {}),
  };
}

const standInSha = (key: string): string => createHash("sha1").update(key).digest("hex");

function branchJson(store: FakeStore, pull: PullRecord, owner: string, ref: string) {
  const repo = store.getRepo(pull.repo)!;
  // GitHub always names the tip; a branch the fake does not hold (a fork's, a deleted one) gets a stable stand-in.
  return {
    label: `${owner}:${ref}`,
    ref,
    sha: resolveRevision(repo, `heads/${ref}`) ?? standInSha(`${pull.repo}#${pull.number}:${ref}`),
    user: userJson(store, store.account(owner)),
    repo: repoJson(store, repo),
  };
}

export function pullJson(store: FakeStore, pull: PullRecord) {
  const issue = issueJson(store, pull);
  const head = branchJson(store, pull, pull.headOwner, pull.headRef);
  return {
    ...pullExtras(pull.repo, pull.number, head.sha),
    ...issue,
    url: `${API}/repos/${pull.repo}/pulls/${pull.number}`,
    html_url: `${WEB}/${pull.repo}/pull/${pull.number}`,
    issue_url: issue.url,
    pull_request: undefined,
    state_reason: undefined,
    merged_at: pull.mergedAt,
    merged: pull.merged,
    // pull-request's labels declare description a string (issue labels allow null): "" where there is none.
    labels: issue.labels.map((l) => ({ ...l, description: l.description ?? "" })),
    draft: pull.draft,
    head,
    base: branchJson(store, pull, store.getRepo(pull.repo)!.owner, pull.baseRef),
    requested_reviewers: pull.requestedReviewers.map((login) => userJson(store, store.account(login))),
    commits: pullCommits(store, pull).length,
  };
}

const sig = (s: Signature) => ({ name: s.name, email: s.email, date: s.date });

/** The git-data shape (`/git/commits`). */
export const gitCommitJson = (repo: RepoRecord, c: GitCommit) => ({
  sha: c.sha,
  node_id: `C_${c.sha}`,
  url: `${API}/repos/${repo.fullName}/git/commits/${c.sha}`,
  html_url: `${WEB}/${repo.fullName}/commit/${c.sha}`,
  author: sig(c.author),
  committer: sig(c.committer),
  message: c.message,
  tree: { sha: c.tree, url: `${API}/repos/${repo.fullName}/git/trees/${c.tree}` },
  parents: c.parents.map((p) => ({
    sha: p,
    url: `${API}/repos/${repo.fullName}/git/commits/${p}`,
    html_url: `${WEB}/${repo.fullName}/commit/${p}`,
  })),
  verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
});

/** The repository-commit shape (`/commits`, `/compare`): git data plus the GitHub accounts behind the emails. */
export const restCommitJson = (store: FakeStore, repo: RepoRecord, c: GitCommit) => {
  const git = gitCommitJson(repo, c);
  const account = (s: Signature) => (s.login ? userJson(store, store.account(s.login)) : null);
  return {
    ...commitExtras(repo.fullName, c.sha),
    sha: c.sha,
    node_id: git.node_id,
    url: `${API}/repos/${repo.fullName}/commits/${c.sha}`,
    html_url: git.html_url,
    commit: {
      url: git.url,
      author: git.author,
      committer: git.committer,
      message: c.message,
      tree: git.tree,
      comment_count: 0,
      verification: git.verification,
    },
    author: account(c.author),
    committer: account(c.committer),
    parents: git.parents,
  };
};

export const commentJson = (store: FakeStore, c: Comment) => ({
  id: c.id,
  node_id: nodeId("IC", String(c.id)),
  url: `${API}/repos/${c.repo}/issues/comments/${c.id}`,
  html_url: `${WEB}/${c.repo}/issues/${c.issueNumber}#issuecomment-${c.id}`,
  issue_url: `${API}/repos/${c.repo}/issues/${c.issueNumber}`,
  body: c.body,
  user: userJson(store, c.user),
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  author_association: "NONE",
  reactions: { ...reactionsExtras(c.repo, c.id, c.reactions), total_count: c.reactions.length },
});
