// A webhook delivery is handled once. GitHub's redelivery (and a replayed request) repeats the delivery id
// (X-GitHub-Delivery, Probot's context.id: docs.github.com/en/webhooks/testing-and-troubleshooting-webhooks/
// redelivering-webhooks), so the ids of recent deliveries are remembered, the oldest forgotten first: at most
// `max` ids, each for `ttlMs`. Bounded, so a flood of deliveries cannot grow the server's memory.

export interface RecentDeliveriesOptions {
  max?: number;
  ttlMs?: number;
  now?: () => number;
}

export class RecentDeliveries {
  private readonly seen = new Map<string, number>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: RecentDeliveriesOptions = {}) {
    this.max = options.max ?? 1000;
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** True the first time an id is offered (within the window), and remembers it; false for a repeat. */
  firstTime(id: string): boolean {
    const now = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    // Oldest first (a Map keeps insertion order): the expired ones, then as many as make room for this one.
    for (const [old, when] of this.seen) {
      if (now - when < this.ttlMs && this.seen.size < this.max) break;
      this.seen.delete(old);
    }
    this.seen.set(id, now);
    return true;
  }

  /** A delivery whose handling failed may be redelivered to try again. */
  forget(id: string): void {
    this.seen.delete(id);
  }
}

interface DeliveryContext {
  id: string;
  name: string;
  log: { info: (fields: object, message: string) => void };
}

/** The handler, run once per delivery id; a repeat is logged and ignored. */
export function oncePerDelivery<C extends DeliveryContext>(
  deliveries: RecentDeliveries,
  handler: (context: C) => Promise<void>,
): (context: C) => Promise<void> {
  return async (context) => {
    if (!deliveries.firstTime(context.id)) {
      context.log.info({ delivery: context.id, event: context.name }, "delivery already handled; ignoring the repeat");
      return;
    }
    try {
      await handler(context);
    } catch (error) {
      deliveries.forget(context.id);
      throw error;
    }
  };
}
