// Retries for the CLI's Octokit: what to do with one failed request. The decision (retryDecision) is a pure
// function of the failure, so it is tested without a server; installRetries wires it into Octokit's request hook.
//
// Why not @octokit/plugin-throttling: it routes every GraphQL request through its "write" group (one at a time,
// one second apart), which turns collect's 4 concurrent searches and file pages into one request per second: the
// synthetic organisation benchmark would take minutes. @octokit/plugin-retry ignores Retry-After and both use real
// timers. This file honours GitHub's headers, keeps collect's concurrency, and takes an injectable clock. What kind
// of failure it was (which rate limit, whether GitHub answered at all) is errors.ts's to say; this file decides.
import { classifyFailure, gitHubMessageOf, givenUpReason, type Failure } from "./errors.js";

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

export type Decision = { retry: true; waitMs: number; reason: string } | { retry: false; error?: string };

/**
 * `write`: the request may change something (REST other than GET/HEAD, a GraphQL mutation). A 5xx or a dropped
 * connection leaves a write's outcome unknown, so it is not repeated blindly; rate limits are safe to repeat
 * because GitHub refused the request before acting on it.
 */
export function retryDecision(failure: Failure, attempt: number, write: boolean, policy: RetryPolicy): Decision {
  const failed = classifyFailure(failure);
  let waitMs: number;
  let reason: string;
  switch (failed.kind) {
    case "secondary-rate-limit":
      waitMs = failed.retryAfterSeconds !== undefined ? failed.retryAfterSeconds * 1000 : policy.secondaryFallbackMs;
      reason = "a secondary rate limit";
      break;
    case "primary-rate-limit": {
      const reset = failed.resetAtSeconds;
      // The reset is in whole seconds: wait until it has certainly passed.
      waitMs = reset !== undefined ? Math.max(0, reset * 1000 - policy.now()) + 1000 : policy.secondaryFallbackMs;
      reason = "the rate limit";
      if (waitMs > policy.maxWaitMs) {
        const at = reset !== undefined ? new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, "Z") : "later";
        return {
          retry: false,
          error:
            `${gitHubMessageOf(failure)} (it resets at ${at}, in ${Math.ceil(waitMs / 1000)} s: ` +
            `longer than the ${Math.round(policy.maxWaitMs / 1000)} s devreport waits)`,
        };
      }
      break;
    }
    case "no-response":
    case "server-error":
    case "graphql-timeout":
      if (write) return { retry: false };
      waitMs = policy.backoffMs * 2 ** (attempt - 1);
      reason = failure.noResponse
        ? `a dropped connection (${failure.message})`
        : `HTTP ${failure.status ?? 200} ${gitHubMessageOf(failure)}`;
      break;
    default:
      return { retry: false };
  }
  if (attempt >= policy.attempts) {
    return { retry: false, error: `${givenUpReason(failure)} (gave up after ${policy.attempts} attempts)` };
  }
  if (waitMs > policy.maxWaitMs) {
    return {
      retry: false,
      error:
        `${givenUpReason(failure)} (GitHub asked to wait ${Math.ceil(waitMs / 1000)} s: ` +
        `longer than the ${Math.round(policy.maxWaitMs / 1000)} s devreport waits)`,
    };
  }
  return { retry: true, waitMs, reason };
}
