// How long a failed scheduled run waits before its next attempt: until GitHub's rate limit resets when that is what
// it hit (src/github/errors.ts classifies the error, or one of its causes), else exponentially longer.
import { classifyGitHubError, type FailureKind } from "../github/errors.js";

export interface BackoffPolicy {
  /** The first retry's delay for failures other than rate limits; each next one doubles. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 30 * 60_000 };

/** A minute when GitHub said it is a secondary rate limit but not for how long (GitHub's own advice). */
const SECONDARY_DEFAULT_MS = 60_000;
/** Reset times are whole seconds; a little over avoids landing just before the window turns. */
const AFTER_RESET_MS = 1_000;

/** The rate limit behind `error` or one of its causes (the use case wraps GitHub's errors with what it was doing). */
export function rateLimitOf(error: unknown): FailureKind | undefined {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    const kind = classifyGitHubError(current);
    if (kind.kind === "primary-rate-limit" || kind.kind === "secondary-rate-limit") return kind;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The delay before attempt `attemptsMade + 1`, at `nowMs`. */
export function retryDelayMs(
  error: unknown,
  attemptsMade: number,
  nowMs: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const limit = rateLimitOf(error);
  if (limit?.kind === "primary-rate-limit" && limit.resetAtSeconds !== undefined) {
    return Math.max(AFTER_RESET_MS, limit.resetAtSeconds * 1000 - nowMs + AFTER_RESET_MS);
  }
  if (limit?.kind === "secondary-rate-limit") {
    return limit.retryAfterSeconds !== undefined
      ? limit.retryAfterSeconds * 1000 + AFTER_RESET_MS
      : SECONDARY_DEFAULT_MS;
  }
  const exponent = Math.max(0, attemptsMade - 1);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}
