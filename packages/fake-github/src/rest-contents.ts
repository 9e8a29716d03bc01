// Repository contents and history: the contents API (read, create/update with the sha check, delete), commit
// listings and compare.
import { diffTrees, history, mergeBase, treeOfCommit, type TreeChange } from "./git.js";
import { HttpError, notFound, ok, paginate } from "./http.js";
import { repoOf, field, optional, route, type RestContext, type Route } from "./rest-route.js";
import { revisionOf } from "./rest-repos.js";
import { compareExtras, diffEntryExtras, fileExtras } from "./rest-complete.js";
import { restCommitJson } from "./rest-shapes.js";
import type { GitCommit, RepoRecord } from "./types.js";

const API = "https://api.github.com";

function fileJson(repo: RepoRecord, path: string, sha: string, content?: Buffer) {
  const name = path.split("/").at(-1)!;
  return {
    ...fileExtras(repo.fullName, repo.defaultBranch, path, sha),
    type: "file",
    name,
    path,
    sha,
    size: content?.length ?? 0,
    url: `${API}/repos/${repo.fullName}/contents/${path}`,
    html_url: `https://github.com/${repo.fullName}/blob/${repo.defaultBranch}/${path}`,
    git_url: `${API}/repos/${repo.fullName}/git/blobs/${sha}`,
    ...(content ? { encoding: "base64", content: content.toString("base64").replace(/(.{60})/g, "$1\n") } : {}),
  };
}

function getContents(ctx: RestContext) {
  const repo = repoOf(ctx);
  const path = ctx.params.path.replace(/^\/+|\/+$/g, "");
  const tree = treeOfCommit(repo, revisionOf(ctx, ctx.req.query.get("ref")));
  const blob = tree.get(path);
  // Probot's context.config() asks for the raw media type and gets the file's bytes, as from GitHub.
  if (blob && /application\/vnd\.github(?:\.v3)?\.raw/.test(String(ctx.req.headers.accept ?? ""))) {
    return ok(repo.blobs.get(blob)!.toString("utf8"), 200, {
      "content-type": "text/plain; charset=utf-8",
      "x-github-media-type": "github.v3; param=raw",
    });
  }
  if (blob) return ok(fileJson(repo, path, blob, repo.blobs.get(blob)));
  const prefix = path ? `${path}/` : "";
  const below = [...tree.keys()].filter((p) => p.startsWith(prefix));
  if (below.length === 0) throw notFound();
  const names = [...new Set(below.map((p) => p.slice(prefix.length).split("/")[0]))].sort();
  return ok(
    names.map((name) => {
      const sha = tree.get(`${prefix}${name}`);
      return sha
        ? fileJson(repo, `${prefix}${name}`, sha)
        : { ...fileJson(repo, `${prefix}${name}`, ""), type: "dir", sha: null, download_url: null };
    }),
  );
}

function writeContents(ctx: RestContext, remove: boolean) {
  const repo = repoOf(ctx);
  const path = ctx.params.path.replace(/^\/+|\/+$/g, "");
  const message = field(ctx, "message");
  const branch = optional(ctx, "branch") ?? repo.defaultBranch;
  const head = repo.refs.get(`heads/${branch}`);
  if (!head) throw new HttpError(404, `Branch ${branch} not found`);
  const current = treeOfCommit(repo, head).get(path);
  const sha = optional(ctx, "sha");
  if (remove && !current) throw notFound();
  if (current && !sha) throw new HttpError(422, `Invalid request.\n\n"sha" wasn't supplied.`);
  if (current && sha !== current) throw new HttpError(409, `${path} does not match ${sha}`);
  const content = remove ? null : Buffer.from(field(ctx, "content"), "base64");
  const as = (ctx.body.author ?? ctx.body.committer) as { name?: string; email?: string } | undefined;
  const commit = ctx.store.commitFiles(
    repo.fullName,
    branch,
    { [path]: content },
    message,
    ctx.who,
    as?.name && as.email ? { name: as.name, email: as.email } : undefined,
  );
  const blob = treeOfCommit(repo, commit.sha).get(path);
  const commitJson = restCommitJson(ctx.store, repo, commit);
  return ok(
    {
      content: blob ? fileJson(repo, path, blob) : null,
      commit: {
        ...commitJson.commit,
        sha: commit.sha,
        node_id: commitJson.node_id,
        html_url: commitJson.html_url,
        parents: commitJson.parents,
      },
    },
    current || remove ? 200 : 201,
  );
}

