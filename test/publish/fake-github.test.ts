// End to end against the loopback fake GitHub: real HTTP, a real (tiny) git model, a maintainer with their own token.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { publishDraft, refreshFooterOnPush } from "../../src/publish/index.js";
import { testClient } from "../support/github.js";
import { loopbackOnly } from "../support/net.js";
import { APP, BRANCH, PATH, config, makeDraft, newerDraft } from "./helpers.js";

loopbackOnly();

let fake: FakeGitHub;
const as = (token: string): GitHubClient => testClient(fake.url, token);

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.store.ensureRepo("linuxkit/linuxkit", "master");
  fake.store.registerToken("maintainer-token", { login: "rn", type: "User" });
});
afterAll(() => fake.close());

async function fileOnBranch(): Promise<{ text: string; sha: string }> {
  const { data } = await as("maintainer-token").request("GET /repos/{owner}/{repo}/contents/{path}", {
    owner: "linuxkit",
    repo: "linuxkit",
    path: PATH,
    ref: BRANCH,
  });
  return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
}

test("publish, publish again, a maintainer edits the branch, a re-draft merges into the edits", async () => {
  const app = as("app-installation-token");
  const request = (draft = makeDraft()) => ({ client: app, repo: "linuxkit/linuxkit", draft, config, appLogin: APP });

  const first = await publishDraft(request());
  expect(first).toMatchObject({ status: "created", branch: BRANCH, pr: { number: expect.any(Number) } });
  expect(await publishDraft(request())).toEqual({ ...first, status: "unchanged" });

  // The maintainer rewords a line and adds a paragraph through the contents API, with their own token.
  const before = await fileOnBranch();
  const edited = before.text
    .replace(
      "- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])",
      "- Kernels updated to 4.11.9, 4.9.36 and 4.4.76 ([#2167] [@rn])",
    )
    .replace("## Kernel\n", "**Highlights:** [@justincormack] led the vsock work.\n\n## Kernel\n");
  await as("maintainer-token").request("PUT /repos/{owner}/{repo}/contents/{path}", {
    owner: "linuxkit",
    repo: "linuxkit",
    path: PATH,
    branch: BRANCH,
    sha: before.sha,
    message: "Edit the report",
    content: Buffer.from(edited).toString("base64"),
  });

  // The push event: the maintainer's new [@justincormack] gets its definition.
  const head = (
    await app.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner: "linuxkit",
      repo: "linuxkit",
      ref: `heads/${BRANCH}`,
    })
  ).data.object.sha;
  const refreshed = await refreshFooterOnPush({
    client: app,
    repo: "linuxkit/linuxkit",
    branch: BRANCH,
    headSha: head,
    path: PATH,
    appLogin: APP,
    pusher: "rn",
    style: { repositories: ["linuxkit/linuxkit"], webUrl: "https://github.com" },
  });
  expect(refreshed).toMatchObject({ status: "updated" });
  expect((await fileOnBranch()).text).toContain("[@justincormack]: https://github.com/justincormack\n");

  const draft = newerDraft();
  expect(await publishDraft(request(draft))).toEqual({ ...first, status: "merged" });
  const merged = (await fileOnBranch()).text;
  expect(merged.split("\n").slice(0, 13)).toEqual([
    "# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 (week 27)",
    "",
    "This report covers weekly developments in the [linuxkit] and [virtsock] repositories.",
    "",
    "**Highlights:** [@justincormack] led the vsock work.",
    "",
    "## Kernel",
    "",
    "- Support arm64 in run ([#2100] [@ijc])",
    "- Kernels updated to 4.11.9, 4.9.36 and 4.4.76 ([#2167] [@rn])",
    "- Enable CONFIG_VSOCKETS ([#2171] [@ndauten])",
    "",
    "## Packages",
  ]);
  expect(merged).toContain(
    "[@justincormack]: https://github.com/justincormack\n[@ndauten]: https://github.com/ndauten\n",
  );
  expect(merged).toContain("[#2171]: https://github.com/linuxkit/linuxkit/pull/2171\n");

  // The same draft again finds its own merged draft as the base: nothing to do.
  expect(await publishDraft(request(draft))).toEqual({ ...first, status: "unchanged" });
  const pulls = await app.request("GET /repos/{owner}/{repo}/pulls", {
    owner: "linuxkit",
    repo: "linuxkit",
    state: "all",
  });
  expect(pulls.data.map((p: any) => p.head.ref)).toEqual([BRANCH]);

  // The branch history: the app's draft, the maintainer's edit, the footer refresh, the regenerated draft merged in.
  const commits = await app.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
    owner: "linuxkit",
    repo: "linuxkit",
    basehead: `master...${BRANCH}`,
  });
  expect(commits.data.commits).toHaveLength(5);
  expect(commits.data.commits.map((c: any) => [c.author?.login, c.commit.message.split("\n")[0]])).toEqual(
    expect.arrayContaining([
      [APP, "Draft report for 2017-W27"],
      ["rn", "Edit the report"],
      [APP, "Update reference links"],
      [APP, "Regenerate report for 2017-W27"],
      [APP, "Merge regenerated draft for 2017-W27"],
    ]),
  );
});
