// Fixtures and a nock-backed GitHub for the collect tests: GraphQL answers built from small node factories.

import nock from "nock";
import type { Period } from "../../src/model.js";
import { API } from "../support/github.js";

export const WEEK_27: Period = {
  kind: "week",
  id: "2017-W27",
  year: 2017,
  week: 27,
  timeZone: "UTC",
  start: "2017-07-03T00:00:00.000Z",
  end: "2017-07-10T00:00:00.000Z",
  firstDay: "2017-07-03",
  lastDay: "2017-07-09",
};

export interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
}

export function operationName(body: GraphqlBody): string {
  return /query (\w+)/.exec(body.query)?.[1] ?? "?";
}

export function rateLimit(cost = 1, remaining = 4999) {
  return { cost, remaining, resetAt: "2017-07-10T01:00:00Z" };
}

export function actor(login: string, typename = "User") {
  return { login, __typename: typename };
}

export function pullNode(repo: string, number: number, extra: Record<string, unknown> = {}) {
  return {
    __typename: "PullRequest",
    number,
    title: `PR ${number}`,
    url: `https://github.com/${repo}/pull/${number}`,
    mergedAt: "2017-07-05T12:00:00Z",
    repository: { nameWithOwner: repo },
    author: actor("rn"),
    labels: { nodes: [] },
    files: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: "f1" }, nodes: [{ path: "README.md" }] },
    reviews: { nodes: [] },
    commits: { nodes: [] },
    closingIssuesReferences: { nodes: [] },
    ...extra,
  };
}

export function issueNode(repo: string, number: number, extra: Record<string, unknown> = {}) {
  return {
    __typename: "Issue",
    number,
    title: `Issue ${number}`,
    url: `https://github.com/${repo}/issues/${number}`,
    closedAt: "2017-07-06T08:00:00Z",
    stateReason: "COMPLETED",
    repository: { nameWithOwner: repo },
    author: actor("justincormack"),
    labels: { nodes: [] },
    ...extra,
  };
}

export function searchPage(
  nodes: unknown[],
  options: { issueCount?: number; endCursor?: string | null; cost?: number; remaining?: number } = {},
) {
  const endCursor = options.endCursor ?? null;
  return {
    data: {
      search: {
        issueCount: options.issueCount ?? nodes.length,
        pageInfo: { hasNextPage: endCursor !== null, endCursor },
        nodes,
      },
      rateLimit: rateLimit(options.cost, options.remaining),
    },
  };
}

export function paths(from: number, to: number): { path: string }[] {
  return Array.from({ length: to - from }, (_, i) => ({ path: `pkg/file${from + i}.go` }));
}

/** A PR changing `total` files (pkg/file0.go ...): the search page carries the first 100, then cursor `f100`. */
export function bigPull(repo: string, number: number, total: number, extra: Record<string, unknown> = {}) {
  const first = Math.min(100, total);
  return pullNode(repo, number, {
    files: {
      totalCount: total,
      pageInfo: { hasNextPage: total > first, endCursor: `f${first}` },
      nodes: paths(0, first),
    },
    ...extra,
  });
}

/**
 * Answers a PullRequestFiles query from `totals` (PR number -> file count): alias `p<i>` gets the 100 paths after
 * `$cursor<i>` (`f<offset>`) of PR `$number<i>`.
 */
export function filesAnswer(body: GraphqlBody, totals: Record<number, number>, rate = rateLimit()) {
  const data: Record<string, unknown> = { rateLimit: rate };
  for (let i = 0; `number${i}` in body.variables; i++) {
    const total = totals[body.variables[`number${i}`] as number];
    const offset = Number(String(body.variables[`cursor${i}`]).slice(1));
    const end = Math.min(offset + 100, total!);
    data[`p${i}`] = {
      pullRequest: {
        files: {
          totalCount: total,
          pageInfo: { hasNextPage: end < total!, endCursor: `f${end}` },
          nodes: paths(offset, end),
        },
      },
    };
  }
  return { data };
}

export type Grammar = "advanced" | "legacy";

/** A search string with several scope qualifiers in the advanced form: `( repo:a OR repo:b ) ...`. */
export const isGrouped = (searchQuery: unknown): boolean => String(searchQuery).startsWith("( ");

/**
 * Answers a search the way GitHub would under `grammar`, given the right answer `page` to a multi-repository search:
 * under advanced, the grouped form gets it and the space-separated (legacy) form matches nothing; under legacy, the
 * other way round (its "OR" and parentheses are words no item holds). The probe counts the legacy form.
 */
export function underGrammar(grammar: Grammar, body: GraphqlBody, page: ReturnType<typeof searchPage>) {
  const legacyCount = grammar === "legacy" ? page.data.search.issueCount : 0;
  const right = isGrouped(body.variables.searchQuery) === (grammar === "advanced");
  const answer = right ? page : searchPage([]);
  return body.variables.probe === true ? { data: { ...answer.data, probe: { issueCount: legacyCount } } } : answer;
}

/**
 * One nock interceptor for every POST /graphql, answering through `answer` and recording each body in order.
 * `delayMs` holds every answer back, so concurrent requests overlap.
 */
export function fakeGraphql(
  answer: (body: GraphqlBody) => unknown,
  options: { delayMs?: number; status?: number } = {},
) {
  const bodies: GraphqlBody[] = [];
  let interceptor = nock(API)
    .persist()
    .post("/graphql", (body: GraphqlBody) => {
      bodies.push(body);
      return true;
    });
  if (options.delayMs) interceptor = interceptor.delay(options.delayMs);
  // A probe nobody answered counts 0, as github.com's advanced grammar does for disjoint qualifiers.
  const withProbe = (body: GraphqlBody, reply: unknown): unknown => {
    const data = (reply as { data?: Record<string, unknown> } | null)?.data;
    if (body.variables.probe !== true || !data?.search || "probe" in data) return reply;
    return { ...(reply as object), data: { ...data, probe: { issueCount: 0 } } };
  };
  const scope = interceptor.reply(
    options.status ?? 200,
    (_uri, body) => withProbe(body as GraphqlBody, answer(body as GraphqlBody)) as nock.Body,
  );
  return { bodies, scope };
}