const fileChangeJson = (repo: RepoRecord, ref: string) => (c: TreeChange) => ({
  ...diffEntryExtras(repo.fullName, ref, c.path),
  sha: c.sha,
  filename: c.path,
  status: c.status,
  additions: c.additions,
  deletions: c.deletions,
  changes: c.additions + c.deletions,
});

function changesOf(repo: RepoRecord, commit: GitCommit): TreeChange[] {
  const parent = commit.parents[0];
  return diffTrees(repo, parent ? treeOfCommit(repo, parent) : new Map(), treeOfCommit(repo, commit.sha));
}

function compare(ctx: RestContext) {
  const repo = repoOf(ctx);
  const match = /^(.+?)\.\.\.?(.+)$/.exec(ctx.params.basehead);
  if (!match) throw notFound();
  const base = revisionOf(ctx, match[1]);
  const head = revisionOf(ctx, match[2]);
  const fromBase = new Set(history(repo, base).map((c) => c.sha));
  const fromHead = new Set(history(repo, head).map((c) => c.sha));
  const ahead = history(repo, head)
    .filter((c) => !fromBase.has(c.sha))
    .reverse();
  const behind = history(repo, base).filter((c) => !fromHead.has(c.sha));
  const mergeBaseSha = mergeBase(repo, base, head);
  const status =
    base === head ? "identical" : behind.length === 0 ? "ahead" : ahead.length === 0 ? "behind" : "diverged";
  return ok({
    ...compareExtras(repo.fullName, ctx.params.basehead),
    status,
    ahead_by: ahead.length,
    behind_by: behind.length,
    total_commits: ahead.length,
    base_commit: restCommitJson(ctx.store, repo, repo.commits.get(base)!),
    merge_base_commit: mergeBaseSha ? restCommitJson(ctx.store, repo, repo.commits.get(mergeBaseSha)!) : null,
    commits: ahead.map((c) => restCommitJson(ctx.store, repo, c)),
    files: diffTrees(repo, mergeBaseSha ? treeOfCommit(repo, mergeBaseSha) : new Map(), treeOfCommit(repo, head)).map(
      fileChangeJson(repo, head),
    ),
  });
}

export const contentRoutes: Route[] = [
  route("GET", "/repos/{owner}/{repo}/contents", getContents),
  route("GET", "/repos/{owner}/{repo}/contents/{+path}", getContents),
  route("PUT", "/repos/{owner}/{repo}/contents/{+path}", (ctx) => writeContents(ctx, false)),
  route("DELETE", "/repos/{owner}/{repo}/contents/{+path}", (ctx) => writeContents(ctx, true)),
  route("GET", "/repos/{owner}/{repo}/commits", (ctx) => {
    const repo = repoOf(ctx);
    const path = ctx.req.query.get("path");
    const commits = history(repo, revisionOf(ctx, ctx.req.query.get("sha"))).filter(
      (c) => !path || changesOf(repo, c).some((f) => f.path === path || f.path.startsWith(`${path}/`)),
    );
    const { page, headers } = paginate(ctx.req.url, commits);
    return ok(
      page.map((c) => restCommitJson(ctx.store, repo, c)),
      200,
      headers,
    );
  }),
  route("GET", "/repos/{owner}/{repo}/commits/{ref}", (ctx) => {
    const repo = repoOf(ctx);
    const commit = repo.commits.get(revisionOf(ctx, ctx.params.ref))!;
    const files = changesOf(repo, commit).map(fileChangeJson(repo, commit.sha));
    const additions = files.reduce((n, f) => n + f.additions, 0);
    const deletions = files.reduce((n, f) => n + f.deletions, 0);
    return ok({
      ...restCommitJson(ctx.store, repo, commit),
      stats: { additions, deletions, total: additions + deletions },
      files,
    });
  }),
  route("GET", "/repos/{owner}/{repo}/compare/{+basehead}", compare),
];
