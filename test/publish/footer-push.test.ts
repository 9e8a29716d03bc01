import { describe, expect, test } from "@jest/globals";
import { refreshFooterOnPush } from "../../src/publish/footer-push.js";
import { APP, BRANCH, BRANCH_REF, CONTENTS, PATH, REPO, contents, github, makeDraft } from "./helpers.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

offline();

const style = {
  repositories: ["linuxkit/linuxkit", "linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"],
  webUrl: "https://github.com",
};
const push = (pusher = "rn") => ({
  client: testClient(),
  repo: "linuxkit/linuxkit",
  branch: BRANCH,
  headSha: "h1",
  path: PATH,
  appLogin: APP,
  pusher,
  style,
});

describe("refreshFooterOnPush", () => {
  test("an edit adding [#2170] and [@ndauten] gets exactly those definitions, the PR linked as /pull/", async () => {
    const draft = makeDraft().markdown;
    const edited = draft.replace(
      "## Kernel\n",
      "**Highlights:** [@ndauten] began the Raspberry Pi port ([#2170], see [#2169]).\n\n## Kernel\n",
    );
    const expected = edited
      .replace("[@ijc]: https://github.com/ijc\n", "$&[@ndauten]: https://github.com/ndauten\n")
      .replace(
        "[#2167]: https://github.com/linuxkit/linuxkit/pull/2167\n",
        "$&[#2169]: https://github.com/linuxkit/linuxkit/issues/2169\n[#2170]: https://github.com/linuxkit/linuxkit/pull/2170\n",
      );
    const scope = github()
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      .post("/graphql", {
        query: `query ReferenceKinds($o0: String!, $r0: String!, $n0_0: Int!, $n0_1: Int!) {
  r0: repository(owner: $o0, name: $r0) {
    n0: issueOrPullRequest(number: $n0_0) { __typename }
    n1: issueOrPullRequest(number: $n0_1) { __typename }
  }
}`,
        variables: { o0: "linuxkit", r0: "linuxkit", n0_0: 2170, n0_1: 2169 },
      })
      .reply(200, { data: { r0: { n0: { __typename: "PullRequest" }, n1: { __typename: "Issue" } } } })
      .get(`${REPO}/git/commits/h1`)
      .reply(200, { tree: { sha: "th1" } })
      .post(`${REPO}/git/trees`, {
        base_tree: "th1",
        tree: [{ path: PATH, mode: "100644", type: "blob", content: expected }],
      })
      .reply(201, { sha: "t2" })
      .post(`${REPO}/git/commits`, { message: "Update reference links\n", tree: "t2", parents: ["h1"] })
      .reply(201, { sha: "f2" })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: "f2", force: false })
      .reply(200, {});
    expect(await refreshFooterOnPush(push())).toEqual({ status: "updated", commit: "f2" });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a removed item's definitions go, with no question to GitHub", async () => {
    const draft = makeDraft().markdown;
    const edited = draft.replace("- Add pkg/acpid ([#2154] [@riyazdf])\n", "");
    let committed = "";
    const scope = github()
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      .get(`${REPO}/git/commits/h1`)
      .reply(200, { tree: { sha: "th1" } })
      .post(`${REPO}/git/trees`, (b) => {
        committed = b.tree[0].content;
        return true;
      })
      .reply(201, { sha: "t2" })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: "f2" })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`)
      .reply(200, {});
    expect(await refreshFooterOnPush(push())).toEqual({ status: "updated", commit: "f2" });
    expect(committed).toBe(
      edited
        .replace("[@riyazdf]: https://github.com/riyazdf\n", "")
        .replace("[#2154]: https://github.com/linuxkit/linuxkit/pull/2154\n", ""),
    );
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("pushes by the app itself are ignored without a request", async () => {
    expect(await refreshFooterOnPush(push("devreport[bot]"))).toEqual({
      status: "ignored",
      reason: "pushed by devreport[bot]",
    });
  });

  test("a footer that is already right means no commit", async () => {
    const scope = github().get(CONTENTS).query({ ref: "h1" }).reply(200, contents(makeDraft().markdown));
    expect(await refreshFooterOnPush(push())).toEqual({ status: "unchanged" });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("somebody pushed again meanwhile: do nothing, their push event refreshes the footer", async () => {
    const edited = makeDraft().markdown.replace("- Add pkg/acpid ([#2154] [@riyazdf])\n", "");
    const scope = github()
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      .get(`${REPO}/git/commits/h1`)
      .reply(200, { tree: { sha: "th1" } })
      .post(`${REPO}/git/trees`)
      .reply(201, { sha: "t2" })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: "f2" })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: "f2", force: false })
      .reply(422, { message: "Update is not a fast forward" });
    expect(await refreshFooterOnPush(push())).toEqual({ status: "superseded" });
    expect(scope.pendingMocks()).toEqual([]);
  });

  // The PATCH's answer is lost (502): the ref read back says whether it moved (write-once-more.ts).
  const upToCommit = () => {
    const edited = makeDraft().markdown.replace("- Add pkg/acpid ([#2154] [@riyazdf])\n", "");
    return github()
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      .get(`${REPO}/git/commits/h1`)
      .reply(200, { tree: { sha: "th1" } })
      .post(`${REPO}/git/trees`)
      .reply(201, { sha: "t2" })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: "f2" })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: "f2", force: false })
      .reply(502, { message: "Server Error" });
  };

  test("a 502 on moving the branch, still at the pushed commit: the PATCH is sent once more", async () => {
    const scope = upToCommit()
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(200, { ref: `refs/heads/${BRANCH}`, object: { sha: "h1", type: "commit" } })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: "f2", force: false })
      .reply(200, {});
    expect(await refreshFooterOnPush(push())).toEqual({ status: "updated", commit: "f2" });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a 502 on moving the branch, which somebody pushed meanwhile: superseded, no second PATCH", async () => {
    const scope = upToCommit()
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(200, { ref: `refs/heads/${BRANCH}`, object: { sha: "h9", type: "commit" } });
    expect(await refreshFooterOnPush(push())).toEqual({ status: "superseded" });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a branch without the report file is ignored", async () => {
    const scope = github().get(CONTENTS).query({ ref: "h1" }).reply(404, { message: "Not Found" });
    expect(await refreshFooterOnPush(push())).toEqual({ status: "ignored", reason: `${PATH} is not on ${BRANCH}` });
    expect(scope.pendingMocks()).toEqual([]);
  });
});
