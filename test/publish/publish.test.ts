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
  contents,
  github,
  makeDraft,
  newerDraft,
  pullJson,
  unprotected,
  PR,
  publishRequest,
  existingBranch,
} from "./helpers.js";
import { offline } from "../support/net.js";

offline();

const DRAFT_MESSAGE = "Draft report for 2017-W27\n\nDevreport-Draft: 2017-W27\n";
const REGENERATE_MESSAGE = "Regenerate report for 2017-W27\n\nDevreport-Draft: 2017-W27\n";

describe("publishDraft", () => {
  test("first publish: branch from master, one commit through the git data API, then the PR, its labels and reviewers", async () => {
    const draft = makeDraft();
    let body: Record<string, string> = {};
    const scope = github()
      .get(REPO)
      .reply(200, { default_branch: "master" })
      .get(`${REPO}/git/ref/${BRANCH_REF}`)
      .reply(404, { message: "Not Found" })
      .get(`${REPO}/git/ref/heads%2Fmaster`)
      .reply(200, { ref: "refs/heads/master", object: { sha: "m1" } })
      .get(CONTENTS)
      .query({ ref: "m1" })
      .reply(404, { message: "Not Found" })
      // Two writes where blob, tree, commit and ref were four: the branch at master, then the report on it.
      .post(`${REPO}/git/refs`, { ref: `refs/heads/${BRANCH}`, sha: "m1" })
      .reply(201, { ref: `refs/heads/${BRANCH}` })
      .put(CONTENTS, {
        message: DRAFT_MESSAGE,
        branch: BRANCH,
        content: Buffer.from(draft.markdown).toString("base64"),
      })
      .reply(201, { commit: { sha: "c1" } })
      .post(`${REPO}/pulls`, (b) => {
        body = b;
        return true;
      })
      .reply(201, pullJson(7))
      .post(`${REPO}/issues/7/labels`, { labels: ["weekly-report"] })
      .reply(200, [])
      // Users and teams in separate calls, users first (a team needs members: read; its refusal must not lose the users).
      .post(`${REPO}/pulls/7/requested_reviewers`, { reviewers: ["rn"] })
      .reply(201, pullJson(7))
      .post(`${REPO}/pulls/7/requested_reviewers`, { team_reviewers: ["maintainers"] })
      .reply(201, pullJson(7));

    expect(await publishDraft(publishRequest(draft))).toEqual({ status: "created", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
    expect(body).toEqual({
      title: "Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 (week 27)",
      head: BRANCH,
      base: "master",
      body: `<!-- devreport:period=2017-W27 -->
Draft of \`reports/2017-27.md\` for 2017-W27 (2017-07-03 to 2017-07-09), from the activity in 2 repositories.

| Section | PRs | Issues | Contributors |
| --- | ---: | ---: | ---: |
| Kernel | 1 | 1 | 2 |
| Packages | 1 | 0 | 1 |
| Docs and Testing | 1 | 0 | 1 |
| **All** | 3 | 1 | 3 |

Before merging:

- [ ] Write the lead paragraph: what mattered this period
- [ ] Move items that landed in the wrong section, merge duplicates, drop what readers don't need
- [ ] Reword titles that only make sense to their author
- [ ] Check the reference links at the end (they are rebuilt when you push)

Edit freely: when the report is drafted again, new items are merged into your text, or listed in a comment when they touch lines you changed.`,
    });
    expect(body.body).not.toMatch(/(^|[^\w`])@\w/);
  });

  test("second publish with the same draft: reads only, no write at all", async () => {
    const draft = makeDraft();
    const scope = existingBranch(github(), "c1", [commit("c1", APP, { parents: ["m1"] })])
      .get(CONTENTS)
      .query({ ref: "c1" })
      .reply(200, contents(draft.markdown));
    expect(await publishDraft(publishRequest(draft))).toEqual({ status: "unchanged", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a branch with only the app's commits gets the new draft on top, fast-forward only", async () => {
    const old = makeDraft();
    const draft = newerDraft();
    const scope = existingBranch(github(), "c2", [
      commit("c1", APP, { parents: ["m1"] }),
      commit("c2", APP, { parents: ["c1"], message: "Update reference links\n" }),
    ])
      .get(CONTENTS)
      .query({ ref: "c2" })
      .reply(200, contents(old.markdown))
      .get(BRANCH_API)
      .reply(200, unprotected)
      .post(`${REPO}/git/trees`, {
        base_tree: "tree-c2",
        tree: [{ path: PATH, mode: "100644", type: "blob", content: draft.markdown }],
      })
      .reply(201, { sha: "t3" })
      .post(`${REPO}/git/commits`, { message: REGENERATE_MESSAGE, tree: "t3", parents: ["c2"] })
      .reply(201, { sha: "c3" })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: "c3", force: false })
      .reply(200, {});
    expect(await publishDraft(publishRequest(draft))).toEqual({ status: "updated", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a human-edited branch: the new draft is merged into the edits with the app's last draft as base", async () => {
    const old = makeDraft().markdown;
    const draft = newerDraft();
    const edited = old
      .replace(
        "- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])",
        "- Kernels updated to 4.11.9, 4.9.36 and 4.4.76 ([#2167] [@rn])",
      )
      .replace("- Add pkg/acpid ([#2154] [@riyazdf])\n", "")
      .replace("## Kernel\n", "**Highlights:** [@justincormack] started the arm64 port ([#2170]).\n\n## Kernel\n");
    let merged = "";
    const scope = existingBranch(github(), "h1", [
      commit("c1", APP, { parents: ["m1"] }),
      commit("h1", "rn", { parents: ["c1"], message: "Edit the report", committer: "web-flow" }),
    ])
      .get(CONTENTS)
      .query({ ref: "c1" })
      .reply(200, contents(old))
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      // #2170 is only in the maintainers' text: one question to GitHub.
      .post(
        "/graphql",
        (b) =>
          /n0: issueOrPullRequest\(number: \$n0_0\)/.test(b.query) &&
          b.variables.n0_0 === 2170 &&
          !("n0_1" in b.variables),
      )
      .reply(200, { data: { r0: { n0: { __typename: "PullRequest" } } } })
      .get(BRANCH_API)
      .reply(200, unprotected)
      .post(`${REPO}/git/trees`, {
        base_tree: "tree-c1",
        tree: [{ path: PATH, mode: "100644", type: "blob", content: draft.markdown }],
      })
      .reply(201, { sha: "t-draft" })
      .post(`${REPO}/git/commits`, { message: REGENERATE_MESSAGE, tree: "t-draft", parents: ["c1"] })
      .reply(201, { sha: "d2" })
      .post(`${REPO}/git/trees`, (b) => {
        merged = b.tree[0].content;
        return b.base_tree === "tree-h1" && b.tree[0].path === PATH && b.tree[0].mode === "100644";
      })
      .reply(201, { sha: "t-merged" })
      .post(`${REPO}/git/commits`, {
        message: "Merge regenerated draft for 2017-W27\n",
        tree: "t-merged",
        parents: ["h1", "d2"],
      })
      .reply(201, { sha: "m2" })
      .patch(`${REPO}/git/refs/${BRANCH_REF}`, { sha: "m2", force: false })
      .reply(200, {});

    expect(await publishDraft(publishRequest(draft))).toEqual({ status: "merged", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
    expect(merged.split("\n")).toEqual([
      "# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 (week 27)",
      "",
      "This report covers weekly developments in the [linuxkit] and [virtsock] repositories.",
      "",
      "**Highlights:** [@justincormack] started the arm64 port ([#2170]).",
      "",
      "## Kernel",
      "",
      "- Support arm64 in run ([#2100] [@ijc])",
      "- Kernels updated to 4.11.9, 4.9.36 and 4.4.76 ([#2167] [@rn])",
      "- Enable CONFIG_VSOCKETS ([#2171] [@ndauten])",
      "",
      "## Packages",
      "",
      "",
      "## Docs and Testing",
      "",
      "- Pass SOCK_CLOEXEC to syscall.Socket ([virtsock#35] [@rn])",
      "",
      "Other reports in this series can be browsed directly in the repository at [linuxkit:/reports](https://github.com/linuxkit/linuxkit/tree/master/reports/).",
      "",
      "[@ijc]: https://github.com/ijc",
      "[@justincormack]: https://github.com/justincormack",
      "[@ndauten]: https://github.com/ndauten",
      "[@rn]: https://github.com/rn",
      "[linuxkit]: https://github.com/linuxkit/linuxkit",
      "[#2100]: https://github.com/linuxkit/linuxkit/issues/2100",
      "[#2167]: https://github.com/linuxkit/linuxkit/pull/2167",
      "[#2170]: https://github.com/linuxkit/linuxkit/pull/2170",
      "[#2171]: https://github.com/linuxkit/linuxkit/pull/2171",
      "[virtsock]: https://github.com/linuxkit/virtsock",
      "[virtsock#35]: https://github.com/linuxkit/virtsock/pull/35",
      "",
    ]);
  });

  test("a human-edited branch whose draft has not changed since the app's last draft is left alone", async () => {
    const draft = makeDraft();
    const scope = existingBranch(github(), "h1", [
      commit("c1", APP, { parents: ["m1"] }),
      commit("h1", "rn", { parents: ["c1"] }),
    ])
      .get(CONTENTS)
      .query({ ref: "c1" })
      .reply(200, contents(draft.markdown))
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(`${draft.markdown}\nA note.\n`));
    expect(await publishDraft(publishRequest(draft))).toEqual({ status: "unchanged", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("the base is the newest draft commit, not a later merge or footer commit of the app", async () => {
    const draft = newerDraft();
    const scope = existingBranch(github(), "m2", [
      commit("c1", APP, { parents: ["m1"] }),
      commit("h1", "rn", { parents: ["c1"], committer: "web-flow" }),
      commit("d2", APP, { parents: ["c1"], message: REGENERATE_MESSAGE }),
      commit("m2", APP, { parents: ["h1", "d2"], message: "Merge regenerated draft for 2017-W27\n" }),
    ])
      .get(CONTENTS)
      .query({ ref: "d2" })
      .reply(200, contents(draft.markdown))
      .get(CONTENTS)
      .query({ ref: "m2" })
      .reply(200, contents(`${draft.markdown}\nEdited.\n`));
    expect(await publishDraft(publishRequest(draft))).toEqual({ status: "unchanged", branch: BRANCH, pr: PR });
    expect(scope.pendingMocks()).toEqual([]);
  });

  test("a conflict leaves the branch untouched and says once, on the PR, what is new and where it conflicts", async () => {
    const old = makeDraft().markdown;
    const draft = newerDraft();
    const edited = old.replace(
      "- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])",
      "- Kernels: 4.11.9 @rn ([#2167] [@rn])",
    );
    // The new draft rewrote the same line (a new reviewer credited).
    draft.markdown = draft.markdown.replace("([#2167] [@rn])", "([#2167] [@rn] [@ijc])");
    let comment = "";
    const scope = existingBranch(github(), "h1", [
      commit("c1", APP, { parents: ["m1"] }),
      commit("h1", null, { parents: ["c1"] }),
    ])
      .get(CONTENTS)
      .query({ ref: "c1" })
      .reply(200, contents(old))
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      .get(`${REPO}/issues/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [{ body: "Looks good", html_url: "https://github.com/linuxkit/linuxkit/pull/7#issuecomment-1" }])
      .post(`${REPO}/issues/7/comments`, (b) => {
        comment = b.body;
        return true;
      })
      .reply(201, { html_url: "https://github.com/linuxkit/linuxkit/pull/7#issuecomment-2" });

    expect(await publishDraft(publishRequest(draft))).toEqual({
      status: "conflict",
      branch: BRANCH,
      pr: PR,
      commentUrl: "https://github.com/linuxkit/linuxkit/pull/7#issuecomment-2",
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(comment).toMatch(/^<!-- devreport:conflict period=2017-W27 draft=[0-9a-f]{12} head=h1 -->\n/);
    expect(comment.replace(/draft=[0-9a-f]{12}/, "draft=HASH"))
      .toBe(`<!-- devreport:conflict period=2017-W27 draft=HASH head=h1 -->
The 2017-W27 report was drafted again, but the new draft changes lines that were edited on \`devreport/2017-W27\`, so the branch was left as it is.

New or changed in the draft (copy what belongs into \`reports/2017-27.md\`):

\`\`\`markdown
- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn] [@ijc])
- Enable CONFIG_VSOCKETS ([#2171] [@ndauten])
\`\`\`

Where it conflicts:

Line 8, the branch has:

\`\`\`markdown
- Kernels: 4.11.9 @rn ([#2167] [@rn])
\`\`\`

the new draft has:

\`\`\`markdown
- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn] [@ijc])
- Enable CONFIG_VSOCKETS ([#2171] [@ndauten])
\`\`\`

Merge the new lines by hand, or delete the branch to start again from a fresh draft.`);
    // Outside code blocks nothing can ping.
    expect(comment.replace(/```markdown\n[\s\S]*?\n```/g, "")).not.toMatch(/@\w/);
  });

  test("the same conflict again finds its comment instead of posting another", async () => {
    const old = makeDraft().markdown;
    const draft = newerDraft();
    draft.markdown = draft.markdown.replace("([#2167] [@rn])", "([#2167] [@rn] [@ijc])");
    const edited = old.replace("Update kernel to", "Kernels:");
    const { draftHash } = await import("../../src/publish/text.js");
    const scope = existingBranch(github(), "h1", [
      commit("c1", APP, { parents: ["m1"] }),
      commit("h1", "rn", { parents: ["c1"] }),
    ])
      .get(CONTENTS)
      .query({ ref: "c1" })
      .reply(200, contents(old))
      .get(CONTENTS)
      .query({ ref: "h1" })
      .reply(200, contents(edited))
      .get(`${REPO}/issues/7/comments`)
      .query({ per_page: 100 })
      .reply(200, [
        {
          body: `<!-- devreport:conflict period=2017-W27 draft=${draftHash(draft.markdown)} head=h1 -->\n...`,
          html_url: "https://x/c/1",
        },
      ]);
    expect(await publishDraft(publishRequest(draft))).toMatchObject({
      status: "conflict",
      commentUrl: "https://x/c/1",
    });
    expect(scope.pendingMocks()).toEqual([]);
  });
});
