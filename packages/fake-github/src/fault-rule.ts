// What every fault of faults.ts and graphql-faults.ts is built from: the rule that chooses requests, and the
// interceptor that records what it did.
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

export const realClock: Clock = { now: () => Date.now() };

export function matches(rule: FaultRule, req: FakeRequest): boolean {
  if (rule.method && req.method !== rule.method.toUpperCase()) return false;
  if (rule.when && !rule.when(req)) return false;
  if (rule.kind === undefined) return true;
  return typeof rule.kind === "string" ? req.kind.startsWith(rule.kind) : rule.kind.test(req.kind);
}

/** Counts matching requests and says whether this one is chosen by the rule. */
export function trigger(rule: FaultRule): (req: FakeRequest) => boolean {
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

export type Respond = (
  req: FakeRequest,
  ctx: InterceptorContext,
  fire: () => void,
) => FakeResponse | undefined | Promise<FakeResponse | undefined>;

/** `respond` calls `fire` when it acts on a request (a delay acts without answering). */
export function fault(name: string, respond: Respond): Fault {
  const fired: FaultEvent[] = [];
  const intercept: Interceptor = (req, ctx) =>
    respond(req, ctx, () => fired.push({ fault: name, index: ctx.index, kind: req.kind }));
  return Object.assign(intercept, { fired });
}

/** The usual case: answer with `response` when the rule chooses the request. */
export const answer =
  (chosen: (req: FakeRequest) => boolean, response: () => FakeResponse): Respond =>
  (req, _ctx, fire) => {
    if (!chosen(req)) return undefined;
    fire();
    return response();
  };
