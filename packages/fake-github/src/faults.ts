// Interceptor factories that make the fake GitHub fail the way GitHub does: 5xx, primary and secondary rate limits,
// slow answers, dropped connections, and writes whose answer is lost. Each fault fires by a rule (the first N
// matching requests, every Nth one) and records what it did in `fired`, so a test can tell that it really ran.
import type { Interceptor } from "./server.js";
import {
  answer,
  fault,
  matches,
  realClock,
  trigger,
  type Clock,
  type Fault,
  type FaultEvent,
  type FaultRule,
} from "./fault-rule.js";

export type { Clock, Fault, FaultEvent, FaultRule } from "./fault-rule.js";
export * from "./graphql-faults.js";

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
