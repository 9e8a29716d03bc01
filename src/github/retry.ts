// Retries for the CLI's Octokit: what to do with one failed request. The decision (retryDecision) is a pure
// function of the failure, so it is tested without a server; installRetries wires it into Octokit's request hook.
//
// Why not @octokit/plugin-throttling: it routes every GraphQL request through its "write" group (one at a time,
// one second apart), which turns collect's 4 concurrent searches and file pages into one request per second: the
// synthetic organisation benchmark would take minutes. @octokit/plugin-retry ignores Retry-After and both use real
// timers. This file honours GitHub's headers, keeps collect's concurrency, and takes an injectable clock.

export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  attempts: number;
  /** Backoff after a 5xx or a dropped connection: backoffMs, 2 x backoffMs, 4 x backoffMs... */
  backoffMs: number;
  /** The longest single wait accepted. A rate limit that resets later fails the request at once, saying when. */
  maxWaitMs: number;
  /** A secondary rate limit without Retry-After: GitHub's documentation says to wait at least a minute. */
  secondaryFallbackMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** One line per retry ("retrying in 2 s after HTTP 502 (attempt 2 of 4): POST /graphql"). */
  log?: (line: string) => void;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  backoffMs: 1000,
  maxWaitMs: 120_000,
  secondaryFallbackMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/** What a failed request looks like to the decision: Octokit's RequestError, or a response we turned into one. */
export interface Failure {
  status?: number;
  message: string;
  headers?: Record<string, string | number | undefined>;
  data?: unknown;
  /** Octokit reports a connection that failed or closed without an answer as status 500 with no response. */
  noResponse: boolean;
}

export type Decision = { retry: true; waitMs: number; reason: string } | { retry: false; error?: string };

const header = (failure: Failure, name: string): string | undefined => {
  const value = failure.headers?.[name];
  return value === undefined ? undefined : String(value);
};

function dataMessage(data: unknown): string | undefined {
  if (typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string") {
    return (data as { message: string }).message;
  }
  return undefined;
}

function graphqlErrorTypes(data: unknown): string[] {
  const errors = (data as { errors?: { type?: string; message?: string }[] } | null)?.errors;
  return Array.isArray(errors) ? errors.map((e) => e.type ?? e.message ?? "") : [];
}

/**
 * `write`: the request may change something (REST other than GET/HEAD, a GraphQL mutation). A 5xx or a dropped
 * connection leaves a write's outcome unknown, so it is not repeated blindly; rate limits are safe to repeat
 * because GitHub refused the request before acting on it.
 */
export function retryDecision(failure: Failure, attempt: number, write: boolean, policy: RetryPolicy): Decision {
  const status = failure.status;
  const message = dataMessage(failure.data) ?? failure.message;
  const types = graphqlErrorTypes(failure.data);
  const secondary = (status === 403 || status === 429) &&
    (/secondary rate limit/i.test(message) || header(failure, "retry-after") !== undefined);
  const primary = !secondary && (((status === 403 || status === 429) && header(failure, "x-ratelimit-remaining") === "0") ||
    types.includes("RATE_LIMITED"));

  let waitMs: number;
  let reason: string;
  if (secondary) {
    const after = Number(header(failure, "retry-after"));
    waitMs = Number.isFinite(after) && after >= 0 ? after * 1000 : policy.secondaryFallbackMs;
    reason = "a secondary rate limit";
  } else if (primary) {
    const reset = Number(header(failure, "x-ratelimit-reset"));
    // The reset is in whole seconds: wait until it has certainly passed.
    waitMs = Number.isFinite(reset) ? Math.max(0, reset * 1000 - policy.now()) + 1000 : policy.secondaryFallbackMs;
    reason = "the rate limit";
    if (waitMs > policy.maxWaitMs) {
      const at = Number.isFinite(reset) ? new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, "Z") : "later";
      return { retry: false, error: `${message} (it resets at ${at}, in ${Math.ceil(waitMs / 1000)} s: longer than the ` +
        `${Math.round(policy.maxWaitMs / 1000)} s devreport waits)` };
    }
  } else if (!write && (failure.noResponse || (status !== undefined && status >= 500) ||
    types.some((t) => /Something went wrong while executing your query/.test(t)))) {
    waitMs = policy.backoffMs * 2 ** (attempt - 1);
    reason = failure.noResponse ? `a dropped connection (${failure.message})` : `HTTP ${status ?? 200} ${message}`;
  } else {
    return { retry: false };
  }
  if (attempt >= policy.attempts) {
    return { retry: false, error: `${describe(failure, message)} (gave up after ${policy.attempts} attempts)` };
  }
  if (waitMs > policy.maxWaitMs) {
    return { retry: false, error: `${describe(failure, message)} (GitHub asked to wait ${Math.ceil(waitMs / 1000)} s: ` +
      `longer than the ${Math.round(policy.maxWaitMs / 1000)} s devreport waits)` };
  }
  return { retry: true, waitMs, reason };
}

function describe(failure: Failure, message: string): string {
  if (failure.noResponse) return `connection lost: ${failure.message}`;
  return message.replace(/ - https:\/\/\S+$/, "");
}
