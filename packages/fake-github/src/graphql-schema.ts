// GitHub's real schema, built once per process: building the client schema from the 7 MB introspection JSON takes
// about half a second, and the package parses that JSON on import, so both wait until the first query.
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let cached: Promise<GraphQLSchema> | undefined;

export function githubSchema(): Promise<GraphQLSchema> {
  cached ??= import("@octokit/graphql-schema").then(({ schema }) =>
    buildClientSchema(schema.json as unknown as IntrospectionQuery),
  );
  return cached;
}
