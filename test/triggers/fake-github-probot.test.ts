// Probot as a GitHub Enterprise Server client of the fake: app JWT -> installation token -> REST and GraphQL.
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { Probot, ProbotOctokit } from "probot";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
const SAMPLE = "sample";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE], acceptAnyToken: false });
});
afterAll(() => fake.close());

test("Probot pointed at /api/v3 authenticates as an installation and acts as devreport[bot]", async () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const probot = new Probot({
    appId: 1, privateKey, baseUrl: `${fake.url}/api/v3`, logLevel: "fatal",
    // Probot 14 ignores the object form of throttle defaults; the function form turns retries and throttling off.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options,
      throttle: { enabled: false }, retry: { enabled: false } })),
  });
  const octokit = await probot.auth(1);
  const { data: comment } = await octokit.rest.issues.createComment({ owner: "acme", repo: "tinyos", issue_number: 113,
    body: "Drafted" });
  expect(comment.user?.login).toBe("devreport[bot]");
  const result = await octokit.graphql<{ repository: { issue: { title: string } } }>(
    `query Issue { repository(owner: "acme", name: "tinyos") { issue(number: 113) { title } } }`);
  expect(result.repository.issue.title).toBe("arm64 builds are slow");
  expect(fake.requests.map((r) => `${r.status} ${r.kind}`)).toEqual([
    "201 rest POST /app/installations/{id}/access_tokens",
    "201 rest POST /repos/{owner}/{repo}/issues/{number}/comments",
    "200 graphql Issue",
  ]);
});
