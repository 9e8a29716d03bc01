// Pull requests over REST: list with GitHub's filters, open (with its duplicate and empty-branch checks), read,
// edit, files (REST stops at 3,000), commits, reviews and review requests.
import { history, resolveRevision } from "./git.js";
import { HttpError, notFound, ok, paginate, validationFailed } from "./http.js";
import { pullCommits, pullFiles } from "./pull-contents.js";
import { diffEntryExtras } from "./rest-complete.js";
import { field, optional, repoOf, route, type RestContext, type Route } from "./rest-route.js";
import { gitCommitJson, pullJson, userJson } from "./rest-shapes.js";
import type { PullRecord } from "./types.js";

const REST_FILE_CAP = 3000;

function pullOf(ctx: RestContext): PullRecord {
  const repo = repoOf(ctx);
  const item = ctx.store.get(repo.fullName, Number(ctx.params.number));
  if (!item || item.kind !== "pull") throw notFound();
  return item;
}

/** `head` is "branch" or "owner:branch". */
function parseHead(head: string, defaultOwner: string): { owner: string; ref: string } {
  const colon = head.indexOf(":");
  return colon < 0 ? { owner: defaultOwner, ref: head } : { owner: head.slice(0, colon), ref: head.slice(colon + 1) };
}

function listPulls(ctx: RestContext) {
  const repo = repoOf(ctx);
  const q = ctx.req.query;
  const state = q.get("state") ?? "open";
  const head = q.get("head") ? parseHead(q.get("head")!, repo.owner) : undefined;
  const base = q.get("base");
  const sortKey = q.get("sort") === "updated" ? "updatedAt" : "createdAt";
  const sign = (q.get("direction") ?? "desc") === "asc" ? 1 : -1;
  const pulls = ctx.store
    .pullsOf(repo.fullName)
    .filter((p) => state === "all" || p.state === state)
    .filter((p) => !head || (p.headRef === head.ref && p.headOwner.toLowerCase() === head.owner.toLowerCase()))
    .filter((p) => !base || p.baseRef === base)
    .sort((a, b) => {
      const ka = a[sortKey] ?? "";
      const kb = b[sortKey] ?? "";
      return ka === kb ? (a.number - b.number) * sign : (ka < kb ? -1 : 1) * sign;
    });
  const { page, headers } = paginate(ctx.req.url, pulls);
  return ok(
    page.map((p) => pullJson(ctx.store, p)),
    200,
    headers,
  );
}

