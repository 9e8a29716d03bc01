// The exact writes that make a draft the maintainers already took in the next merge's base (issue 10, point 7).
import { describe, expect, test } from "@jest/globals";
import { publishDraft } from "../../src/publish/index.js";
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
} from "./helpers.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

offline();

describe("a draft the edits already hold", () => {
  test("a merge commit that changes nothing records it: the head's tree, the regenerated draft as second parent", async () => {
    const old = makeDraft().markdown;
    const draft = newerDraft();
    const edited = draft.markdown.replace("## Kernel\n", "**Highlights:** a quiet week.\n\n## Kernel\n");
    const scope = github()
      .get(REPO)
      .reply(200, { default_branch: "master" })
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(200, { object: { sha: "h1" } })
      .get(`${REPO}/pulls`)
      .query({ head: `linuxkit:${BRANCH}`, state: "open" })
      .reply(200, [pullJson(7)])
      .get(`${REPO}/compare/master...h1`)
      .reply(
        200,
        compare([
          commit("c1", APP, { parents: ["m1"] }),
          commit("h1", "rn", { parents: ["c1"], committer: "web-flow" }),
        ]),
      )
      .get(CONTENTS)
      .query({ ref: "c1" })
      .reply(200, contents(old))
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      .get(BRANCH_API)
      .reply(200, unprotected)
      .post(`${REPO}/git/trees`, {
        base_tree: "tree-c1",
        tree: [{ path: PATH, mode: "100644", type: "blob", content: draft.markdown }],
      })
      .reply(201, { sha: "t-draft" })
      .post(`${REPO}/git/commits`, {
        message: "Regenerate report for 2017-W27\n\nDevreport-Draft: 2017-W27\n",
        tree: "t-draft",
        parents: ["c1"],
      })
      .reply(201, { sha: "d2" })
      .post(`${REPO}/git/commits`, {
        message: "Record regenerated draft for 2017-W27 as merged\n\nThe edits on the branch already hold it.\n",
        tree: "tree-h1",
        parents: ["h1", "d2"],
      })
      .reply(201, { sha: "r2" })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: "r2", force: false })
      .reply(200, {});
    const outcome = await publishDraft({
      client: testClient(),
      repo: "linuxkit/linuxkit",
      draft,
      config,
      appLogin: APP,
    });
    expect(outcome).toEqual({
      status: "unchanged",
      branch: BRANCH,
      pr: { number: 7, url: "https://github.com/linuxkit/linuxkit/pull/7" },
    });
    expect(scope.pendingMocks()).toEqual([]);
  });
});
