// The git data API: refs (with the fast-forward rule), commits, flat trees, blobs. Flat trees are presented to
// clients as git's nested trees: directory entries get a synthesized tree object so they can be fetched back.
import { isAncestor, putBlob, putCommit, putTree, resolveRevision } from "./git.js";
import { HttpError, notFound, ok } from "./http.js";
import { field, repoOf, route, type RestContext, type Route } from "./rest-route.js";
import { gitCommitJson } from "./rest-shapes.js";
import type { RepoRecord } from "./types.js";

const API = "https://api.github.com";

const refJson = (repo: RepoRecord, ref: string, sha: string) => ({
  ref: `refs/${ref}`,
  node_id: `REF_${Buffer.from(`${repo.fullName}:${ref}`).toString("base64url")}`,
  url: `${API}/repos/${repo.fullName}/git/refs/${ref}`,
  object: { sha, type: "commit", url: `${API}/repos/${repo.fullName}/git/commits/${sha}` },
});

const refName = (ref: string): string => ref.replace(/^refs\//, "");

function existingRef(ctx: RestContext): { repo: RepoRecord; ref: string; sha: string } {
  const repo = repoOf(ctx);
  const ref = refName(ctx.params.ref);
  const sha = repo.refs.get(ref);
  if (!sha) throw new HttpError(422, "Reference does not exist");
  return { repo, ref, sha };
}

function commitSha(repo: RepoRecord, sha: unknown): string {
  if (typeof sha !== "string" || !repo.commits.has(sha)) throw new HttpError(422, "Object does not exist");
  return sha;
}

/** The entries of `tree` one level below `prefix`, directories as nested tree objects. */
function treeEntries(repo: RepoRecord, tree: Map<string, string>, recursive: boolean) {
  const dirs = new Set<string>();
  for (const path of tree.keys()) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  const subtree = (dir: string) =>
    putTree(
      repo,
      new Map([...tree].filter(([p]) => p.startsWith(`${dir}/`)).map(([p, s]) => [p.slice(dir.length + 1), s])),
    );
  const entries = [
    ...[...dirs].map((path) => ({
      path,
      mode: "040000",
      type: "tree",
      sha: subtree(path),
      url: `${API}/repos/${repo.fullName}/git/trees/${subtree(path)}`,
    })),
    ...[...tree].map(([path, sha]) => ({
      path,
      mode: "100644",
      type: "blob",
      sha,
      size: repo.blobs.get(sha)?.length ?? 0,
      url: `${API}/repos/${repo.fullName}/git/blobs/${sha}`,
    })),
  ].filter((e) => recursive || !e.path.includes("/"));
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** GitHub closes the open PRs whose head branch is deleted (they can be reopened once the branch is restored). */
function closePullsFrom(ctx: RestContext, repo: RepoRecord, branch: string): void {
  const now = ctx.store.now();
  for (const pull of ctx.store.pullsOf(repo.fullName)) {
    if (pull.state !== "open" || pull.headRef !== branch || pull.headOwner.toLowerCase() !== repo.owner.toLowerCase())
      continue;
    pull.state = "closed";
    pull.closedAt = now;
    pull.updatedAt = now;
  }
}

interface TreeInput {
  path?: unknown;
  mode?: unknown;
  type?: unknown;
  sha?: unknown;
  content?: unknown;
}

function createTree(ctx: RestContext) {
  const repo = repoOf(ctx);
  const base = ctx.body.base_tree;
  if (base !== undefined && base !== null && (typeof base !== "string" || !repo.trees.has(base))) {
    throw new HttpError(422, "Invalid tree info", { errors: ["base_tree is not a valid tree oid"] });
  }
  if (!Array.isArray(ctx.body.tree)) throw new HttpError(422, `Invalid request.\n\n"tree" wasn't supplied.`);
  const tree = new Map(typeof base === "string" ? repo.trees.get(base) : []);
  for (const entry of ctx.body.tree as TreeInput[]) {
    if (typeof entry.path !== "string" || !entry.path) throw new HttpError(422, "Invalid tree info: a path is missing");
    const path = entry.path.replace(/^\/+|\/+$/g, "");
    if (entry.sha === null) {
      for (const p of [...tree.keys()]) if (p === path || p.startsWith(`${path}/`)) tree.delete(p);
    } else if (typeof entry.content === "string") {
      tree.set(path, putBlob(repo, Buffer.from(entry.content)));
    } else if (entry.type === "tree" && typeof entry.sha === "string" && repo.trees.has(entry.sha)) {
      for (const [p, s] of repo.trees.get(entry.sha)!) tree.set(`${path}/${p}`, s);
    } else if (typeof entry.sha === "string" && repo.blobs.has(entry.sha)) {
      tree.set(path, entry.sha);
    } else {
      throw new HttpError(422, `Invalid tree info: tree.sha ${String(entry.sha)} is not a valid blob or tree`);
    }
  }
  const sha = putTree(repo, tree);
  return ok(
    {
      sha,
      url: `${API}/repos/${repo.fullName}/git/trees/${sha}`,
      tree: treeEntries(repo, tree, false),
      truncated: false,
    },
    201,
  );
}

function createCommit(ctx: RestContext) {
  const repo = repoOf(ctx);
  const message = field(ctx, "message");
  const tree = field(ctx, "tree");
  if (!repo.trees.has(tree)) throw new HttpError(422, "Tree SHA does not exist");
  const parents = (ctx.body.parents ?? []) as unknown[];
  if (!Array.isArray(parents) || parents.some((p) => typeof p !== "string" || !repo.commits.has(p))) {
    throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
  }
  const as = (v: unknown) => v as { name: string; email: string; date?: string } | undefined;
  const author = ctx.store.signatureFor(ctx.who, as(ctx.body.author));
  const committer = ctx.store.signatureFor(ctx.who, as(ctx.body.committer) ?? as(ctx.body.author));
  const commit = putCommit(repo, { tree, parents: parents as string[], message, author, committer });
  return ok(gitCommitJson(repo, commit), 201);
}

export const gitRoutes: Route[] = [
  route("GET", "/repos/{owner}/{repo}/git/ref/{+ref}", (ctx) => {
    const repo = repoOf(ctx);
    const sha = repo.refs.get(refName(ctx.params.ref));
    if (!sha) throw notFound();
    return ok(refJson(repo, refName(ctx.params.ref), sha));
  }),
  route("GET", "/repos/{owner}/{repo}/git/refs/{+ref}", (ctx) => {
    const repo = repoOf(ctx);
    const ref = refName(ctx.params.ref);
    const exact = repo.refs.get(ref);
    if (exact) return ok(refJson(repo, ref, exact));
    const matching = [...repo.refs].filter(([name]) => name.startsWith(`${ref}/`)).sort();
    if (matching.length === 0) throw notFound();
    return ok(matching.map(([name, sha]) => refJson(repo, name, sha)));
  }),
  route("GET", "/repos/{owner}/{repo}/git/matching-refs/{+ref}", (ctx) => {
    const repo = repoOf(ctx);
    const ref = refName(ctx.params.ref);
    return ok(
      [...repo.refs]
        .filter(([name]) => name.startsWith(ref))
        .sort()
        .map(([name, sha]) => refJson(repo, name, sha)),
    );
  }),
  route("POST", "/repos/{owner}/{repo}/git/refs", (ctx) => {
    const repo = repoOf(ctx);
    const full = field(ctx, "ref");
    if (!/^refs\/[^/]+\/.+/.test(full)) throw new HttpError(422, "Reference name is invalid");
    const sha = commitSha(repo, ctx.body.sha);
    if (repo.refs.has(refName(full))) throw new HttpError(422, "Reference already exists");
    repo.refs.set(refName(full), sha);
    return ok(refJson(repo, refName(full), sha), 201);
  }),
  route("PATCH", "/repos/{owner}/{repo}/git/refs/{+ref}", (ctx) => {
    const { repo, ref, sha: current } = existingRef(ctx);
    const sha = commitSha(repo, ctx.body.sha);
    if (ctx.body.force !== true && !isAncestor(repo, current, sha))
      throw new HttpError(422, "Update is not a fast forward");
    repo.refs.set(ref, sha);
    return ok(refJson(repo, ref, sha));
  }),
  route("DELETE", "/repos/{owner}/{repo}/git/refs/{+ref}", (ctx) => {
    const { repo, ref } = existingRef(ctx);
    if (ref === `heads/${repo.defaultBranch}`) throw new HttpError(422, "Cannot delete the default branch");
    repo.refs.delete(ref);
    if (ref.startsWith("heads/")) closePullsFrom(ctx, repo, ref.slice("heads/".length));
    return { status: 204 };
  }),
  route("POST", "/repos/{owner}/{repo}/git/commits", createCommit),
  route("GET", "/repos/{owner}/{repo}/git/commits/{sha}", (ctx) => {
    const repo = repoOf(ctx);
    const commit = repo.commits.get(ctx.params.sha);
    if (!commit) throw notFound();
    return ok(gitCommitJson(repo, commit));
  }),
  route("POST", "/repos/{owner}/{repo}/git/trees", createTree),
  route("GET", "/repos/{owner}/{repo}/git/trees/{+sha}", (ctx) => {
    const repo = repoOf(ctx);
    const asCommit = resolveRevision(repo, ctx.params.sha);
    const sha = repo.trees.has(ctx.params.sha) ? ctx.params.sha : asCommit && repo.commits.get(asCommit)!.tree;
    if (!sha) throw notFound();
    const recursive = ["1", "true"].includes(ctx.req.query.get("recursive") ?? "");
    return ok({
      sha,
      url: `${API}/repos/${repo.fullName}/git/trees/${sha}`,
      tree: treeEntries(repo, repo.trees.get(sha)!, recursive),
      truncated: false,
    });
  }),
  route("POST", "/repos/{owner}/{repo}/git/blobs", (ctx) => {
    const repo = repoOf(ctx);
    if (typeof ctx.body.content !== "string")
      throw new HttpError(422, `Invalid request.\n\n"content" wasn't supplied.`);
    const sha = putBlob(repo, Buffer.from(ctx.body.content, ctx.body.encoding === "base64" ? "base64" : "utf8"));
    return ok({ sha, url: `${API}/repos/${repo.fullName}/git/blobs/${sha}` }, 201);
  }),
  route("GET", "/repos/{owner}/{repo}/git/blobs/{sha}", (ctx) => {
    const repo = repoOf(ctx);
    const content = repo.blobs.get(ctx.params.sha);
    if (!content) throw notFound();
    return ok({
      sha: ctx.params.sha,
      node_id: `B_${ctx.params.sha}`,
      size: content.length,
      encoding: "base64",
      url: `${API}/repos/${repo.fullName}/git/blobs/${ctx.params.sha}`,
      content: content.toString("base64"),
    });
  }),
];
