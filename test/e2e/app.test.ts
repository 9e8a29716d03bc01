// The app end to end: the real Probot HTTP server (what `npm start` runs) receives signed webhooks and talks to the
// loopback fake GitHub loaded with LinuxKit's 2017 data. Nothing reaches the network.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import type { FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { withoutMentions } from "../../src/report/markdown.js";
import {
  apiClient, appReplies, cliDraft, comment, deliver, e2eSkipReason, fileAt, REPO, reportPulls, startAppServer,
  startLinuxKitFake, type AppServer,
} from "../triggers/app-harness.js";

nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

const why = e2eSkipReason();
if (why) console.warn(`skipping the app e2e tests: ${why}`);
const suite = why ? describe.skip : describe;

suite("devreport app over HTTP against the fake GitHub", () => {
  let fake: FakeGitHub;
  let server: AppServer;
  let client: GitHubClient;
  let expected: string;

  beforeAll(async () => {
    fake = await startLinuxKitFake();
    fake.store.setPermission(REPO, "rn", "write");
    fake.store.setPermission(REPO, "justincormack", "admin");
    const app = (await import("../../src/index.js")).default as (probot: Probot) => void;
    server = await startAppServer(fake, app);
    client = apiClient(fake);
    expected = await cliDraft(fake, "2017-W27");
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  test("/draft-report 2017-W27 from a maintainer opens one PR whose report is the CLI's draft", async () => {
    const { id, issue, payload } = comment(fake, "/draft-report 2017-W27", "rn");
    const response = await deliver(server, "issue_comment", payload);
    expect(response.status).toBe(200);

    const pulls = await reportPulls(client, "devreport/2017-W27");
    expect(pulls).toHaveLength(1);
    expect(await fileAt(client, "reports/2017-27.md", "devreport/2017-W27")).toBe(expected);
    expect(appReplies(fake, issue)).toEqual([`Drafted reports/2017-27.md in #${pulls[0]!.number}`]);
    expect(fake.store.comments.get(id)!.reactions.map((r) => r.content)).toEqual(["eyes", "hooray"]);
  });

  test("the same comment again leaves the one PR as it was", async () => {
    const [before] = await reportPulls(client, "devreport/2017-W27");
    const { issue, payload } = comment(fake, "/draft-report 2017-W27", "justincormack");
    expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
    expect(await reportPulls(client, "devreport/2017-W27")).toEqual([expect.objectContaining({ number: before!.number })]);
    expect(appReplies(fake, issue).at(-1)).toBe(`Drafted reports/2017-27.md in #${before!.number} (unchanged: the branch already holds this draft)`);
  });

  test("a wrong signature is refused with a 4xx and GitHub hears nothing", async () => {
    const { payload } = comment(fake, "/draft-report 2017-W31", "rn");
    const requests = fake.requests.length;
    const response = await deliver(server, "issue_comment", payload, "not-the-secret");
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.requests.length).toBe(requests);
  });

  test("a read-only commenter gets a refusal and no branch", async () => {
    const { id, issue, payload } = comment(fake, "/draft-report 2017-W29", "some-reader");
    expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
    expect(appReplies(fake, issue).at(-1)).toBe("Sorry, only people with write access to linuxkit/linuxkit can run `/draft-report`.");
    expect(fake.store.comments.get(id)!.reactions.map((r) => r.content)).toEqual(["eyes"]);
    const { data: refs } = await client.request("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", { owner: "linuxkit", repo: "linuxkit", ref: "heads/devreport/2017-W29" });
    expect(refs).toEqual([]);
    expect(await reportPulls(client, "devreport/2017-W29")).toEqual([]);
  });

  test("two comments at once make one PR", async () => {
    const first = comment(fake, "/draft-report 2017-W28", "rn");
    const second = comment(fake, "/draft-report 2017-W28", "justincormack");
    const responses = await Promise.all([deliver(server, "issue_comment", first.payload), deliver(server, "issue_comment", second.payload)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const pulls = await reportPulls(client, "devreport/2017-W28");
    expect(pulls).toHaveLength(1);
    expect(await fileAt(client, "reports/2017-28.md", "devreport/2017-W28")).toBe(await cliDraft(fake, "2017-W28"));
    const replies = appReplies(fake, first.issue).filter((r) => r.includes("2017-28"));
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(reply).toMatch(new RegExp(`^Drafted reports/2017-28\\.md in #${pulls[0]!.number}\\b`));
  });

  test("preview posts the draft as a collapsed comment, pings nobody, and opens nothing", async () => {
    const { issue, payload } = comment(fake, "/draft-report preview 2017-W26", "rn");
    expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
    const reply = appReplies(fake, issue).at(-1)!;
    const draft = await cliDraft(fake, "2017-W26");
    expect(reply).toBe(`<details><summary>Draft for 2017-W26</summary>\n\n${withoutMentions(draft.trimEnd())}\n\n</details>\n`);
    expect(reply).not.toMatch(/(^|[^A-Za-z0-9`])@[A-Za-z0-9]/m);
    expect(await reportPulls(client, "devreport/2017-W26")).toEqual([]);
  });
});
