// A branch an earlier run left without its PR (opening the PR failed, and deleting the branch failed too): the next
// run adopts it when it is the app's, and says what it did (issue 10, point 9).
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { serverError, startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { createClient } from "../../src/github/octokit.js";
import { publishDraft } from "../../src/publish/index.js";
import { published } from "../../src/triggers/replies.js";
import { APP, BRANCH, PATH, config, makeDraft } from "./helpers.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

const REPO = "linuxkit/linuxkit";
let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.store.ensureRepo(REPO, "master");
});
afterEach(async () => {
  await fake.close();
});

const publish = () =>
  publishDraft({
    client: createClient({ token: "t", apiUrl: fake.url, retry: false }),
    repo: REPO,
    draft: makeDraft(),
    config,
    appLogin: APP,
  });

describe("a branch left without its PR", () => {
  test("the next run opens the PR for the app's branch, and the reply says so", async () => {
    fake.interceptors.push(
      serverError(502, { kind: "rest POST /repos/{owner}/{repo}/pulls" }),
      serverError(502, { kind: "rest DELETE /repos/{owner}/{repo}/git/refs" }),
    );
    const error = await publish().then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(
      /and deleting the branch failed too .*; left branch devreport\/2017-W27 without a PR: delete it or re-run$/,
    );
    expect(fake.store.pullsOf(REPO)).toHaveLength(0);

    fake.interceptors.length = 0;
    const outcome = await publish();
    const pull = fake.store.pullsOf(REPO).find((p) => p.headRef === BRANCH)!;
    expect(outcome).toEqual({
      status: "unchanged",
      branch: BRANCH,
      pr: { number: pull.number, url: expect.any(String) },
      openedPull: true,
    });
    expect(published(outcome, PATH, REPO, REPO)).toBe(
      `Drafted ${PATH} in #${pull.number} (unchanged: the branch already holds this draft); ${BRANCH} had no PR (an earlier run could not open it), so #${pull.number} was opened for it now`,
    );
    // A run after that finds the PR: nothing more to say.
    const again = await publish();
    expect(again).toEqual({ status: "unchanged", branch: BRANCH, pr: outcome.pr });
    expect(published(again, PATH, REPO, REPO)).toBe(
      `Drafted ${PATH} in #${pull.number} (unchanged: the branch already holds this draft)`,
    );
  });
});
