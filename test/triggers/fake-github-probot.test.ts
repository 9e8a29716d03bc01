// Probot as a GitHub Enterprise Server client of the fake: app JWT -> installation token -> REST and GraphQL.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { SAMPLE } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";
import { testProbot } from "../support/probot.js";

loopbackOnly();

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE], acceptAnyToken: false });
});
afterAll(() => fake.close());

test("Probot pointed at /api/v3 authenticates as an installation and acts as devreport[bot]", async () => {
  // Retries and throttling off (support/probot.ts: Probot 14 ignores the object form of throttle defaults).
  const probot = testProbot({ appId: 1, baseUrl: `${fake.url}/api/v3` });
  const octokit = await probot.auth(1);
  const { data: comment } = await octokit.rest.issues.createComment({
    owner: "acme",
    repo: "tinyos",
    issue_number: 113,
    body: "Drafted",
  });
  expect(comment.user?.login).toBe("devreport[bot]");
  const result = await octokit.graphql<{ repository: { issue: { title: string } } }>(
    `query Issue { repository(owner: "acme", name: "tinyos") { issue(number: 113) { title } } }`,
  );
  expect(result.repository.issue.title).toBe("arm64 builds are slow");
  expect(fake.requests.map((r) => `${r.status} ${r.kind}`)).toEqual([
    "201 rest POST /app/installations/{id}/access_tokens",
    "201 rest POST /repos/{owner}/{repo}/issues/{number}/comments",
    "200 graphql Issue",
  ]);
});
