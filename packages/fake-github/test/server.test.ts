// The HTTP surface: GHE paths, authentication, the app's token exchange, rate-limit headers, the request log,
// latency and the interceptor hook.
import { afterEach, describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../src/server.js";
import { gql, rest, SAMPLE } from "./helpers.js";

let fake: FakeGitHub;
const start = async (options: FakeGitHubOptions = {}) => (fake = await startFakeGitHub({ data: [SAMPLE], ...options }));
afterEach(() => fake?.close());

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe("fake GitHub server", () => {
  test("serves GitHub Enterprise Server paths for Octokit (REST under /api/v3, GraphQL at /api/graphql)", async () => {
    await start();
    const octokit = new Octokit({ auth: "x", baseUrl: `${fake.url}/api/v3`, log: silent });
    const { data: repo } = await octokit.rest.repos.get({ owner: "acme", repo: "vsock" });
    expect(repo.full_name).toBe("acme/vsock");
    const { data: ref } = await octokit.rest.git.getRef({ owner: "acme", repo: "tinyos", ref: "heads/main" });
    expect(ref.ref).toBe("refs/heads/main");
    const result = await octokit.graphql<{ repository: { nameWithOwner: string } }>(
      `query Repo { repository(owner: "acme", name: "rtf") { nameWithOwner } }`,
    );
    expect(result.repository.nameWithOwner).toBe("acme/rtf");
    expect(fake.requests.map((r) => [r.method, r.path, r.status, r.kind])).toEqual([
      ["GET", "/api/v3/repos/acme/vsock", 200, "rest GET /repos/{owner}/{repo}"],
      ["GET", "/api/v3/repos/acme/tinyos/git/ref/heads%2Fmain", 200, "rest GET /repos/{owner}/{repo}/git/ref/{+ref}"],
      ["POST", "/api/graphql", 200, "graphql Repo"],
    ]);
    const plain = await gql(fake, `{ repository(owner: "acme", name: "rtf") { name } }`, {}, { path: "/api/graphql" });
    expect(plain.body.data.repository.name).toBe("rtf");
    expect(fake.requests.at(-1)?.kind).toBe("graphql anonymous");
  });

  test("401 for missing, rejected and (when strict) unknown tokens; errors reach Octokit as GitHub's", async () => {
    await start({ rejectTokens: ["revoked"] });
    expect(await rest(fake, "GET", "/repos/acme/tinyos", undefined, { token: null })).toMatchObject({
      status: 401,
      body: { message: "Requires authentication" },
    });
    const revoked = await rest(fake, "GET", "/repos/acme/tinyos", undefined, { token: "revoked" });
    expect(revoked).toMatchObject({
      status: 401,
      body: { message: "Bad credentials", documentation_url: expect.any(String) },
    });
    expect((await gql(fake, "{ viewer { login } }", {}, { token: "revoked" })).status).toBe(401);
    expect((await rest(fake, "GET", "/repos/acme/tinyos", undefined, { token: "anything" })).status).toBe(200);
    fake.auth.acceptAnyToken = false;
    expect((await rest(fake, "GET", "/repos/acme/tinyos", undefined, { token: "anything" })).status).toBe(401);
    fake.store.registerToken("ghp_known", { login: "alice", type: "User" });
    expect((await rest(fake, "GET", "/repos/acme/tinyos", undefined, { token: "ghp_known" })).status).toBe(200);
    const octokit = new Octokit({ auth: "revoked", baseUrl: fake.url, log: silent });
    await expect(octokit.rest.repos.get({ owner: "acme", repo: "tinyos" })).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("Bad credentials"),
    });
  });

  test("the app's JWT buys installation tokens that act as devreport[bot], even when strict", async () => {
    await start({ acceptAnyToken: false });
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln";
    const headers = { authorization: `Bearer ${jwt}` };
    const installation = await (await fetch(`${fake.url}/repos/acme/tinyos/installation`, { headers })).json();
    expect(installation).toMatchObject({ id: 1 });
    expect(await (await fetch(`${fake.url}/app`, { headers })).json()).toMatchObject({ slug: "devreport" });
    const res = await fetch(`${fake.url}/app/installations/1/access_tokens`, { method: "POST", headers });
    expect(res.status).toBe(201);
    const { token, expires_at, permissions } = (await res.json()) as any;
    expect(token).toMatch(/^ghs_/);
    expect(expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(permissions).toMatchObject({ contents: "write", pull_requests: "write" });
    const comment = await rest(fake, "POST", "/repos/acme/tinyos/issues/113/comments", { body: "hi" }, { token });
    expect(comment.body.user).toMatchObject({ login: "devreport[bot]", type: "Bot" });
    expect((await fetch(`${fake.url}/app`, { headers: { authorization: "token not-a-jwt" } })).status).toBe(401);
  });

  test("rate-limit headers on every response, spent per resource", async () => {
    await start();
    const first = await rest(fake, "GET", "/repos/acme/tinyos");
    const second = await rest(fake, "GET", "/repos/acme/nope");
    expect(second.status).toBe(404);
    expect(
      Object.fromEntries(
        ["limit", "remaining", "used", "resource"].map((h) => [h, second.headers.get(`x-ratelimit-${h}`)]),
      ),
    ).toEqual({ limit: "5000", remaining: "4998", used: "2", resource: "core" });
    expect(Number(first.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    const graphql = await fetch(fake.graphqlUrl, {
      method: "POST",
      headers: { authorization: "bearer x" },
      body: JSON.stringify({ query: "{ rateLimit { used } }" }),
    });
    expect(graphql.headers.get("x-ratelimit-resource")).toBe("graphql");
    expect(graphql.headers.get("x-ratelimit-used")).toBe("1");
  });

  test("latency, peak in-flight requests and interceptors (the hook for fault injection)", async () => {
    await start({ latencyMs: 50 });
    // All five are held until the fifth has arrived, so the peak is 5 however slowly a loaded machine sends them.
    let arrived = 0;
    let release: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => (release = resolve));
    fake.interceptors.push(async () => {
      if (++arrived === 5) release();
      await allArrived;
      return undefined;
    });
    let seen = 0;
    fake.interceptors.push((req) => {
      if (!req.kind.startsWith("graphql") || seen++ > 0) return undefined;
      return { status: 502, body: { message: "Server Error" } };
    });
    const query = "query Five { viewer { login } }";
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(fake.graphqlUrl, {
          method: "POST",
          headers: { authorization: "bearer x" },
          body: JSON.stringify({ query }),
        }).then((r) => r.status),
      ),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(statuses.sort()).toEqual([200, 200, 200, 200, 502]);
    expect(fake.peakInFlight).toBe(5);
    expect(fake.inFlight).toBe(0);
    expect(fake.requests.map((r) => r.kind)).toEqual(Array(5).fill("graphql Five"));
    expect(fake.requests.every((r) => r.ms >= 45)).toBe(true);

    fake.interceptors.splice(0, fake.interceptors.length, () => ({ status: 0, drop: true }));
    await expect(fetch(`${fake.url}/repos/acme/tinyos`, { headers: { authorization: "token x" } })).rejects.toThrow();
    expect(fake.requests.at(-1)).toMatchObject({ status: -1, kind: "rest GET /repos/{owner}/{repo}" });
  });
});
