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

export const GRAMMARS = ["advanced", "documented", "observed", "legacy"] as const;
export type Grammar = (typeof GRAMMARS)[number];

/** The form of a search string's scope (see src/collect/search.ts): `( a OR b ) ...`, `a OR b ...`, `a b ...`. */
export function formOf(searchQuery: unknown): "grouped" | "or-ed" | "spaced" {
  const text = String(searchQuery);
  if (text.startsWith("( ")) return "grouped";
  return /^(?:(?:repo|org):\S+ OR )+(?:repo|org):\S+ /.test(text) ? "or-ed" : "spaced";
}
export const isGrouped = (searchQuery: unknown): boolean => formOf(searchQuery) === "grouped";

/** Whether a search string names exactly one repo:/org: qualifier. */
const isSingle = (searchQuery: unknown): boolean => (String(searchQuery).match(/\b(?:repo|org):/g) ?? []).length === 1;

/** Which forms read as the union of their qualifiers under each reading (src/collect/search.ts). */
const UNION: Record<Grammar, readonly string[]> = {
  advanced: ["grouped"],
  documented: ["spaced", "or-ed"],
  observed: ["or-ed"],
  legacy: ["spaced"],
};

/** How many of `nodes` a single `repo:`/`org:` qualifier (the first word of `searchQuery`) matches. */
function countOf(searchQuery: unknown, nodes: unknown[]): number {
  const [qualifier = ""] = String(searchQuery).split(" ");
  const [kind, name = ""] = qualifier.split(":") as [string, string | undefined];
  return nodes.filter((node) => {
    const repo = String((node as { repository?: { nameWithOwner?: string } }).repository?.nameWithOwner).toLowerCase();
    return kind === "org" ? repo.startsWith(`${name.toLowerCase()}/`) : repo === name.toLowerCase();
  }).length;
}

/** The count GitHub would give `searchQuery` under `grammar`, `page` being the right answer to the union. */
function countUnder(grammar: Grammar, searchQuery: unknown, page: ReturnType<typeof searchPage>): number {
  const { issueCount, nodes } = page.data.search;
  if (isSingle(searchQuery)) return countOf(searchQuery, nodes);
  const form = formOf(searchQuery);
  if (UNION[grammar].includes(form)) return issueCount;
  // Read strictly, `a OR b rest` is `a OR (b AND rest)`: more than the union. Other wrong forms match nothing.
  return grammar === "advanced" && form === "or-ed" ? issueCount + 7 : 0;
}

/**
 * Answers a search the way GitHub would under `grammar`, given the right answer `page` to a multi-repository search:
 * a form that is the union under that reading gets `page`, another matches nothing (or, or-ed under the strict
 * reading, more); the grouped form is refused under the documented and observed readings. A probed request gets
 * the counts of the spaced form and of each qualifier on its own (`page`'s nodes in that repository).
 */
export function underGrammar(grammar: Grammar, body: GraphqlBody, page: ReturnType<typeof searchPage>) {
  const { searchQuery } = body.variables;
  if ((grammar === "documented" || grammar === "observed") && formOf(searchQuery) === "grouped") {
    return {
      data: null,
      errors: [
        {
          type: "INVALID",
          path: ["search"],
          message: "It's not currently possible to include the repo, org, or user qualifiers within parentheses.",
        },
      ],
    };
  }
  const right = isSingle(searchQuery) || UNION[grammar].includes(formOf(searchQuery));
  const answer = right ? page : searchPage([]);
  const probes: Record<string, { issueCount: number }> = {};
  for (const [name, value] of Object.entries(body.variables)) {
    if (name.startsWith("probe")) probes[name] = { issueCount: countUnder(grammar, value, page) };
  }
  return { ...answer, data: { ...answer.data, ...probes } };
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
  // A probe nobody answered says the or-ed form (the carrier) is the union: the spaced form and the first qualifier
  // count what the answer does, the other qualifiers nothing.
  const withProbe = (body: GraphqlBody, reply: unknown): unknown => {
    const data = (reply as { data?: Record<string, unknown> } | null)?.data;
    const search = data?.search as { issueCount: number } | undefined;
    if (!("probeSpaced" in body.variables) || !search || "probeSpaced" in data!) return reply;
    const probes: Record<string, { issueCount: number }> = {};
    for (const name of Object.keys(body.variables).filter((key) => key.startsWith("probe")))
      probes[name] = { issueCount: name === "probeSpaced" || name === "probePart0" ? search.issueCount : 0 };
    return { ...(reply as object), data: { ...data, ...probes } };
  };
  const scope = interceptor.reply(
    options.status ?? 200,
    (_uri, body) => withProbe(body as GraphqlBody, answer(body as GraphqlBody)) as nock.Body,
  );
  return { bodies, scope };
}
