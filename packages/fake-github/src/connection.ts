// Relay connections as GitHub serves them: `first`/`last` are required and capped at 100, and cursors are opaque
// base64 strings ("cursor:N" inside, like GitHub's search cursors) that clients must not parse.
import { GitHubGraphQLError } from "./errors.js";

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: T[];
  edges: { node: T; cursor: string }[];
}

export const encodeCursor = (position: number): string => Buffer.from(`cursor:${position}`).toString("base64");

function decodeCursor(cursor: string): number {
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match)
    throw new GitHubGraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`, "INVALID_CURSOR_ARGUMENTS");
  return Number(match[1]);
}

export interface ConnectionOptions {
  /** GitHub lets most connections take `first: 0` (for totalCount alone); search must ask for 1..100. */
  minimum?: 0 | 1;
  /** What totalCount reports when it differs from what can be paged (search's 1,000 cap). */
  totalCount?: number;
}

/** One page of `all` (already filtered and ordered). `name` is the field name used in error messages. */
export function connection<T>(all: T[], args: PageArgs, name: string, options: ConnectionOptions = {}): Connection<T> {
  const { first, last } = args;
  const minimum = options.minimum ?? 0;
  if (first == null && last == null) {
    throw new GitHubGraphQLError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  }
  for (const [argument, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value == null) continue;
    if (value > 100) {
      throw new GitHubGraphQLError(
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argument}\` ` +
          `limit of 100 records. \`${argument}\` must be between ${minimum} and 100.`,
      );
    }
    if (value < minimum) {
      throw new GitHubGraphQLError(
        `\`${argument}\` on the \`${name}\` connection must be between ${minimum} and 100 ` + `(got ${value}).`,
      );
    }
  }
  let start = args.after ? decodeCursor(args.after) : 0;
  let end = args.before ? Math.min(decodeCursor(args.before) - 1, all.length) : all.length;
  start = Math.min(start, end);
  if (first != null) end = Math.min(end, start + first);
  if (last != null) start = Math.max(start, end - last);
  const edges = all.slice(start, end).map((node, i) => ({ node, cursor: encodeCursor(start + i + 1) }));
  return {
    totalCount: options.totalCount ?? all.length,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    nodes: edges.map((e) => e.node),
    edges,
  };
}
