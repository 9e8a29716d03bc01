// Periods of another length than the config's, end to end through the app: a month asked of LinuxKit's weekly
// config, and a range of days. Each is drafted on a branch GitHub accepts, under one report path that drafting,
// publishing and the push handler agree on, so a maintainer's push to that branch gets its footer refreshed.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import type { FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import {
  apiClient, appReplies, comment, deliver, e2eSkipReason, fileAt, REPO, reportPulls, startAppServer, startLinuxKitFake,
  type AppServer,
} from "../triggers/app-harness.js";
import { example } from "../triggers/helpers.js";

nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

const why = e2eSkipReason();
if (why) console.warn(`skipping the period e2e tests: ${why}`);
const suite = why ? describe.skip : describe;

suite("periods of another length than the config's, through the app", () => {
  let fake: FakeGitHub;
  let server: AppServer;
  let client: GitHubClient;

  beforeAll(async () => {
    fake = await startLinuxKitFake();
    fake.store.setPermission(REPO, "rn", "write");
    const app = (await import("../../src/index.js")).default as (probot: Probot) => void;
    server = await startAppServer(fake, app);
    client = apiClient(fake);
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  /** A maintainer's edit of `path` on `branch` (a commit on top of its head), and the push webhook GitHub sends. */
  async function maintainerEdit(branch: string, path: string, edit: (text: string) => string): Promise<void> {
    const owner = "linuxkit";
    const repo = "linuxkit";
    const { data: ref } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner, repo, ref: `heads/${branch}` });
    const head = ref.object.sha;
    const { data: parent } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { owner, repo, commit_sha: head });
    const text = edit(await fileAt(client, path, branch));
    const { data: tree } = await client.request("POST /repos/{owner}/{repo}/git/trees", {
      owner, repo, base_tree: parent.tree.sha, tree: [{ path, mode: "100644", type: "blob", content: text }],
    });
    const { data: commit } = await client.request("POST /repos/{owner}/{repo}/git/commits", {
      owner, repo, message: "Edit the report", tree: tree.sha, parents: [head], author: { name: "rn", email: "rn@example.com" },
    });
    await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", { owner, repo, ref: `heads/${branch}`, sha: commit.sha });
    const payload = example("push");
    const response = await deliver(server, "push", {
      ...payload,
      ref: `refs/heads/${branch}`,
      before: head,
      after: commit.sha,
      deleted: false,
      sender: { ...payload.sender, login: "rn", type: "User" },
      pusher: { name: "rn", email: "rn@example.com" },
      repository: { ...payload.repository, name: repo, full_name: REPO, owner: { ...payload.repository.owner, login: owner } },
      installation: { id: 1 },
    });
    expect(response.status).toBe(200);
  }

  async function headMessage(branch: string): Promise<string> {
    const { data: ref } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner: "linuxkit", repo: "linuxkit", ref: `heads/${branch}` });
    const { data } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { owner: "linuxkit", repo: "linuxkit", commit_sha: ref.object.sha });
    return data.message;
  }

  const edit = (text: string) => text.replace(/\n## /, "\n**Highlights:** see [#2170].\n\n## ");

  test("/draft-report 2018-01 on a weekly config writes reports/2018-01.md, and a push to its branch refreshes that file's footer", async () => {
    const { issue, payload } = comment(fake, "/draft-report 2018-01", "rn");
    expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
    const [pull] = await reportPulls(client, "devreport/2018-01");
    expect(appReplies(fake, issue).at(-1)).toBe(`Drafted reports/2018-01.md in #${pull!.number}`);
    expect(await fileAt(client, "reports/2018-01.md", "devreport/2018-01")).toMatch(/^# Monthly linuxkit report for January 2018\n/);

    await maintainerEdit("devreport/2018-01", "reports/2018-01.md", edit);
    expect(await headMessage("devreport/2018-01")).toBe("Update reference links\n");
    expect(await fileAt(client, "reports/2018-01.md", "devreport/2018-01")).toContain("\n[#2170]: https://github.com/linuxkit/linuxkit/pull/2170\n");
  });

  test("a range of days publishes on devreport/2017-07-03--2017-07-09 with a title that says what it is, and its pushes refresh the footer", async () => {
    const { issue, payload } = comment(fake, "/draft-report 2017-07-03..2017-07-09", "rn");
    expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
    const pulls = await reportPulls(client, "devreport/2017-07-03--2017-07-09");
    expect(pulls).toHaveLength(1);
    const { data: pull } = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner: "linuxkit", repo: "linuxkit", pull_number: pulls[0]!.number });
    expect(pull.title).toBe("linuxkit report for 2017-07-03 to 2017-07-09");
    expect(appReplies(fake, issue).at(-1)).toBe(`Drafted reports/2017-07-03..2017-07-09.md in #${pull.number}`);

    await maintainerEdit("devreport/2017-07-03--2017-07-09", "reports/2017-07-03..2017-07-09.md", edit);
    expect(await headMessage("devreport/2017-07-03--2017-07-09")).toBe("Update reference links\n");
  });
});
