// Route declarations shared by the REST modules: templates in Octokit's `{param}` style (`{+param}` spans slashes,
// for branch names and file paths), so request logs name routes the way Octokit's docs do.
import { HttpError, notFound, type FakeRequest, type FakeResponse } from "./http.js";
import type { FakeStore } from "./store.js";
import type { Account, RepoRecord } from "./types.js";

/**
 * Every parameter name the route templates use. A handler reads only its own route's, which findRoute always fills;
 * naming them here keeps `ctx.params.owner` a string rather than `string | undefined` (noUncheckedIndexedAccess).
 */
export interface RouteParams {
  basehead: string;
  branch: string;
  id: string;
  name: string;
  number: string;
  org: string;
  owner: string;
  path: string;
  ref: string;
  repo: string;
  sha: string;
  user: string;
}

export interface RestContext {
  store: FakeStore;
  req: FakeRequest;
  params: RouteParams;
  /** Who the token belongs to. */
  who: Account;
  /** The parsed JSON body ({} when there is none). */
  body: Record<string, unknown>;
}

export interface Route {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  handler: (ctx: RestContext) => FakeResponse;
}

export function route(method: string, template: string, handler: Route["handler"]): Route {
  const keys: string[] = [];
  const source = template.replace(/[.]/g, "\\.").replace(/\{(\+?)(\w+)\}/g, (_, greedy: string, key: string) => {
    keys.push(key);
    return greedy ? "(.+)" : "([^/]+)";
  });
  return { method, template, regex: new RegExp(`^${source}/?$`), keys, handler };
}

/** The repository named by `{owner}/{repo}`, or GitHub's 404. */
export function repoOf(ctx: RestContext): RepoRecord {
  const repo = ctx.store.getRepo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo) throw notFound();
  return repo;
}

/** A required string field of the body, or a 422 naming it. */
export function field(ctx: RestContext, name: string): string {
  const value = ctx.body[name];
  if (typeof value !== "string" || value === "") {
    throw new HttpError(422, `Invalid request.\n\n"${name}" wasn't supplied.`);
  }
  return value;
}

export const optional = (ctx: RestContext, name: string): string | undefined =>
  typeof ctx.body[name] === "string" ? (ctx.body[name] as string) : undefined;
