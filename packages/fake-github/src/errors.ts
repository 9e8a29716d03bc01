// Errors the GraphQL layer raises the way GitHub reports them: a message plus a top-level `type`.

export class GitHubGraphQLError extends Error {
  constructor(
    message: string,
    readonly type?: "NOT_FOUND" | "INVALID" | "INVALID_CURSOR_ARGUMENTS" | "FORBIDDEN" | "RATE_LIMITED",
  ) {
    super(message);
  }
}

export const notFound = (message: string): GitHubGraphQLError => new GitHubGraphQLError(message, "NOT_FOUND");
