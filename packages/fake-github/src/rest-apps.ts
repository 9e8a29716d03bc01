// The GitHub App's side of the API: its installations (one per account that owns repositories in the store, numbered
// from 1 in the order the accounts first appear), installation tokens that remember their installation, and the
// repositories an installation token can see. Lists are paginated as GitHub's OpenAPI describes them:
// GET /app/installations answers an array, GET /installation/repositories `{ total_count, repositories }`, both with
// per_page (default 30, at most 100), page and a Link header.
import { appExtras } from "./rest-complete.js";
import { HttpError, notFound, ok, paginate } from "./http.js";
import { repoJson, userJson } from "./rest-shapes.js";
import { repoOf, route, type RestContext, type Route } from "./rest-route.js";
import type { FakeStore } from "./store.js";

export const APP_PERMISSIONS = {
  contents: "write",
  pull_requests: "write",
  issues: "write",
  metadata: "read",
  members: "read",
};
const EVENTS = ["issue_comment", "push", "repository_dispatch", "workflow_dispatch"];

/** Installation token -> installation id, per store (the store itself maps tokens to the app's bot account). */
const tokenInstallations = new WeakMap<FakeStore, Map<string, number>>();

/** The accounts owning repositories, in order of appearance: installation N is the Nth account. */
export function installationAccounts(store: FakeStore): string[] {
  const owners: string[] = [];
  for (const repo of store.repos.values()) {
    if (!owners.some((owner) => owner.toLowerCase() === repo.owner.toLowerCase())) owners.push(repo.owner);
  }
  return owners;
}

export function installationIdOf(store: FakeStore, account: string): number | undefined {
  const index = installationAccounts(store).findIndex((owner) => owner.toLowerCase() === account.toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/** Installation `id`'s account; ids past the known accounts (webhook examples use 2) act like installation 1. */
function accountOf(store: FakeStore, id: number): string {
  const accounts = installationAccounts(store);
  return accounts[id - 1] ?? accounts[0] ?? "acme";
}

function installationJson(ctx: RestContext, id: number) {
  const account = accountOf(ctx.store, id);
  return {
    id,
    app_id: 1,
    app_slug: "devreport",
    target_type: "Organization",
    repository_selection: "all",
    account: { ...userJson(ctx.store, ctx.store.account(account)), type: "Organization" },
    permissions: APP_PERMISSIONS,
    events: EVENTS,
    access_tokens_url: `https://api.github.com/app/installations/${id}/access_tokens`,
  };
}

const idParam = (ctx: RestContext): number => {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id) || id < 1) throw notFound();
  return id;
};

/** The installation of the requesting token, or undefined for tokens not issued to one (`acceptAnyToken`). */
function tokenInstallation(ctx: RestContext): number | undefined {
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(String(ctx.req.headers.authorization ?? "").trim())?.[1];
  return token ? tokenInstallations.get(ctx.store)?.get(token) : undefined;
}

function ownerInstallation(ctx: RestContext, account: string) {
  const id = installationIdOf(ctx.store, account);
  if (id === undefined) throw new HttpError(404, "Not Found");
  return ok(installationJson(ctx, id));
}

export const appRoutes: Route[] = [
  route("GET", "/app", (ctx) =>
    ok({
      ...appExtras("devreport"),
      id: 1,
      slug: "devreport",
      node_id: "A_devreport",
      name: "devreport",
      owner: userJson(ctx.store, ctx.store.account("devreport-maintainers")),
      description: "Drafts development reports",
      permissions: APP_PERMISSIONS,
      events: EVENTS,
      installations_count: Math.max(1, installationAccounts(ctx.store).length),
    }),
  ),
  route("GET", "/app/installations", (ctx) => {
    const ids = installationAccounts(ctx.store).map((_, index) => index + 1);
    const { page, headers } = paginate(ctx.req.url, ids.length ? ids : [1]);
    return ok(
      page.map((id) => installationJson(ctx, id)),
      200,
      headers,
    );
  }),
  route("GET", "/app/installations/{id}", (ctx) => ok(installationJson(ctx, idParam(ctx)))),
  route("POST", "/app/installations/{id}/access_tokens", (ctx) => {
    const id = idParam(ctx);
    const token = ctx.store.issueInstallationToken();
    let tokens = tokenInstallations.get(ctx.store);
    if (!tokens) tokenInstallations.set(ctx.store, (tokens = new Map()));
    tokens.set(token, id);
    return ok(
      {
        token,
        expires_at: new Date(ctx.store.nowMs() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: APP_PERMISSIONS,
        repository_selection: "all",
      },
      201,
    );
  }),
  route("GET", "/repos/{owner}/{repo}/installation", (ctx) => ownerInstallation(ctx, repoOf(ctx).owner)),
  route("GET", "/orgs/{org}/installation", (ctx) => ownerInstallation(ctx, ctx.params.org)),
  route("GET", "/users/{user}/installation", (ctx) => ownerInstallation(ctx, ctx.params.user)),
  route("GET", "/installation/repositories", (ctx) => {
    const id = tokenInstallation(ctx);
    const account = id === undefined ? undefined : accountOf(ctx.store, id).toLowerCase();
    const visible = [...ctx.store.repos.values()].filter(
      (repo) => account === undefined || repo.owner.toLowerCase() === account,
    );
    const { page, headers } = paginate(ctx.req.url, visible);
    return ok(
      {
        total_count: visible.length,
        repository_selection: "all",
        repositories: page.map((repo) => repoJson(ctx.store, repo)),
      },
      200,
      headers,
    );
  }),
];
