// Conflicts that maintainers resolved stay resolved, and a conflict comment says what is new against the branch as
// it is now (issue 10, point 7). Against the fake GitHub: the app publishes, a maintainer edits through the API.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { startFakeGitHub, treeOfCommit, type FakeGitHub } from "@devreport/fake-github";
import { createClient } from "../../src/github/octokit.js";
import { publishDraft } from "../../src/publish/index.js";
import type { GitHubClient } from "../../src/github/client.js";
import { pull, user } from "../report/fixtures.js";
import { APP, BRANCH, PATH, config, makeDraft } from "./helpers.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

const REPO = "linuxkit/linuxkit";
const OLD_LINE = "- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])";
const EDITED_LINE = "- Kernels: 4.11.9 ([#2167] [@rn])";
const NEW_LINE = "- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn] [@ijc])";
const VSOCK = "- Enable CONFIG_VSOCKETS ([#2171] [@ndauten])";

/** The second draft: a reviewer credited on the line the maintainers reword, and a new item after it. */
function secondDraft() {
  const draft = makeDraft([
    pull(REPO, 2171, "Enable CONFIG_VSOCKETS", { author: user("ndauten"), files: ["kernel/config"] }),
  ]);
  draft.markdown = draft.markdown.replace(OLD_LINE, NEW_LINE);
  return draft;
}

let fake: FakeGitHub;
let app: GitHubClient;
let rn: GitHubClient;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.store.ensureRepo(REPO, "master");
  fake.store.registerToken("rn-token", fake.store.account("rn"));
  app = createClient({ token: "app-token", apiUrl: fake.url, retry: false });
  rn = createClient({ token: "rn-token", apiUrl: fake.url, retry: false });
});
afterEach(async () => {
  await fake.close();
});

const publish = (draft: ReturnType<typeof makeDraft>) =>
  publishDraft({ client: app, repo: REPO, draft, config, appLogin: APP });

function file(): string {
  const repo = fake.store.getRepo(REPO)!;
  const blob = treeOfCommit(repo, repo.refs.get(`heads/${BRANCH}`)!).get(PATH)!;
  return repo.blobs.get(blob)!.toString("utf8");
}

/** A maintainer's commit through the contents API (author and committer: rn). */
async function edit(change: (text: string) => string): Promise<void> {
  const { data } = await rn.request("GET /repos/{owner}/{repo}/contents/{path}", {
    owner: "linuxkit",
    repo: "linuxkit",
    path: PATH,
    ref: BRANCH,
  });
  const text = change(file());
  await rn.request("PUT /repos/{owner}/{repo}/contents/{path}", {
    owner: "linuxkit",
    repo: "linuxkit",
    path: PATH,
    branch: BRANCH,
    message: "Edit the report",
    sha: (data as { sha: string }).sha,
    content: Buffer.from(text).toString("base64"),
  });
}

describe("conflicts maintainers resolved", () => {
  test("resolved as the comment asks, then drafted again: the draft becomes the base and the next draft merges", async () => {
    expect(await publish(makeDraft())).toMatchObject({ status: "created" });
    await edit((text) => text.replace(OLD_LINE, EDITED_LINE));
    expect(await publish(secondDraft())).toMatchObject({ status: "conflict" });
    // The maintainer takes the new lines from the comment and keeps an edit of their own elsewhere; the footer is
    // the draft's, as the push handler rebuilds it.
    await edit(() => secondDraft().markdown.replace("## Kernel\n", "**Highlights:** a quiet week.\n\n## Kernel\n"));
    const resolved = file();
    expect(await publish(secondDraft())).toMatchObject({ status: "unchanged" });
    expect(file()).toBe(resolved);

    const third = secondDraft();
    third.markdown = third.markdown.replace(VSOCK, `${VSOCK}\n- Enable CONFIG_HYPERV_VSOCKETS ([#2171] [@ndauten])`);
    expect(await publish(third)).toMatchObject({ status: "merged" });
    expect(file()).toContain(`**Highlights:** a quiet week.\n\n## Kernel\n`);
    expect(file()).toContain(`${NEW_LINE}\n${VSOCK}\n- Enable CONFIG_HYPERV_VSOCKETS ([#2171] [@ndauten])\n`);
  });

  test("resolved by keeping their line and copying the draft's in: no second conflict, and the next draft merges", async () => {
    expect(await publish(makeDraft())).toMatchObject({ status: "created" });
    await edit((text) => text.replace(OLD_LINE, EDITED_LINE));
    const first = await publish(secondDraft());
    expect(first).toMatchObject({ status: "conflict" });
    await edit((text) => text.replace(EDITED_LINE, `${EDITED_LINE}\n${NEW_LINE}\n${VSOCK}`));
    const resolved = file();
    expect(await publish(secondDraft())).toMatchObject({ status: "unchanged" });
    expect(file()).toBe(resolved);
    if (first.status !== "conflict") throw new Error("not a conflict");
    expect(await commentBodies(first.pr.number)).toHaveLength(1);

    const third = secondDraft();
    third.markdown = third.markdown.replace("## Packages\n", "## Packages\n\n- Add pkg/hyperv ([#2172] [@ndauten])\n");
    expect(await publish(third)).toMatchObject({ status: "merged" });
    expect(file()).toContain(`${EDITED_LINE}\n${NEW_LINE}\n${VSOCK}\n`);
  });

  test("the same draft against edits that changed since: a second comment, with the new items still missing", async () => {
    expect(await publish(makeDraft())).toMatchObject({ status: "created" });
    await edit((text) => text.replace(OLD_LINE, EDITED_LINE));
    const first = await publish(secondDraft());
    expect(first).toMatchObject({ status: "conflict" });
    // The maintainer copies one of the two new lines and keeps their own wording of the other.
    await edit((text) => text.replace(EDITED_LINE, `${EDITED_LINE}\n${VSOCK}`));
    const second = await publish(secondDraft());
    expect(second).toMatchObject({ status: "conflict" });
    if (first.status !== "conflict" || second.status !== "conflict") throw new Error("not conflicts");
    expect(second.commentUrl).not.toBe(first.commentUrl);
    const bodies = await commentBodies(first.pr.number);
    expect(bodies).toHaveLength(2);
    expect(newItems(bodies[0]!)).toEqual([NEW_LINE, VSOCK]);
    expect(newItems(bodies[1]!)).toEqual([NEW_LINE]);
  });
});

async function commentBodies(number: number): Promise<string[]> {
  const { data } = await app.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: "linuxkit",
    repo: "linuxkit",
    issue_number: number,
  });
  return (data as { body: string }[]).map((c) => c.body);
}

function newItems(body: string): string[] {
  const block = /New or changed in the draft[^\n]*\n\n```markdown\n([\s\S]*?)\n```/.exec(body)?.[1];
  return block === undefined ? [] : block.split("\n");
}
