// The Action end to end with the app's token (the app-token variant in README, "Run it as a GitHub Action"):
// src/triggers/actions.ts (what dist/index.js runs) against the loopback fake GitHub, alone, repeated, and
// overlapping a /draft-report sent to the app server; commits and PR are the app's either way, so both end in one PR.
// On the committed sample and, when ../shared is present, on the LinuxKit dataset.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { runAction } from "../../src/triggers/actions.js";
import { runnerEnv, type Inputs } from "../action/helpers.js";
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
  const { repo, writer, weeks } = dataset;

  describeWith(dataset)(
    `the Action with the app's installation token against the fake GitHub (${dataset.name}: ${repo})`,
    () => {
      let fake: FakeGitHub;
      let client: GitHubClient;
      let token: string;
      const printed: string[] = [];
      const runInActions = (env: Record<string, string>) =>
        runAction(env, { stdout: (text) => printed.push(text), retry: false });

      /** The step `uses: OWNER/devreport@v1` with actions/create-github-app-token's token and slug. */
      const actionsEnv = (inputs: Inputs = {}) => runnerEnv(fake, repo, { token, "app-slug": "devreport", ...inputs });

      beforeAll(async () => {
        fake = await startFakeGitHub({ data: dataset.data });
        client = apiClient(fake);
        token = fake.store.issueInstallationToken();
      });

      afterAll(async () => {
        await fake?.close();
      });

      test("a scheduled run publishes the period's draft, and running it again leaves the one PR", async () => {
        const week = weeks.draft;
        expect(await runInActions(actionsEnv({ period: week }))).toBe(0);
        const [pull, ...others] = await reportPulls(client, repo, reportBranch(week));
        expect(others).toEqual([]);
        expect(await fileAt(client, repo, reportPath(week), reportBranch(week))).toBe(await cliDraft(fake, repo, week));

        expect(await runInActions(actionsEnv({ period: week }))).toBe(0);
        expect(await reportPulls(client, repo, reportBranch(week))).toEqual([
          expect.objectContaining({ number: pull!.number }),
        ]);
      });

      test("a manual run takes its `period` input", async () => {
        const week = weeks.dispatched;
        expect(await runInActions(actionsEnv({ period: week }))).toBe(0);
        expect(await reportPulls(client, repo, reportBranch(week))).toHaveLength(1);
        expect(await fileAt(client, repo, reportPath(week), reportBranch(week))).toBe(await cliDraft(fake, repo, week));
      });

      // In one process the two runs also meet in usecase/serialize.ts; across processes publishDraft's own re-read
      // and retry keep it to one PR (publish's race tests).
      test("a scheduled run overlapping a /draft-report for the same week makes one PR", async () => {
        const week = weeks.overlapping;
        fake.store.setPermission(repo, writer, "write");
        const server: AppServer = await startAppServer(fake, await devreportApp());
        try {
          const { issue, payload } = comment(fake, repo, `/draft-report ${week}`, writer);
          const [code, response] = await Promise.all([
            runInActions(actionsEnv({ period: week })),
            deliver(server, "issue_comment", payload),
          ]);
          expect([code, response.status]).toEqual([0, 200]);
          const pulls = await reportPulls(client, repo, reportBranch(week));
          expect(pulls).toHaveLength(1);
          expect(appReplies(fake, repo, issue).at(-1)).toMatch(
            new RegExp(`^Drafted ${reportPath(week).replace(/\./g, "\\.")} in #${pulls[0]!.number}\\b`),
          );
        } finally {
          await server.stop();
        }
      });

      test("a bad period fails the run (exit 1) and opens nothing", async () => {
        const requests = fake.requests.length;
        expect(await runInActions(actionsEnv({ period: weeks.invalid }))).toBe(1);
        expect(fake.requests.slice(requests).filter((r) => r.method !== "GET")).toEqual([]);
        const [year] = weeks.invalid.split("-W");
        expect(printed.at(-1)).toBe(`::error::devreport: bad period "${weeks.invalid}": ${year} has no week 54\n`);
      });

      test("missing settings stop the run before any request (exit 2)", async () => {
        const requests = fake.requests.length;
        expect(await runInActions(actionsEnv({ token: "" }))).toBe(2);
        expect(fake.requests.length).toBe(requests);
        expect(printed.at(-1)).toBe(
          "::error::devreport: input token is empty: pass `token: ${{ github.token }}` (the default) or an app installation token\n",
        );
      });
    },
  );
}
