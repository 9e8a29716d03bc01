// App and installation endpoints, repositories and branches, and /rate_limit.
import { resolveRevision } from "./git.js";
import { HttpError, notFound, ok } from "./http.js";
import { appExtras } from "./rest-complete.js";
import { repoJson, restCommitJson, userJson } from "./rest-shapes.js";
import { repoOf, route, type RestContext, type Route } from "./rest-route.js";

const PERMISSIONS = { contents: "write", pull_requests: "write", issues: "write", metadata: "read", members: "read" };

const installation = (ctx: RestContext, account: string) => ({
  id: 1, app_id: 1, app_slug: "devreport", target_type: "Organization", repository_selection: "all",
  account: { ...userJson(ctx.store, ctx.store.account(account)), type: "Organization" }, permissions: PERMISSIONS,
  events: ["issue_comment", "push", "repository_dispatch", "workflow_dispatch"],
});

export const repoRoutes: Route[] = [
  route("GET", "/app", (ctx) => ok({ ...appExtras("devreport"), id: 1, slug: "devreport", node_id: "A_devreport", name: "devreport",
    owner: userJson(ctx.store, ctx.store.account("devreport-maintainers")), description: "Drafts development reports",
    permissions: PERMISSIONS, events: installation(ctx, "acme").events, installations_count: 1 })),
  route("GET", "/app/installations", (ctx) => ok([installation(ctx, [...ctx.store.repos.values()][0]?.owner ?? "acme")])),
  route("GET", "/app/installations/{id}", (ctx) => ok(installation(ctx, [...ctx.store.repos.values()][0]?.owner ?? "acme"))),
  route("POST", "/app/installations/{id}/access_tokens", (ctx) => ok({
    token: ctx.store.issueInstallationToken(), expires_at: new Date(ctx.store.nowMs() + 3_600_000).toISOString()
      .replace(/\.\d{3}Z$/, "Z"), permissions: PERMISSIONS, repository_selection: "all",
  }, 201)),
  route("GET", "/repos/{owner}/{repo}/installation", (ctx) => ok(installation(ctx, repoOf(ctx).owner))),
  route("GET", "/orgs/{org}/installation", (ctx) => ok(installation(ctx, ctx.params.org))),
  route("GET", "/users/{user}/installation", (ctx) => ok(installation(ctx, ctx.params.user))),
  route("GET", "/installation/repositories", (ctx) => {
    const repositories = [...ctx.store.repos.values()].map((r) => repoJson(ctx.store, r));
    return ok({ total_count: repositories.length, repositories });
  }),
  route("GET", "/repos/{owner}/{repo}", (ctx) => ok(repoJson(ctx.store, repoOf(ctx)))),
  route("GET", "/repos/{owner}/{repo}/branches/{+branch}", (ctx) => {
    const repo = repoOf(ctx);
    const sha = repo.refs.get(`heads/${ctx.params.branch}`);
    if (!sha) throw new HttpError(404, "Branch not found");
    return ok({ name: ctx.params.branch, commit: restCommitJson(ctx.store, repo, repo.commits.get(sha)!), protected: false });
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
