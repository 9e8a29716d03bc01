// Every request of one collect run goes through here: the concurrency bound, the counters, the error wrapping.

import pLimit, { type LimitFunction } from "p-limit";
import type { GitHubClient, ProgressLog } from "../github/client.js";
import { gitHubError, partialDataOf } from "../github/errors.js";
import { gapLine, gapsOf, type Gap } from "./gaps.js";
import type { RateLimitNode } from "./answers.js";
import type { ScopeForm } from "./search.js";

export type RequestKind = "searchPulls" | "searchIssues" | "searchActivity" | "filePages" | "branchHistory";

export interface CollectStats {
  /** GraphQL requests sent, by kind, and their sum. */
  requests: Record<Exclude<RequestKind, "branchHistory" | "searchActivity">, number> & {
    total: number;
    searchActivity?: number;
  } & {
    /** Only when the search found nothing and the default branches were checked (see moved.ts). */
    branchHistory?: number;
  };
  /** Search strings per kind: more than 1 when the repository qualifiers had to be split to fit 256 characters. */
  searchScopes: number;
  /** Windows cut into time slices because their search matched more than 1,000 items. */
  windowSplits: number;
  /**
   * Items seen twice (a repository matched by both `owner/name` and `owner/*`, results shifting between pages, hits
   * read again after a window that timed out midway was split).
   */
  duplicates: number;
  /** Sum of `rateLimit.cost` over all answers: the primary rate-limit points this run spent. */
  cost: number;
  /**
   * The lowest `rateLimit.remaining` answered within the latest reset window (`resetAt`): with several requests in
   * flight answers arrive out of order, so the last one to arrive may report more than is left. null until one
   * arrives (or when GitHub Enterprise has no limit).
   */
  remaining: number | null;
  /** The latest reset window seen: a later `resetAt` starts a new one, whose answers alone then count. */
  resetAt: string | null;
  /** The most requests ever in flight at once (never more than `concurrency`). */
  maxInFlight: number;
  /**
   * The form in which GitHub read several repo:/org: qualifiers as their union (see grammar.ts): null when no search
   * had more than one, or none found anything to tell by.
   */
  scopeForm: ScopeForm | null;
  /** What looks wrong with the result without failing the run, one sentence each: the CLI prints them. */
  warnings: string[];
}

export function emptyStats(): CollectStats {
  return {
    requests: { searchPulls: 0, searchIssues: 0, filePages: 0, total: 0 },
    searchScopes: 0,
    windowSplits: 0,
    duplicates: 0,
    cost: 0,
    remaining: null,
    resetAt: null,
    maxInFlight: 0,
    scopeForm: null,
    warnings: [],
  };
}

interface RateLimited {
  rateLimit: RateLimitNode | null;
}

/**
 * Names a request in an error message: `GitHub <action> failed for <subject>: ...`. A function subject reads the
 * error first (a batched query names the pull requests GitHub's errors point at).
 */
export interface RequestLabel {
  action: string;
  subject: string | ((error: unknown) => string);
  /** A failure the caller handles (a timed-out search asked again smaller): it does not end the run. */
  recoverable?: (error: unknown) => boolean;
}

export class Session {
  readonly stats = emptyStats();
  /** Every gap of the run (paths a partial answer left out), in the order the answers arrived. */
  readonly gaps: Gap[] = [];
  get scopeForm(): ScopeForm | null {
    return this.stats.scopeForm;
  }
  set scopeForm(form: ScopeForm | null) {
    this.stats.scopeForm = form;
  }
  private readonly limit: LimitFunction;
  private inFlight = 0;
  /** The first failure of the run; once set, queued requests settle with it instead of being sent. */
  private failure: Error | null = null;

  constructor(
    private readonly client: GitHubClient,
    readonly log: ProgressLog,
    concurrency: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
    }
    this.limit = pLimit(concurrency);
  }

  /**
   * Sends one GraphQL request when a slot is free. Only these leaf calls take a slot (never a task that itself
   * waits for requests), so nested fan-out cannot deadlock the limiter.
   */
  send<T extends RateLimited>(
    kind: RequestKind,
    document: string,
    variables: Record<string, unknown>,
    label: RequestLabel,
  ): Promise<T> {
    return this.request<T>(kind, document, variables, label);
  }

  /**
   * send, but an answer with both `data` and `errors` that `usable` accepts (a search that did answer) is kept:
   * each error becomes a gap (logged now, a warning at the end of the run), and the data comes back with its null
   * nodes for the caller to drop. `where` names the request for gaps no search hit names.
   */
  sendAllowingGaps<T extends RateLimited>(
    kind: RequestKind,
    document: string,
    variables: Record<string, unknown>,
    label: RequestLabel & { where: string; usable: (data: T) => boolean },
  ): Promise<T> {
    return this.request<T>(kind, document, variables, label, (error) => {
      const data = partialDataOf<T>(error);
      if (!data || !label.usable(data)) return undefined;
      const gaps = gapsOf(error, data, label.where);
      for (const gap of gaps) this.log(`${label.where}: ${gapLine(gap)}`);
      this.gaps.push(...gaps);
      return data;
    });
  }

  private request<T extends RateLimited>(
    kind: RequestKind,
    document: string,
    variables: Record<string, unknown>,
    label: RequestLabel,
    partial?: (error: unknown) => T | undefined,
  ): Promise<T> {
    return this.limit(async () => {
      // Rejecting (rather than dropping the queue) lets every waiting promise settle, and with the first error.
      if (this.failure) throw this.failure;
      this.stats.requests[kind] = (this.stats.requests[kind] ?? 0) + 1;
      this.stats.requests.total += 1;
      this.inFlight += 1;
      this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
      try {
        const data = await this.client.graphql<T>(document, variables);
        this.account(data.rateLimit);
        return data;
      } catch (error) {
        const data = partial?.(error);
        if (data) {
          this.account(data.rateLimit);
          return data;
        }
        // Any other failure fails the whole run: record it before the limiter starts the next queued request.
        const subject = typeof label.subject === "string" ? label.subject : label.subject(error);
        const wrapped = gitHubError(label.action, subject, error);
        throw label.recoverable?.(error) ? wrapped : this.abort(wrapped);
      } finally {
        this.inFlight -= 1;
      }
    });
  }

  /**
   * After a failure the run's result is lost anyway: keep queued requests from spending rate limit. Returns the
   * run's first error, which is the one worth reporting (later ones are mostly consequences).
   */
  abort(error: unknown): Error {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    return this.failure;
  }

  /** "(cost 1, 4999 remaining)" for the progress log. */
  rateNote(rateLimit: RateLimitNode | null): string {
    return rateLimit ? `(cost ${rateLimit.cost}, ${rateLimit.remaining} remaining)` : "(no rate limit reported)";
  }

  private account(rateLimit: RateLimitNode | null | undefined): void {
    if (!rateLimit) return;
    this.stats.cost += rateLimit.cost;
    const { remaining, resetAt } = this.stats;
    const window = Date.parse(rateLimit.resetAt);
    const current = resetAt === null ? NaN : Date.parse(resetAt);
    const comparable = !Number.isNaN(window) && !Number.isNaN(current);
    if (remaining === null || (comparable && window > current)) {
      // The first answer, or the first of a new window (the budget was refilled): its figure starts over.
      this.stats.remaining = rateLimit.remaining;
      this.stats.resetAt = rateLimit.resetAt;
    } else if (!comparable || window === current) {
      this.stats.remaining = Math.min(remaining, rateLimit.remaining);
    }
    // Else a late answer from a window already reset: it says nothing about what is left now.
  }
}
