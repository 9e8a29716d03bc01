// Executes GraphQL documents against GitHub's real schema over the store, answering like api.github.com/graphql:
// HTTP 200 in every case, `errors` for syntax, validation and resolver failures, and a top-level `type` on errors
// GitHub types (NOT_FOUND...). Root fields the fake does not implement fail loudly instead of returning null.
import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { connection, type PageArgs } from "./connection.js";
import { GitHubGraphQLError, notFound } from "./errors.js";
import { actorNode, itemNode, repositoryNode } from "./graphql-nodes.js";
import { githubSchema } from "./graphql-schema.js";
import { parseNodeId } from "./node-id.js";
import { DEFAULT_SEARCH_GRAMMAR, searchIssues, type SearchGrammar } from "./search.js";
import { queryCost } from "./query-cost.js";
import type { FakeStore } from "./store.js";
import type { Account } from "./types.js";

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Record<string, unknown>[];
}

/** The operation a request runs, for request logs: its name, or "anonymous". */
export function operationNameOf(body: GraphQLRequestBody): string | undefined {
  if (typeof body.operationName === "string" && body.operationName) return body.operationName;
  if (typeof body.query !== "string") return undefined;
  return (
    /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(body.query)?.[1] ??
    "anonymous"
  );
}

function formatError(error: GraphQLError): Record<string, unknown> {
  const json: Record<string, unknown> = { ...error.toJSON() };
  const original = error.originalError;
  if (original instanceof GitHubGraphQLError && original.type) json.type = original.type;
  if (!original || original instanceof GitHubGraphQLError) delete json.extensions;
  return json;
}

function rootValue(store: FakeStore, viewer: Account, rateLimit: object, grammar: SearchGrammar): object {
  const root: Record<string, unknown> = {
    rateLimit: () => rateLimit,
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = store.getRepo(`${owner}/${name}`);
      if (!repo) throw notFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repositoryNode(store, repo);
    },
    search: (args: PageArgs & { query: string; type: string }) => {
      if (args.type !== "ISSUE")
        throw new GitHubGraphQLError(`The fake GitHub only searches type ISSUE, not ${args.type}.`);
      const result = searchIssues(
        store.searchable(),
        args.query,
        {
          repoExists: (name) => store.getRepo(name) !== undefined,
          ownerExists: (login) => [...store.repos.values()].some((r) => r.owner.toLowerCase() === login.toLowerCase()),
        },
        grammar,
      );
      if ("error" in result) throw new GitHubGraphQLError(result.error, result.type);
      const page = connection(result.items, args, "search", { minimum: 1 });
      const nodes = page.nodes.map((item) => itemNode(store, item));
      return {
        issueCount: result.issueCount,
        pageInfo: page.pageInfo,
        nodes,
        edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i], textMatches: [] })),
        codeCount: 0,
        repositoryCount: 0,
        userCount: 0,
        wikiCount: 0,
        discussionCount: 0,
      };
    },
    viewer: () => ({ ...actorNode(viewer), __typename: "User" }),
    user: ({ login }: { login: string }) => actorNode(store.account(login, "User")),
    node: ({ id }: { id: string }) => nodeById(store, id),
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => nodeById(store, id)),
  };
  // graphql-js reads root fields as properties; a Proxy turns every field the fake lacks into a clear error.
  return new Proxy(root, {
    get: (target, field) =>
      typeof field !== "string" || field in target
        ? Reflect.get(target, field)
        : () => {
            throw new GitHubGraphQLError(`The fake GitHub does not implement the root field \`${field}\`.`);
          },
  });
}

function nodeById(store: FakeStore, id: string): object | null {
  const parsed = parseNodeId(id);
  const ref = parsed && /^(.+)#(\d+)$/.exec(parsed.key);
  if (parsed?.kind === "R" && !parsed.key.includes(":")) {
    const repo = store.getRepo(parsed.key);
    if (repo) return repositoryNode(store, repo);
  }
  if (ref) {
    const item = store.get(ref[1]!, Number(ref[2]));
    if (item) return itemNode(store, item);
  }
  throw notFound(`Could not resolve to a node with the global id of '${id}'`);
}

/**
 * Parsing and validating a query costs about as much as answering a small one (a benchmark's 146 queries spent over a
 * second of the fake's CPU in validate()), and clients send the same few query texts again and again: keep the
 * outcome per schema and text, as GraphQL servers cache documents. graphql-js never mutates a document it executes.
 */
const checkedDocuments = new WeakMap<
  GraphQLSchema,
  Map<string, { document: DocumentNode } | { errors: Record<string, unknown>[] }>
>();
const CHECKED_DOCUMENTS_KEPT = 256;

function checkedDocument(
  schema: GraphQLSchema,
  query: string,
): { document: DocumentNode } | { errors: Record<string, unknown>[] } {
  let byText = checkedDocuments.get(schema);
  if (!byText) checkedDocuments.set(schema, (byText = new Map()));
  const known = byText.get(query);
  if (known) return known;
  let checked: { document: DocumentNode } | { errors: Record<string, unknown>[] };
  try {
    const document = parse(query);
    const invalid = validate(schema, document);
    checked = invalid.length > 0 ? { errors: invalid.map(formatError) } : { document };
  } catch (error) {
    checked = { errors: [formatError(error as GraphQLError)] };
  }
  // Bounded: a long-running fake serving generated queries must not grow without end.
  if (byText.size >= CHECKED_DOCUMENTS_KEPT) byText.clear();
  byText.set(query, checked);
  return checked;
}

/**
 * Runs one request as `viewer`, charging its GraphQL budget what GitHub's cost formula says the query costs. Search
 * strings are read with `searchGrammar` (DEFAULT_SEARCH_GRAMMAR unless told otherwise).
 */
export async function executeGraphQL(
  store: FakeStore,
  body: GraphQLRequestBody,
  viewer: Account,
  searchGrammar: SearchGrammar = DEFAULT_SEARCH_GRAMMAR,
): Promise<GraphQLResponse> {
  if (typeof body.query !== "string")
    return { errors: [{ message: "A query attribute must be specified and must be a string." }] };
  const schema = await githubSchema();
  const checked = checkedDocument(schema, body.query);
  if ("errors" in checked) return { errors: checked.errors.map((error) => ({ ...error })) };
  const { document } = checked;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  const cost = queryCost(document, variables, typeof body.operationName === "string" ? body.operationName : undefined);
  const budget = store.rateLimits.take(viewer.login, "graphql", cost, store.nowMs());
  const rateLimit = {
    cost,
    limit: budget.limit,
    remaining: budget.remaining,
    used: budget.used,
    resetAt: new Date(budget.reset * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    nodeCount: operations.length,
  };
  const result = await execute({
    schema,
    document,
    rootValue: rootValue(store, viewer, rateLimit, searchGrammar),
    variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: typeof body.operationName === "string" ? body.operationName : undefined,
  });
  const response: GraphQLResponse = { data: (result.data as Record<string, unknown> | null | undefined) ?? null };
  if (result.errors?.length) response.errors = result.errors.map(formatError);
  return response;
}
