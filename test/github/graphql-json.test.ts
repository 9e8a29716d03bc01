// GraphQL answers are parsed with JSON.parse (src/github/graphql-json.ts), for the CLI's client and the app's
// Octokit alike, while REST answers and GraphQL errors come out as Octokit gives them. Against nock, no network.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { Probot } from "probot";
import { appOctokit } from "../../src/github/app-octokit.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createClient } from "../../src/github/octokit.js";
import { privateKey } from "../support/probot.js";

const API = "https://api.github.com";
// Past Number.MAX_SAFE_INTEGER: Octokit's own parser (json-with-bigint) makes it a BigInt, JSON.parse a number. No
// GitHub GraphQL answer holds such a number; here it only tells which parser read the body.
const BIG = "9007199254740993";

async function appClient(): Promise<GitHubClient> {
  const probot = new Probot({ appId: 1, privateKey, logLevel: "fatal", Octokit: appOctokit({ spacing: false }) });
  nock(API)
    .post("/app/installations/2/access_tokens")
    .reply(201, { token: "t", expires_at: "2999-01-01T00:00:00Z", permissions: {} });
  return (await probot.auth(2)) as unknown as GitHubClient;
}

const clients: [string, () => Promise<GitHubClient>][] = [
  ["the CLI's client", async () => createClient({ token: "t", retry: false })],
  ["the app's Octokit", appClient],
];

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe.each(clients)("%s", (_name, make) => {
  test("reads a GraphQL answer with JSON.parse", async () => {
    const client = await make();
    nock(API).post("/graphql").reply(200, `{"data":{"viewer":{"login":"x","n":${BIG},"list":[1,"two",null,true]}}}`, {
      "content-type": "application/json; charset=utf-8",
    });
    const answer = await client.graphql<{ viewer: { login: string; n: unknown; list: unknown[] } }>(
      "query { viewer { login } }",
    );
    expect(answer.viewer).toEqual({ login: "x", n: 9007199254740992, list: [1, "two", null, true] });
  });

  test("GraphQL errors still fail the call as Octokit's GraphqlResponseError", async () => {
    const client = await make();
    nock(API)
      .post("/graphql")
      .reply(200, { data: null, errors: [{ type: "NOT_FOUND", message: "Could not resolve" }] });
    await expect(client.graphql("query { viewer { login } }")).rejects.toMatchObject({
      name: "GraphqlResponseError",
      errors: [{ type: "NOT_FOUND", message: "Could not resolve" }],
    });
  });

  test("REST answers keep Octokit's parser", async () => {
    const client = await make();
    nock(API).get("/repos/o/r").reply(200, `{"id":${BIG}}`, { "content-type": "application/json; charset=utf-8" });
    const { data } = await client.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });
    expect(typeof (data as { id: unknown }).id).toBe("bigint");
  });
});
