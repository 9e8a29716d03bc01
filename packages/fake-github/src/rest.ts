// Dispatches REST requests to the route tables and turns thrown HttpErrors into GitHub's error responses.
import { HttpError, type FakeRequest, type FakeResponse } from "./http.js";
import { appRoutes } from "./rest-apps.js";
import { contentRoutes } from "./rest-contents.js";
import { gitRoutes } from "./rest-git.js";
import { issueRoutes } from "./rest-issues.js";
import { pullRoutes } from "./rest-pulls.js";
import { repoRoutes } from "./rest-repos.js";
import type { Route, RouteParams } from "./rest-route.js";
import type { FakeStore } from "./store.js";
import type { Account } from "./types.js";

const ROUTES: Route[] = [...appRoutes, ...repoRoutes, ...contentRoutes, ...gitRoutes, ...pullRoutes, ...issueRoutes];

export function findRoute(method: string, path: string): { route: Route; params: RouteParams } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.regex.exec(path);
    if (match)
      return {
        route,
        params: Object.fromEntries(route.keys.map((key, i) => [key, match[i + 1] ?? ""])) as unknown as RouteParams,
      };
  }
  return undefined;
}

/** "rest GET /repos/{owner}/{repo}/pulls" for request logs and interceptors; "rest unknown" when nothing matches. */
export function restKind(method: string, path: string): string {
  const found = findRoute(method, path);
  return found ? `rest ${method} ${found.route.template}` : "rest unknown";
}

export function handleRest(store: FakeStore, req: FakeRequest, who: Account): FakeResponse {
  const found = findRoute(req.method, req.path);
  if (!found) return new HttpError(404, "Not Found").toResponse();
  let body: Record<string, unknown> = {};
  if (req.body) {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      return new HttpError(400, "Problems parsing JSON").toResponse();
    }
  }
  try {
    return found.route.handler({ store, req, params: found.params, who, body });
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    throw error;
  }
}
