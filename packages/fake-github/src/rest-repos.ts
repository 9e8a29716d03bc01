// Repositories and branches, users, and /rate_limit (the app and its installations: rest-apps.ts).
import { resolveRevision } from "./git.js";
import { HttpError, notFound, ok } from "./http.js";
import { isProtectedBranch } from "./protection.js";
import { branchExtras } from "./rest-complete.js";
import { repoJson, restCommitJson, userJson } from "./rest-shapes.js";
import { repoOf, route, type RestContext, type Route } from "./rest-route.js";

export const repoRoutes: Route[] = [
  route("GET", "/repos/{owner}/{repo}", (ctx) => ok(repoJson(ctx.store, repoOf(ctx)))),
  route("GET", "/repos/{owner}/{repo}/branches/{+branch}", (ctx) => {
    const repo = repoOf(ctx);
    const sha = repo.refs.get(`heads/${ctx.params.branch}`);
    if (!sha) throw new HttpError(404, "Branch not found");
    const isProtected = isProtectedBranch(repo, ctx.params.branch);
    return ok({
      ...branchExtras(repo.fullName, ctx.params.branch, isProtected),
      name: ctx.params.branch,
      commit: restCommitJson(ctx.store, repo, repo.commits.get(sha)!),
      protected: isProtected,
    });
  }),
  route("GET", "/users/{user}", (ctx) => ok(userJson(ctx.store, ctx.store.account(ctx.params.user)))),
  route("GET", "/user", (ctx) => ok(userJson(ctx.store, ctx.who))),
  route("GET", "/rate_limit", (ctx) => {
    const now = ctx.store.nowMs();
    const core = ctx.store.rateLimits.take(ctx.who.login, "core", 0, now);
    const graphql = ctx.store.rateLimits.take(ctx.who.login, "graphql", 0, now);
    const shape = (s: typeof core) => ({ limit: s.limit, remaining: s.remaining, used: s.used, reset: s.reset });
    return ok({ resources: { core: shape(core), graphql: shape(graphql) }, rate: shape(core) });
  }),
];

/** Resolves `ref` query parameters: a branch, a tag, a sha, or the default branch when absent. */
export function revisionOf(ctx: RestContext, ref: string | null | undefined): string {
  const repo = repoOf(ctx);
  const sha = resolveRevision(repo, ref || repo.defaultBranch);
  if (!sha) throw ref ? new HttpError(404, `No commit found for the ref ${ref}`) : notFound();
  return sha;
}
