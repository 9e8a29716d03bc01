// `publish.branch` naming the default branch (issue 10, point 1): the run fails in one line and the default branch
// is not written, through the use case every trigger calls.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { parseConfigText } from "../../src/config/index.js";
import { createClient } from "../../src/github/octokit.js";
import { PublishError } from "../../src/publish/index.js";
import { draftAndPublish } from "../../src/usecase/draft-and-publish.js";
import { SAMPLE } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

const REPO = "acme/tinyos";
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
});
afterAll(() => fake.close());

test("publish.branch rendering to the default branch: refused, nothing written, no PR", async () => {
  const repo = fake.store.getRepo(REPO)!;
  const head = repo.refs.get(`heads/${repo.defaultBranch}`);
  const start = fake.requests.length;
  const outcome = await draftAndPublish({
    client: createClient({ token: "t", apiUrl: fake.apiUrl }),
    repo: REPO,
    period: "2024-W10",
    readConfig: async () =>
      parseConfigText(`repositories: [acme/tinyos]\npublish: {branch: "${repo.defaultBranch}"}\n`, {
        source: "test",
        self: REPO,
      }),
    mode: "publish",
    appLogin: async () => fake.store.app.login,
  });
  expect(outcome.status).toBe("failed");
  if (outcome.status !== "failed") return;
  expect(outcome.error).toBeInstanceOf(PublishError);
  expect((outcome.error as Error).message).toBe(
    `acme/tinyos: publish.branch "${repo.defaultBranch}" gives "${repo.defaultBranch}", the default branch, and the app writes only to a branch it creates; set publish.branch in .github/devreport.yml to a branch only the app writes (the default is devreport/{{id}})`,
  );
  expect(repo.refs.get(`heads/${repo.defaultBranch}`)).toBe(head);
  expect(fake.requests.slice(start).filter((r) => r.method !== "GET" && !r.kind.startsWith("graphql"))).toEqual([]);
  expect(fake.store.pullsOf(REPO).filter((p) => p.headRef === repo.defaultBranch)).toEqual([]);
});
