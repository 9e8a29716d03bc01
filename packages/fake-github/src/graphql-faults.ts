// GraphQL's own failures for the fake: a query timing out on GitHub's side, and partial answers. Re-exported by
// faults.ts.
import type { FakeRequest } from "./http.js";
import { fault, trigger, type Fault, type FaultRule } from "./fault-rule.js";

/** The query and variables of a GraphQL request ({} when its body is no JSON object). */
export function graphqlRequestOf(req: FakeRequest): { query?: string; variables: Record<string, unknown> } {
  try {
    const body = JSON.parse(req.body || "null") as { query?: unknown; variables?: unknown } | null;
    const variables =
      typeof body?.variables === "object" && body.variables !== null ? (body.variables as Record<string, unknown>) : {};
    return { ...(typeof body?.query === "string" ? { query: body.query } : {}), variables };
  } catch {
    return { variables: {} };
  }
}

/** The largest literal `first:` of a `search(...)` field in a GraphQL request, or undefined without one. */
export function searchPageSize(req: FakeRequest): number | undefined {
  const sizes = [...(graphqlRequestOf(req).query ?? "").matchAll(/\bsearch\s*\([^)]*?\bfirst:\s*(\d+)/g)].map((m) =>
    Number(m[1]),
  );
  return sizes.length > 0 ? Math.max(...sizes) : undefined;
}

// GitHub's answer to a query that ran past its 10-second limit: no data, one error without a type, most often as a
// 502 (github.com/gitkraken/vscode-gitlens/issues/3298, github.com/my-badges/my-badges/issues/72), sometimes a 200.
const TIMEOUT_MESSAGE =
  "Something went wrong while executing your query. This may be the result of a timeout, or it " +
  "could be a GitHub bug. Please include `FAKE:0000:0000000:0000000:00000000` when reporting this issue.";

/**
 * A GraphQL query timing out on GitHub's side: the query runs (and is charged, as GitHub charges timeouts since
 * July 2025: github.blog/changelog/2025-07-21-including-timeouts-in-primary-rate-limits), its answer is replaced by
 * `{ data: null, errors: [{ message: "Something went wrong while executing your query. This may be the result of a
 * timeout..." }] }`, with HTTP status 502 (the default) or 200.
 */
export function graphqlTimeout(rule: FaultRule, options: { status?: 200 | 502 } = {}): Fault {
  const chosen = trigger(rule);
  return fault("graphql timeout", async (req, ctx, fire) => {
    if (!chosen(req)) return undefined;
    fire();
    const { headers } = await ctx.handle();
    return { status: options.status ?? 502, headers, body: { data: null, errors: [{ message: TIMEOUT_MESSAGE }] } };
  });
}

/** One node a partial answer leaves out: where (a path into `data`), and GitHub's error for it. */
export interface PartialError {
  path: (string | number)[];
  /** NOT_FOUND, FORBIDDEN...; GitHub types most errors, not all. */
  type?: string;
  message: string;
}

/** Sets the value at `path` to null; false when the path does not lead to a value in `data`. */
function nullAt(data: unknown, path: readonly (string | number)[]): boolean {
  let parent: unknown = data;
  for (const key of path.slice(0, -1)) {
    parent =
      typeof parent === "object" && parent !== null ? (parent as Record<string | number, unknown>)[key] : undefined;
  }
  const last = path.at(-1);
  if (last === undefined || typeof parent !== "object" || parent === null || !(last in parent)) return false;
  (parent as Record<string | number, unknown>)[last] = null;
  return true;
}

/**
 * A partial answer, as GitHub gives one when it cannot resolve some nodes (an issue in a repository the app may not
 * see): the query runs, then each node at an error's `path` that the answer has becomes null and the error is
 * added, shaped like GitHub's ({ type, path, message }, FORBIDDEN with `extensions.saml_failure`). The fake does
 * not propagate the null to a nullable parent: give the path of a nullable field (a list item, a nullable object).
 * Fires only when some path was there to null.
 */
export function partialErrors(rule: FaultRule, errors: PartialError | PartialError[]): Fault {
  const chosen = trigger(rule);
  return fault("partial errors", async (req, ctx, fire) => {
    if (!chosen(req)) return undefined;
    const response = await ctx.handle();
    const body = response.body as { data?: unknown; errors?: unknown[] } | undefined;
    if (response.status !== 200 || typeof body?.data !== "object" || body.data === null) return response;
    const applied = (Array.isArray(errors) ? errors : [errors]).filter((error) => nullAt(body.data, error.path));
    if (applied.length === 0) return response;
    fire();
    body.errors = [
      ...(body.errors ?? []),
      ...applied.map(({ path, type, message }) => ({
        ...(type ? { type } : {}),
        path,
        ...(type === "FORBIDDEN" ? { extensions: { saml_failure: false } } : {}),
        message,
      })),
    ];
    return response;
  });
}
