// Interceptor factories that make the fake GitHub fail the way GitHub does: 5xx, primary and secondary rate limits,
// slow answers, dropped connections, and writes whose answer is lost. Each fault fires by a rule (the first N
// matching requests, every Nth one) and records what it did in `fired`, so a test can tell that it really ran.
import type { FakeRequest, FakeResponse } from "./http.js";
import type { Interceptor, InterceptorContext } from "./server.js";

export interface FaultRule {
  /** Only requests whose log kind matches ("graphql SearchMergedPulls", "rest PUT /repos/{owner}/{repo}/..."). */
  kind?: string | RegExp;
  method?: string;
  /** Fire on the first N matching requests. */
  first?: number;
  /** Fire on every Nth matching request (the Nth, the 2Nth...). Without `first` or `every`: every matching request. */
  every?: number;
  /** Fire at most this many times in all. */
  times?: number;
  /** Only requests this accepts (see graphqlRequestOf, searchPageSize to read a GraphQL request). */
  when?: (req: FakeRequest) => boolean;
  /**
   * Let the request be handled before failing it (its changes stay): GitHub acted, the client never heard.
   * Only meaningful for statuses and drops, and what makes retried writes dangerous.
   */
  afterHandling?: boolean;
}

export interface FaultEvent {
  fault: string;
  index: number;
  kind: string;
}

/** An interceptor that also says what it did. */
export type Fault = Interceptor & { fired: FaultEvent[] };

export interface Clock {
  now: () => number;
}

const realClock: Clock = { now: () => Date.now() };

function matches(rule: FaultRule, req: FakeRequest): boolean {
  if (rule.method && req.method !== rule.method.toUpperCase()) return false;
  if (rule.when && !rule.when(req)) return false;
  if (rule.kind === undefined) return true;
  return typeof rule.kind === "string" ? req.kind.startsWith(rule.kind) : rule.kind.test(req.kind);
}

/** Counts matching requests and says whether this one is chosen by the rule. */
function trigger(rule: FaultRule): (req: FakeRequest) => boolean {
  let seen = 0;
  let fired = 0;
  return (req) => {
    if (!matches(rule, req)) return false;
    seen += 1;
    if (rule.times !== undefined && fired >= rule.times) return false;
    const always = rule.first === undefined && rule.every === undefined;
    const chosen =
      always ||
      (rule.first !== undefined && seen <= rule.first) ||
      (rule.every !== undefined && seen % rule.every === 0);
    if (chosen) fired += 1;
    return chosen;
  };
}

type Respond = (
  req: FakeRequest,
  ctx: InterceptorContext,
  fire: () => void,
) => FakeResponse | undefined | Promise<FakeResponse | undefined>;

/** `respond` calls `fire` when it acts on a request (a delay acts without answering). */
function fault(name: string, respond: Respond): Fault {
  const fired: FaultEvent[] = [];
  const intercept: Interceptor = (req, ctx) =>
    respond(req, ctx, () => fired.push({ fault: name, index: ctx.index, kind: req.kind }));
  return Object.assign(intercept, { fired });
}

/** The usual case: answer with `response` when the rule chooses the request. */
const answer =
  (chosen: (req: FakeRequest) => boolean, response: () => FakeResponse): Respond =>
  (req, _ctx, fire) => {
    if (!chosen(req)) return undefined;
    fire();
    return response();
  };

const GITHUB_DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

/** 500 or 502 with GitHub's JSON error body. */
export function serverError(status: 500 | 502 | 503 | 504, rule: FaultRule): Fault {
  const chosen = trigger(rule);
  const message = status === 502 ? "Server Error" : status === 503 ? "Service Unavailable" : "Internal Server Error";
  return fault(
    `${status}`,
    answer(chosen, () => ({ status, body: { message }, afterHandling: rule.afterHandling })),
  );
}

/** Destroys the socket without an answer. */
export function dropConnection(rule: FaultRule): Fault {
  const chosen = trigger(rule);
  return fault(
    "drop",
    answer(chosen, () => ({ status: 0, drop: true, afterHandling: rule.afterHandling })),
  );
}

/** Delays the request by `ms` before it is handled (the server's own latency comes on top). */
export function slow(ms: number, rule: FaultRule, sleep = (t: number) => new Promise((r) => setTimeout(r, t))): Fault {
  const chosen = trigger(rule);
  return fault("slow", async (req, _ctx, fire) => {
    if (chosen(req)) {
      fire();
      await sleep(ms);
    }
    return undefined;
  });
}

