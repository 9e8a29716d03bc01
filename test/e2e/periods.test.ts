// Periods of another length than the config's, end to end through the app on the committed sample (acme/tinyos,
// weekly): a month, and a range of days. Each is drafted on a branch GitHub accepts, under the one report path that
// drafting, publishing and the push handler agree on, so a maintainer's push to that branch gets its footer refreshed.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import {
  appReplies,
  comment,
  deliver,
  devreportApp,
  fileAt,
  reportPulls,
  startAppServer,
  type AppServer,
} from "../support/app-server.js";
import { SAMPLE } from "../support/datasets.js";
import { apiClient } from "../support/github.js";
import { loopbackOnly } from "../support/net.js";
import { example } from "../support/probot.js";

loopbackOnly();

const REPO = "acme/tinyos";
const [OWNER, NAME] = ["acme", "tinyos"];

describe("periods of another length than the config's, through the app", () => {
  let fake: FakeGitHub;
  let server: AppServer;
  let client: GitHubClient;

  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [SAMPLE] });
    fake.store.setPermission(REPO, "bobk", "write");
    server = await startAppServer(fake, await devreportApp());
    client = apiClient(fake);
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  /** A maintainer's edit of `path` on `branch` (a commit on top of its head), and the push webhook GitHub sends. */
  async function maintainerEdit(branch: string, path: string, edit: (text: string) => string): Promise<void> {
    const repo = { owner: OWNER, repo: NAME };
    const { data: ref } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...repo,
      ref: `heads/${branch}`,
    });
    const head = ref.object.sha;
    const { data: parent } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      ...repo,
      commit_sha: head,
    });
    const text = edit(await fileAt(client, REPO, path, branch));
    const { data: tree } = await client.request("POST /repos/{owner}/{repo}/git/trees", {
      ...repo,
      base_tree: parent.tree.sha,
      tree: [{ path, mode: "100644", type: "blob", content: text }],
    });
    const { data: commit } = await client.request("POST /repos/{owner}/{repo}/git/commits", {
      ...repo,
      message: "Edit the report",
      tree: tree.sha,
      parents: [head],
      author: { name: "Bob K", email: "bobk@example.com" },
    });
    await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      ...repo,
      ref: `heads/${branch}`,
      sha: commit.sha,
    });
    const payload = example("push");
    const response = await deliver(server, "push", {
      ...payload,
      ref: `refs/heads/${branch}`,
      before: head,
      after: commit.sha,
      deleted: false,
      sender: { ...payload.sender, login: "bobk", type: "User" },
      pusher: { name: "bobk", email: "bobk@example.com" },
      repository: {
        ...payload.repository,
        name: NAME,
        full_name: REPO,
        owner: { ...payload.repository.owner, login: OWNER },
        html_url: `https://github.com/${REPO}`,
      },
      installation: { id: 1 },
    });
    expect(response.status).toBe(200);
  }

  async function headMessage(branch: string): Promise<string> {
    const { data: ref } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner: OWNER,
      repo: NAME,
      ref: `heads/${branch}`,
    });
    const { data } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      owner: OWNER,
      repo: NAME,
      commit_sha: ref.object.sha,
    });
    return data.message;
  }

  const edit = (text: string) => text.replace(/\n## /, "\n**Highlights:** thanks to [@ndauten].\n\n## ");

  test("/draft-report 2024-03 on a weekly config writes reports/2024-03.md, and a push to its branch refreshes that file's footer", async () => {
    const { issue, payload } = comment(fake, REPO, "/draft-report 2024-03", "bobk");
    expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
    const [pull] = await reportPulls(client, REPO, "devreport/2024-03");
    expect(appReplies(fake, REPO, issue).at(-1)).toBe(`Drafted reports/2024-03.md in #${pull!.number}`);
    expect(await fileAt(client, REPO, "reports/2024-03.md", "devreport/2024-03")).toMatch(
      /^# Monthly tinyos report for March 2024\n/,
    );

    await maintainerEdit("devreport/2024-03", "reports/2024-03.md", edit);
    expect(await headMessage("devreport/2024-03")).toBe("Update reference links\n");
    expect(await fileAt(client, REPO, "reports/2024-03.md", "devreport/2024-03")).toContain(
      "\n[@ndauten]: https://github.com/ndauten\n",
    );
  });

  test("a range of days publishes on devreport/2024-03-04--2024-03-10 with a title that says what it is, and its pushes refresh the footer", async () => {
    const { issue, payload } = comment(fake, REPO, "/draft-report 2024-03-04..2024-03-10", "bobk");
    expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
    const pulls = await reportPulls(client, REPO, "devreport/2024-03-04--2024-03-10");
    expect(pulls).toHaveLength(1);
    const { data: pull } = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: OWNER,
      repo: NAME,
      pull_number: pulls[0]!.number,
    });
    expect(pull.title).toBe("tinyos report for 2024-03-04 to 2024-03-10");
    expect(appReplies(fake, REPO, issue).at(-1)).toBe(`Drafted reports/2024-03-04..2024-03-10.md in #${pull.number}`);

    await maintainerEdit("devreport/2024-03-04--2024-03-10", "reports/2024-03-04..2024-03-10.md", edit);
    expect(await headMessage("devreport/2024-03-04--2024-03-10")).toBe("Update reference links\n");
    expect(
      await fileAt(client, REPO, "reports/2024-03-04..2024-03-10.md", "devreport/2024-03-04--2024-03-10"),
    ).toContain("\n[@ndauten]: https://github.com/ndauten\n");
  });
});
