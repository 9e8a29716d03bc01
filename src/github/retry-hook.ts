// Wires retryDecision into an Octokit instance: every request (REST and GraphQL) goes through one loop that waits
// as GitHub asks and then repeats the request, or gives up with a one-line error that says why.
import type { Octokit } from "@octokit/rest";
import { failureOf, givenUp, retryableGraphqlAnswer, type Failure } from "./errors.js";
import { DEFAULT_RETRY_POLICY, retryDecision, type RetryPolicy } from "./retry.js";

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
        const failed = retryableGraphqlAnswer(answer);
        if (!failed) return answer;
        failure = failed;
      } catch (error) {
        thrown = error;
        failure = failureOf(error);
      }
      const decision = retryDecision(failure, attempt, write, policy);
      if (!decision.retry) {
        if (decision.error) throw givenUp(failure, decision.error, thrown);
        // Not ours to handle: the caller sees exactly what Octokit produced.
        if (answer) return answer;
        throw thrown;
      }
      policy.log?.(
        `retrying in ${(decision.waitMs / 1000).toFixed(1)} s after ${decision.reason} ` +
          `(attempt ${attempt + 1} of ${policy.attempts}): ${options.method} ${options.url}`,
      );
      await policy.sleep(decision.waitMs);
    }
  });
}
