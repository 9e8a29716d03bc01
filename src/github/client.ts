// The slice of Octokit that devreport uses. Probot's context.octokit, @octokit/rest's Octokit and the CLI's client
// all satisfy it, so the GitHub edge can be driven by any of them (and by nock or the fake GitHub in tests).

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are GitHub's JSON; callers narrow them */
export interface GitHubResponse<T = any> {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: T;
}

export interface GitHubClient {
  graphql: <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  request: <T = any>(route: string, parameters?: Record<string, unknown>) => Promise<GitHubResponse<T>>;
}

/** A progress line sink (the CLI writes them to stderr, the app to its logger). */
export type ProgressLog = (line: string) => void;
