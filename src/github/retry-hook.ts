// Wires retryDecision into an Octokit instance: every request (REST and GraphQL) goes through one loop that waits
// as GitHub asks and then repeats the request, or gives up with a one-line error that says why.
import type { Octokit } from "@octokit/rest";
import { DEFAULT_RETRY_POLICY, retryDecision, type Failure, type RetryPolicy } from "./retry.js";

/** A request given up on: the message is one line; `status` is GitHub's, absent when no answer came at all. */
export class GitHubRetryError extends Error {
  constructor(message: string, readonly status: number | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GitHubRetryError";
  }
}

interface RequestOptions {
  method?: string;
  url?: string;
  query?: unknown;
}

/** GraphQL mutations and REST methods other than GET/HEAD may have acted even when the answer was lost. */
export function isWrite(options: RequestOptions): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD") return false;
  const path = new URL(options.url ?? "/", "http://github.invalid").pathname;
  if (path.endsWith("/graphql") && typeof options.query === "string") {
    return /(^|[\n}])\s*mutation[\s({]/.test(options.query);
  }
  return true;
}

/**
 * The innermost cause's message: for a dropped connection Octokit says "Unknown Error" or "fetch failed" (and
 * across realms, as under Jest, cannot even read the TypeError), while undici's cause says "other side closed".
 */
function rootMessage(error: unknown): string {
  let message = String(error);
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { message: text, cause } = current as { message?: unknown; cause?: unknown };
    if (typeof text === "string" && text) message = text;
    current = cause;
  }
  return message;
}

function toFailure(error: unknown): Failure {
  const e = error as { status?: unknown; message?: unknown; response?: { headers?: Failure["headers"]; data?: unknown } };
  const status = typeof e?.status === "number" ? e.status : undefined;
  const noResponse = e?.response === undefined;
  return {
    status,
    message: noResponse ? rootMessage(error) : typeof e?.message === "string" ? e.message : String(error),
    headers: e?.response?.headers,
    data: e?.response?.data,
    // What @octokit/request throws when fetch itself failed: status 500 and no response.
    noResponse,
  };
}

/** GraphQL reports its rate limit and its timeouts as errors in a 200 answer. */
function retryableGraphqlAnswer(data: unknown): boolean {
  const errors = (data as { errors?: { type?: string; message?: string }[] } | null)?.errors;
  return Array.isArray(errors) &&
    errors.some((e) => e.type === "RATE_LIMITED" || /Something went wrong while executing your query/.test(e.message ?? ""));
}

export function installRetries(octokit: Pick<Octokit, "hook">, overrides: Partial<RetryPolicy> = {}): void {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  octokit.hook.wrap("request", async (request, options) => {
    const write = isWrite(options as RequestOptions);
    // Bounded: retryDecision refuses once `attempt` reaches policy.attempts.
    for (let attempt = 1; ; attempt++) {
      let failure: Failure;
      let thrown: unknown;
      let answer: Awaited<ReturnType<typeof request>> | undefined;
      try {
        answer = await request(options);
        if (!retryableGraphqlAnswer(answer.data)) return answer;
        const first = (answer.data as { errors: { message?: string }[] }).errors[0];
        failure = { status: answer.status, message: first?.message ?? "GraphQL error", headers: answer.headers,
          data: answer.data, noResponse: false };
      } catch (error) {
        thrown = error;
        failure = toFailure(error);
      }
      const decision = retryDecision(failure, attempt, write, policy);
      if (!decision.retry) {
        if (decision.error) {
          const status = failure.noResponse || (failure.status ?? 0) < 400 ? undefined : failure.status;
          throw new GitHubRetryError(decision.error, status, { cause: thrown ?? failure.data });
        }
        // Not ours to handle: the caller sees exactly what Octokit produced.
        if (answer) return answer;
        throw thrown;
      }
      policy.log?.(`retrying in ${(decision.waitMs / 1000).toFixed(1)} s after ${decision.reason} ` +
        `(attempt ${attempt + 1} of ${policy.attempts}): ${options.method} ${options.url}`);
      await policy.sleep(decision.waitMs);
    }
  });
}
