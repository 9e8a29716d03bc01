// Shared helpers for the fake GitHub's tests: synthetic records, and GraphQL / REST calls over real HTTP.
import { validate } from "@octokit/graphql-schema";
import { expect } from "@jest/globals";
import { fileURLToPath } from "node:url";
import type { FakeGitHub } from "../src/server.js";
import type { IssueRecord, PullRecord } from "../src/types.js";

// The datasets live at the repository root: the committed sample, and the shared LinuxKit data beside the repository.
export const SAMPLE = fileURLToPath(new URL("../../../sample", import.meta.url));
export const LINUXKIT = fileURLToPath(new URL("../../../../shared/linuxkit", import.meta.url));

export function pull(
  repo: string,
  number: number,
  mergedAt: string | null,
  extra: Partial<PullRecord> = {},
): PullRecord {
  return {
    kind: "pull",
    id: number,
    repo,
    number,
    title: `PR ${number}`,
    body: "",
    author: { login: "alice", type: "User" },
    state: mergedAt ? "closed" : "open",
    createdAt: mergedAt ?? "2024-01-01T00:00:00Z",
    updatedAt: mergedAt,
    closedAt: mergedAt,
    labels: [],
    placeholder: false,
    merged: mergedAt !== null,
    mergedAt,
    draft: false,
    headOwner: "alice",
    headRef: `b${number}`,
    baseRef: "main",
    files: [],
    commits: [],
    reviews: [],
    requestedReviewers: [],
    closes: [],
    ...extra,
  };
}

export function issue(
  repo: string,
  number: number,
  closedAt: string | null,
  extra: Partial<IssueRecord> = {},
): IssueRecord {
  return {
    kind: "issue",
    id: 100_000 + number,
    repo,
    number,
    title: `Issue ${number}`,
    body: "",
    author: { login: "bob", type: "User" },
    state: closedAt ? "closed" : "open",
    createdAt: "2024-01-01T00:00:00Z",
    updatedAt: closedAt,
    closedAt,
    labels: [],
    placeholder: false,
    stateReason: closedAt ? "COMPLETED" : null,
    ...extra,
  };
}

/** Sends a document the way Octokit does, after checking it against GitHub's schema like the app's own tests do. */
export async function gql(
  fake: FakeGitHub,
  query: string,
  variables: Record<string, unknown> = {},
  { token = "test-token", path = "/graphql", checkDocument = true } = {},
): Promise<{ status: number; body: any }> {
  if (checkDocument) expect(validate(query)).toEqual([]);
  const res = await fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

export async function rest(
  fake: FakeGitHub,
  method: string,
  path: string,
  body?: unknown,
  { token = "test-token" as string | null } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `token ${token}`;
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export const b64 = (text: string): string => Buffer.from(text).toString("base64");