/**
 * The primary rate limit, as GitHub applies it: once exhausted, every request (matching `rule.kind`) is refused
 * with 403 and `x-ratelimit-remaining: 0` until `x-ratelimit-reset`, so a client that retries early is refused
 * again. The clock is injectable so tests can run on virtual time.
 */
export function primaryRateLimit(rule: FaultRule, options: { resetInSeconds?: number; clock?: Clock } = {}): Fault {
  const chosen = trigger(rule);
  const clock = options.clock ?? realClock;
  let resetAt = 0; // epoch seconds; refused while now < resetAt
  return fault("primary rate limit", (req, _ctx, fire) => {
    const now = clock.now();
    const limited = now < resetAt * 1000 && matches({ kind: rule.kind, method: rule.method }, req);
    if (!limited && !chosen(req)) return undefined;
    if (!limited) resetAt = Math.ceil(now / 1000) + (options.resetInSeconds ?? 1);
    fire();
    return {
      status: 403,
      headers: {
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": "5000",
        "x-ratelimit-reset": String(resetAt),
        "x-ratelimit-resource": req.path === "/graphql" ? "graphql" : "core",
      },
      body: { message: "API rate limit exceeded for installation ID 1.", documentation_url: GITHUB_DOCS },
    };
  });
}

/** GitHub's secondary rate limit: 403 with Retry-After, refusing again until that many seconds have passed. */
export function secondaryRateLimit(
  rule: FaultRule,
  options: { retryAfterSeconds?: number; clock?: Clock } = {},
): Fault {
  const chosen = trigger(rule);
  const clock = options.clock ?? realClock;
  const seconds = options.retryAfterSeconds ?? 1;
  let until = 0; // epoch ms
  return fault("secondary rate limit", (req, _ctx, fire) => {
    const now = clock.now();
    const limited = now < until && matches({ kind: rule.kind, method: rule.method }, req);
    if (!limited && !chosen(req)) return undefined;
    if (!limited) until = now + seconds * 1000;
    fire();
    return {
      status: 403,
      headers: { "retry-after": String(Math.max(1, Math.ceil((until - now) / 1000))) },
      body: {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you " +
          "reach out to GitHub Support for help, please include the request ID FAKE.",
        documentation_url: GITHUB_DOCS,
      },
    };
  });
}

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

// A slow answer is not a failure (no extra request), so it comes last: a short run still sees every failing kind.
export const FAULT_KINDS = ["502", "500", "primary", "secondary", "drop", "slow"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One fault of the given kind, by rule: the building block of the fault tests and the benchmark. */
export function makeFault(kind: FaultKind, rule: FaultRule, options: { clock?: Clock; slowMs?: number } = {}): Fault {
  switch (kind) {
    case "502":
      return serverError(502, rule);
    case "500":
      return serverError(500, rule);
    case "primary":
      return primaryRateLimit(rule, { clock: options.clock });
    case "secondary":
      return secondaryRateLimit(rule, { clock: options.clock });
    case "slow":
      return slow(options.slowMs ?? 300, rule);
    case "drop":
      return dropConnection(rule);
  }
}

/**
 * Every `every`th request (counting from the first) gets the next fault kind in turn: 502, 500, primary and
 * secondary rate limits, a dropped connection, a slow answer, and round again. Rate limits refuse only the request
 * they fire on here (a window-wide refusal is primaryRateLimit's job), so the cycle stays predictable.
 */
export function rotatingFaults(
  every: number,
  options: { kinds?: readonly FaultKind[]; slowMs?: number; clock?: Clock } = {},
): Fault {
  const kinds = options.kinds ?? FAULT_KINDS;
  const clock = options.clock ?? realClock;
  const fired: FaultEvent[] = [];
  let seen = 0;
  const intercept: Interceptor = async (req, ctx) => {
    seen += 1;
    if (seen % every !== 0) return undefined;
    const kind = kinds[(seen / every - 1) % kinds.length];
    if (kind === undefined) return undefined;
    fired.push({ fault: kind, index: ctx.index, kind: req.kind });
    // A fault made for this one request: `first: 1` fires on it and never again.
    return makeFault(kind, { first: 1 }, { clock, slowMs: options.slowMs })(req, ctx);
  };
  return Object.assign(intercept, { fired });
}
