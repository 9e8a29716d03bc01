// The app end to end: the real Probot HTTP server (what `npm start` runs) receives signed webhooks and talks to the
// loopback fake GitHub, loaded with the committed sample (acme/tinyos, 2024-W10) and, when ../shared is present, with
// LinuxKit's 2017 data. Nothing reaches the network.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { withoutMentions } from "../../src/report/markdown.js";
import { APP_DATASETS, reportBranch, reportPath } from "../support/app-datasets.js";
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
import { cliDraft } from "../support/cli.js";
import { describeWith } from "../support/datasets.js";
import { apiClient } from "../support/github.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

for (const dataset of APP_DATASETS) {
  const { repo, writer, admin, weeks } = dataset;
  const path = reportPath(weeks.draft);
  const branch = reportBranch(weeks.draft);

  describeWith(dataset)(`devreport app over HTTP against the fake GitHub (${dataset.name}: ${repo})`, () => {
    let fake: FakeGitHub;
    let server: AppServer;
    let client: GitHubClient;
    let expected: string;

    beforeAll(async () => {
      fake = await startFakeGitHub({ data: dataset.data });
      fake.store.setPermission(repo, writer, "write");
      fake.store.setPermission(repo, admin, "admin");
      server = await startAppServer(fake, await devreportApp());
      client = apiClient(fake);
      expected = await cliDraft(fake, repo, weeks.draft);
    });

    afterAll(async () => {
      await server?.stop();
      await fake?.close();
    });

    test(`/draft-report ${weeks.draft} from a maintainer opens one PR whose report is the CLI's draft`, async () => {
      expect(expected).toMatch(dataset.heading);
      const { id, issue, payload } = comment(fake, repo, `/draft-report ${weeks.draft}`, writer);
      const response = await deliver(server, "issue_comment", payload);
      expect(response.status).toBe(200);

      const pulls = await reportPulls(client, repo, branch);
      expect(pulls).toHaveLength(1);
      expect(await fileAt(client, repo, path, branch)).toBe(expected);
      expect(appReplies(fake, repo, issue)).toEqual([`Drafted ${path} in #${pulls[0]!.number}`]);
      expect(fake.store.comments.get(id)!.reactions.map((r) => r.content)).toEqual(["eyes", "hooray"]);
    });

    test("the same comment again leaves the one PR as it was", async () => {
      const [before] = await reportPulls(client, repo, branch);
      const { issue, payload } = comment(fake, repo, `/draft-report ${weeks.draft}`, admin);
      expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
      expect(await reportPulls(client, repo, branch)).toEqual([expect.objectContaining({ number: before!.number })]);
      expect(appReplies(fake, repo, issue).at(-1)).toBe(
        `Drafted ${path} in #${before!.number} (unchanged: the branch already holds this draft)`,
      );
      expect(await fileAt(client, repo, path, branch)).toBe(expected);
    });

    test("a wrong signature is refused with a 4xx and GitHub hears nothing", async () => {
      const { payload } = comment(fake, repo, `/draft-report ${weeks.unsigned}`, writer);
      const requests = fake.requests.length;
      const response = await deliver(server, "issue_comment", payload, "not-the-secret");
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fake.requests.length).toBe(requests);
    });

    test("a read-only commenter gets a refusal and no branch", async () => {
      const { id, issue, payload } = comment(fake, repo, `/draft-report ${weeks.refused}`, "some-reader");
      expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
      expect(appReplies(fake, repo, issue).at(-1)).toBe(
        `Sorry, only people with write access to ${repo} can run \`/draft-report\`.`,
      );
      expect(fake.store.comments.get(id)!.reactions.map((r) => r.content)).toEqual(["eyes"]);
      const [owner, name] = repo.split("/");
      const { data: refs } = await client.request("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", {
        owner: owner!,
        repo: name!,
        ref: `heads/${reportBranch(weeks.refused)}`,
      });
      expect(refs).toEqual([]);
      expect(await reportPulls(client, repo, reportBranch(weeks.refused))).toEqual([]);
    });

    test("two comments at once make one PR", async () => {
      const week = weeks.together;
      const first = comment(fake, repo, `/draft-report ${week}`, writer);
      const second = comment(fake, repo, `/draft-report ${week}`, admin);
      const responses = await Promise.all([
        deliver(server, "issue_comment", first.payload),
        deliver(server, "issue_comment", second.payload),
      ]);
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      const pulls = await reportPulls(client, repo, reportBranch(week));
      expect(pulls).toHaveLength(1);
      expect(await fileAt(client, repo, reportPath(week), reportBranch(week))).toBe(await cliDraft(fake, repo, week));
      const replies = appReplies(fake, repo, first.issue).filter((r) => r.includes(reportPath(week)));
      expect(replies).toHaveLength(2);
      const drafted = new RegExp(`^Drafted ${reportPath(week).replace(".", "\\.")} in #${pulls[0]!.number}\\b`);
      for (const reply of replies) expect(reply).toMatch(drafted);
    });

    test("preview posts the draft as a collapsed comment, pings nobody, and opens nothing", async () => {
      const week = weeks.preview;
      const { issue, payload } = comment(fake, repo, `/draft-report preview ${week}`, writer);
      expect((await deliver(server, "issue_comment", payload)).status).toBe(200);
      const reply = appReplies(fake, repo, issue).at(-1)!;
      const draft = await cliDraft(fake, repo, week);
      expect(reply).toBe(
        `<details><summary>Draft for ${week}</summary>\n\n${withoutMentions(draft.trimEnd())}\n\n</details>\n`,
      );
      expect(reply).not.toMatch(/(^|[^A-Za-z0-9`])@[A-Za-z0-9]/m);
      expect(await reportPulls(client, repo, reportBranch(week))).toEqual([]);
    });
  });
}