function createPull(ctx: RestContext) {
  const repo = repoOf(ctx);
  const title = field(ctx, "title");
  const head = parseHead(field(ctx, "head"), repo.owner);
  const base = field(ctx, "base");
  const headSha = resolveRevision(repo, `heads/${head.ref}`);
  const baseSha = resolveRevision(repo, `heads/${base}`);
  if (!headSha) throw validationFailed([{ resource: "PullRequest", field: "head", code: "invalid" }]);
  if (!baseSha) throw validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
  const duplicate = ctx.store
    .pullsOf(repo.fullName)
    .find(
      (p) => p.state === "open" && p.headRef === head.ref && p.headOwner.toLowerCase() === head.owner.toLowerCase(),
    );
  if (duplicate) {
    throw validationFailed([
      {
        resource: "PullRequest",
        code: "custom",
        message: `A pull request already exists for ${head.owner}:${head.ref}.`,
      },
    ]);
  }
  if (history(repo, baseSha).some((c) => c.sha === headSha)) {
    throw validationFailed([
      { resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${head.ref}` },
    ]);
  }
  const now = ctx.store.now();
  const pull: PullRecord = {
    kind: "pull",
    id: ctx.store.nextId(),
    repo: repo.fullName,
    number: ctx.store.nextNumber(repo.fullName),
    title,
    body: optional(ctx, "body") ?? "",
    author: ctx.who,
    state: "open",
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    labels: [],
    placeholder: false,
    merged: false,
    mergedAt: null,
    draft: ctx.body.draft === true,
    headOwner: head.owner,
    headRef: head.ref,
    baseRef: base,
    files: null,
    commits: null,
    reviews: [],
    requestedReviewers: [],
    closes: [],
  };
  ctx.store.addItem(pull);
  return ok(pullJson(ctx.store, pull), 201);
}

function updatePull(ctx: RestContext) {
  const pull = pullOf(ctx);
  const title = optional(ctx, "title");
  const body = optional(ctx, "body");
  const state = optional(ctx, "state");
  const base = optional(ctx, "base");
  if (state && state !== "open" && state !== "closed") {
    throw validationFailed([{ resource: "PullRequest", field: "state", code: "invalid" }]);
  }
  if (base && !resolveRevision(ctx.store.getRepo(pull.repo)!, `heads/${base}`)) {
    throw validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
  }
  if (state && pull.merged && state === "open") throw new HttpError(422, "Cannot reopen a merged pull request");
  if (title !== undefined) pull.title = title;
  if (body !== undefined) pull.body = body;
  if (base) pull.baseRef = base;
  if (state && state !== pull.state) {
    pull.state = state as PullRecord["state"];
    pull.closedAt = state === "closed" ? ctx.store.now() : null;
  }
  pull.updatedAt = ctx.store.now();
  return ok(pullJson(ctx.store, pull));
}

export const pullRoutes: Route[] = [
  route("GET", "/repos/{owner}/{repo}/pulls", listPulls),
  route("POST", "/repos/{owner}/{repo}/pulls", createPull),
  route("GET", "/repos/{owner}/{repo}/pulls/{number}", (ctx) => ok(pullJson(ctx.store, pullOf(ctx)))),
  route("PATCH", "/repos/{owner}/{repo}/pulls/{number}", updatePull),
  route("GET", "/repos/{owner}/{repo}/pulls/{number}/files", (ctx) => {
    const files = pullFiles(ctx.store, pullOf(ctx)).slice(0, REST_FILE_CAP);
    const { page, headers } = paginate(ctx.req.url, files);
    const head = pullOf(ctx).headRef;
    return ok(
      page.map((f) => ({
        ...diffEntryExtras(pullOf(ctx).repo, head, f.path),
        sha: null,
        filename: f.path,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
      })),
      200,
      headers,
    );
  }),
  route("GET", "/repos/{owner}/{repo}/pulls/{number}/commits", (ctx) => {
    const pull = pullOf(ctx);
    const repo = ctx.store.getRepo(pull.repo)!;
    const { page, headers } = paginate(ctx.req.url, pullCommits(ctx.store, pull).slice(0, 250));
    return ok(
      page.map((c) => {
        const stored = repo.commits.get(c.sha);
        const git = stored
          ? gitCommitJson(repo, stored)
          : { message: c.message, author: c.author, committer: c.author };
        const account = c.author.login ? userJson(ctx.store, ctx.store.account(c.author.login)) : null;
        return {
          sha: c.sha,
          commit: { message: git.message, author: git.author, committer: git.committer },
          author: account,
          committer: account,
          parents: stored?.parents.map((sha) => ({ sha })) ?? [],
        };
      }),
      200,
      headers,
    );
  }),
  route("GET", "/repos/{owner}/{repo}/pulls/{number}/reviews", (ctx) => {
    const pull = pullOf(ctx);
    const { page, headers } = paginate(ctx.req.url, pull.reviews);
    return ok(
      page.map((r) => ({ id: r.id, user: userJson(ctx.store, r.author), state: r.state, body: "" })),
      200,
      headers,
    );
  }),
  route("POST", "/repos/{owner}/{repo}/pulls/{number}/requested_reviewers", (ctx) => {
    const pull = pullOf(ctx);
    const reviewers = Array.isArray(ctx.body.reviewers) ? (ctx.body.reviewers as unknown[]).map(String) : [];
    if (pull.author && reviewers.some((r) => r.toLowerCase() === pull.author!.login.toLowerCase())) {
      throw validationFailed([
        { resource: "PullRequest", code: "custom", message: "Review cannot be requested from pull request author." },
      ]);
    }
    for (const login of reviewers) if (!pull.requestedReviewers.includes(login)) pull.requestedReviewers.push(login);
    return ok(pullJson(ctx.store, pull), 201);
  }),
];
