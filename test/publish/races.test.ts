import { describe, expect, test } from "@jest/globals";
import nock from "nock";
import { publishDraft, PublishError } from "../../src/publish/index.js";
import {
  APP,
  BRANCH,
  BRANCH_API,
  BRANCH_REF,
  CONTENTS,
  PATH,
  REPO,
  commit,
  compare,
  config,
  contents,
  github,
  makeDraft,
  newerDraft,
  pullJson,
  unprotected,
  PR,
  publishRequest,
} from "./helpers.js";
import { offline } from "../support/net.js";

offline();

/** A first publish up to the point where the branch would be created. */
function uptoCreateRef(scope: nock.Scope) {
  return scope
    .get(REPO)
    .reply(200, { default_branch: "master" })
    .get(`${REPO}/git/ref/${BRANCH_REF}`)
    .reply(404, { message: "Not Found" })
    .get(`${REPO}/git/ref/heads%2Fmaster`)
    .reply(200, { object: { sha: "m1" } })
    .get(CONTENTS)
    .query({ ref: "m1" })
    .reply(404, { message: "Not Found" });
}

/** The first draft's one write after the branch: the report added on it (PUT contents). */
const addReport = (scope: nock.Scope) => scope.put(CONTENTS).reply(201, { commit: { sha: "c1" } });

const decorate = (scope: nock.Scope) =>
  scope
    .post(`${REPO}/issues/7/labels`)
    .reply(200, [])
    .post(`${REPO}/pulls/7/requested_reviewers`)
    .reply(201, pullJson(7));

