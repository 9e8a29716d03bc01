// The app writes only to a branch it created: never the default branch, a protected branch, or a branch somebody
// else started (issue 10, point 1).
import { afterEach, describe, expect, test } from "@jest/globals";
import { protectBranch, startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { resolveConfig } from "../../src/config/index.js";
import { createClient } from "../../src/github/octokit.js";
import { publishDraft } from "../../src/publish/index.js";
import {
  APP,
  BRANCH,
  BRANCH_API,
  CONTENTS,
  REPO,
  commit,
  config,
  contents,
  github,
  makeDraft,
  newerDraft,
  publishRequest,
  existingBranch,
} from "./helpers.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: Error) => e.message,
  );
const OWN_BRANCH =
  "set publish.branch in .github/devreport.yml to a branch only the app writes (the default is devreport/{{id}})";

describe("publishing only to the app's own branch", () => {
  test("publish.branch naming the default branch is refused before anything is read of it or written", async () => {
    const master = resolveConfig({ preset: "linuxkit", publish: { branch: "master" } }, { source: "test" });
    const scope = github().get(REPO).reply(200, { default_branch: "master" });
    expect(await failure(publishDraft(publishRequest(makeDraft(), master)))).toBe(
      `linuxkit/linuxkit: publish.branch "master" gives "master", the default branch, and the app writes only to a branch it creates; ${OWN_BRANCH}`,
    );
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("an existing branch with no commits of its own is not taken over", async () => {
    const scope = existingBranch(github(), "m1", []);
    expect(await failure(publishDraft(publishRequest(newerDraft())))).toBe(
      `linuxkit/linuxkit: ${BRANCH} exists but has no commits beyond master, so devreport did not draft on it and will not take it over; delete ${BRANCH} if it is a leftover, or ${OWN_BRANCH}`,
    );
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a branch somebody else started (its first own commit is not an app draft) is left alone, even with drafts on top", async () => {
    const scope = existingBranch(github(), "c2", [
      commit("h1", "rn", { parents: ["m1"], message: "Work in progress\n" }),
      commit("c2", APP, { parents: ["h1"] }),
    ]);
    expect(await failure(publishDraft(publishRequest(newerDraft())))).toBe(
      `linuxkit/linuxkit: ${BRANCH} was not started by devreport (its first commit h1 is not a draft by ${APP}), so it is left alone; ${OWN_BRANCH}`,
    );
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("the app's branch, protected since: asked before the write, refused", async () => {
    const scope = existingBranch(github(), "c1", [commit("c1", APP, { parents: ["m1"] })])
      .get(CONTENTS)
      .query({ ref: "c1" })
      .reply(200, contents(makeDraft().markdown))
      .get(BRANCH_API)
      .reply(200, { name: BRANCH, commit: { sha: "c1" }, protected: true });
    expect(await failure(publishDraft(publishRequest(newerDraft())))).toBe(
      `linuxkit/linuxkit: ${BRANCH} is a protected branch, and the app writes only to an unprotected branch it created; remove the protection from ${BRANCH} or ${OWN_BRANCH}`,
    );
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("against the fake GitHub", () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  test("a protected report branch keeps its draft; the fake serves `protected`", async () => {
    fake = await startFakeGitHub();
    const repo = fake.store.ensureRepo("linuxkit/linuxkit", "master");
    const client = createClient({ token: "t", apiUrl: fake.url, retry: false });
    const publish = (draft = makeDraft()) =>
      publishDraft({ client, repo: "linuxkit/linuxkit", draft, config, appLogin: APP });
    expect(await publish()).toMatchObject({ status: "created", branch: BRANCH });
    const head = repo.refs.get(`heads/${BRANCH}`);
    protectBranch(repo, BRANCH);
    expect(await failure(publish(newerDraft()))).toMatch(
      new RegExp(`^linuxkit/linuxkit: ${BRANCH} is a protected branch`),
    );
    expect(repo.refs.get(`heads/${BRANCH}`)).toBe(head);
  });
});
