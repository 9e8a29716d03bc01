// Primary rate-limit budgets per identity and resource ("core" for REST, "graphql"), refilled hourly like GitHub's.

export interface RateLimitState {
  resource: string;
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds when the budget refills. */
  reset: number;
}

export class RateLimits {
  private readonly budgets = new Map<string, RateLimitState>();

  constructor(readonly limit = 5000) {}

  /** Spends `cost` (0 to peek) and returns the budget after spending. Remaining never goes below zero. */
  take(identity: string, resource: string, cost: number, nowMs: number): RateLimitState {
    const key = `${resource}:${identity}`;
    let budget = this.budgets.get(key);
    if (!budget || budget.reset * 1000 <= nowMs) {
      budget = { resource, limit: this.limit, remaining: this.limit, used: 0, reset: Math.floor(nowMs / 1000) + 3600 };
      this.budgets.set(key, budget);
    }
    budget.used += cost;
    budget.remaining = Math.max(0, this.limit - budget.used);
    return { ...budget };
  }
}