describe("two runs at once end with one branch and one PR", () => {
  test("the branch was created meanwhile: read it again and carry on as an update", async () => {
    const scope = uptoCreateRef(github())
      .post(`${REPO}/git/refs`, { ref: `refs/heads/${BRANCH}`, sha: "m1" })
      .reply(422, { message: "Reference already exists" })
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(200, { object: { sha: "c9" } })
      .get(`${REPO}/pulls`)
      .query({ head: `linuxkit:${BRANCH}`, state: "open" })
      .reply(200, [])
      .get(`${REPO}/pulls`)
      .query({ head: `linuxkit:${BRANCH}`, state: "closed" })
      .reply(200, [])
      .get(`${REPO}/compare/master...c9`)
      .reply(200, compare([commit("c9", APP, { parents: ["m1"] })]))
      .get(CONTENTS)
      .query({ ref: "c9" })
      .reply(200, contents(makeDraft().markdown))
      // The other run has not opened its PR yet: this one does, after the commit exists.
      .post(`${REPO}/pulls`)
      .reply(201, pullJson(7));
    decorate(scope);
    expect(await publishDraft(publishRequest())).toEqual({ status: "unchanged", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("no answer to creating the branch, and it points at another run's commit: carry on as an update", async () => {
    const scope = uptoCreateRef(github())
      .post(`${REPO}/git/refs`)
      .reply(502, { message: "Server Error" })
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(200, { object: { sha: "c9" } })
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(200, { object: { sha: "c9" } })
      .get(`${REPO}/pulls`)
      .query({ head: `linuxkit:${BRANCH}`, state: "open" })
      .reply(200, [pullJson(7)])
      .get(`${REPO}/compare/master...c9`)
      .reply(200, compare([commit("c9", APP, { parents: ["m1"] })]))
      .get(CONTENTS)
      .query({ ref: "c9" })
      .reply(200, contents(makeDraft().markdown));
    expect(await publishDraft(publishRequest())).toEqual({ status: "unchanged", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("the PR was opened meanwhile: that PR is the answer, and it is not decorated twice", async () => {
    const scope = addReport(uptoCreateRef(github()).post(`${REPO}/git/refs`).reply(201, {}))
      .post(`${REPO}/pulls`)
      .reply(422, {
        message: "Validation Failed",
        errors: [
          { resource: "PullRequest", code: "custom", message: `A pull request already exists for linuxkit:${BRANCH}.` },
        ],
      })
      .get(`${REPO}/pulls`)
      .query({ head: `linuxkit:${BRANCH}`, state: "open" })
      .reply(200, [pullJson(7)]);
    expect(await publishDraft(publishRequest())).toEqual({ status: "created", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a push between read and write: decide again once, then give up with one line", async () => {
    const scope = github().get(REPO).reply(200, { default_branch: "master" });
    for (const head of ["c1", "c2"]) {
      scope
        .get(`${REPO}/git/ref/${BRANCH_REF}`)
        .reply(200, { object: { sha: head } })
        .get(`${REPO}/pulls`)
        .query({ head: `linuxkit:${BRANCH}`, state: "open" })
        .reply(200, [pullJson(7)])
        .get(`${REPO}/compare/master...${head}`)
        .reply(200, compare([commit(head, APP, { parents: ["m1"] })]))
        .get(CONTENTS)
        .query({ ref: head })
        .reply(200, contents(makeDraft().markdown))
        .get(BRANCH_API)
        .reply(200, unprotected)
        .post(`${REPO}/git/trees`, {
          base_tree: `tree-${head}`,
          tree: [{ path: PATH, mode: "100644", type: "blob", content: newerDraft().markdown }],
        })
        .reply(201, { sha: "t" })
        .post(`${REPO}/git/commits`, (b) => b.parents[0] === head)
        .reply(201, { sha: `new-${head}` })
        .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: `new-${head}`, force: false })
        .reply(422, { message: "Update is not a fast forward" });
    }
    const error = await publishDraft(publishRequest(newerDraft())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toBe(
      "linuxkit/linuxkit: devreport/2017-W27 changed twice while the 2017-W27 report was being published; run the draft again",
    );
    expect(scope.pendingMocks()).toEqual([]);
  });
});

describe("nothing half-written", () => {
  test("the PR fails after this run created the branch: the branch is deleted and the error goes on", async () => {
    const scope = addReport(uptoCreateRef(github()).post(`${REPO}/git/refs`).reply(201, {}))
      .post(`${REPO}/pulls`)
      .reply(403, { message: "Resource not accessible by integration" })
      .delete(`${REPO}/git/refs/${BRANCH_REF}`)
      .reply(204);
    const error = await publishDraft(publishRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toBe(
      "linuxkit/linuxkit: opening the PR for devreport/2017-W27 failed (Resource not accessible by integration); devreport/2017-W27 was deleted so the next run starts clean",
    );
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a PR that was closed on a kept branch is not replaced by a second one", async () => {
    const scope = github()
      .get(REPO)
      .reply(200, { default_branch: "master" })
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(200, { object: { sha: "c1" } })
      .get(`${REPO}/pulls`)
      .query({ head: `linuxkit:${BRANCH}`, state: "open" })
      .reply(200, [])
      .get(`${REPO}/pulls`)
      .query({ head: `linuxkit:${BRANCH}`, state: "closed" })
      .reply(200, [{ ...pullJson(7), merged_at: "2017-07-11T10:00:00Z" }]);
    await expect(publishDraft(publishRequest())).rejects.toThrow(
      /^linuxkit\/linuxkit: the 2017-W27 report PR #7 on devreport\/2017-W27 was merged; reopen it, or delete devreport\/2017-W27 to draft again$/,
    );
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a report already on the default branch is not drafted again", async () => {
    const scope = github()
      .get(REPO)
      .reply(200, { default_branch: "master" })
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(404, {})
      .get(`${REPO}/git/ref/heads%2Fmaster`)
      .reply(200, { object: { sha: "m1" } })
      .get(CONTENTS)
      .query({ ref: "m1" })
      .reply(200, contents("# Final report\n"));
    await expect(publishDraft(publishRequest())).rejects.toThrow(
      "linuxkit/linuxkit: reports/2017-27.md is already on master, so the 2017-W27 report was published; edit it there, or delete it to draft again",
    );
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a bad branch template is named with its result", async () => {
    const bad = { ...config, publish: { ...config.publish, branch: "reports {{id}}" } };
    await expect(publishDraft({ ...publishRequest(), config: bad })).rejects.toThrow(
      'linuxkit/linuxkit: publish.branch "reports {{id}}" gives "reports 2017-W27", which is not a valid branch name; fix publish.branch in .github/devreport.yml',
    );
  });
});
