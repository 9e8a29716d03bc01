// The scheduled path end to end: src/triggers/actions.ts (what `node lib/action.js` runs in the weekly workflow)
// against the loopback fake GitHub, alone, repeated, and overlapping a /draft-report sent to the app server; on the
// committed sample and, when ../shared is present, on the LinuxKit dataset.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import type { ActionsEnv, ActionsIO } from "../../src/triggers/actions.js";
import { APP_DATASETS, reportBranch, reportPath } from "../support/app-datasets.js";
import { appReplies, comment, deliver, devreportApp, fileAt, reportPulls, startAppServer, type AppServer } from "../support/app-server.js";
import { cliDraft } from "../support/cli.js";
import { describeWith } from "../support/datasets.js";
import { apiClient } from "../support/github.js";
import { loopbackOnly } from "../support/net.js";
import { TestOctokit } from "../support/probot.js";

loopbackOnly();

for (const dataset of APP_DATASETS) {
  const { repo, writer, weeks } = dataset;

  describeWith(dataset)(`the scheduled run in GitHub Actions against the fake GitHub (${dataset.name}: ${repo})`, () => {
    let fake: FakeGitHub;
    let client: GitHubClient;
    let run: (env: ActionsEnv, io?: ActionsIO) => Promise<number>;
    const stderr: string[] = [];
    const runInActions = (env: ActionsEnv) => run(env, { Octokit: TestOctokit, stderr: (text) => stderr.push(text) });
    const dir = mkdtempSync(join(tmpdir(), "devreport-actions-"));

    /** The environment the workflow in docs/ gives `node lib/action.js`. */
    function actionsEnv(event: string, payload: object, extra: ActionsEnv = {}): ActionsEnv {
      const path = join(dir, `${event}-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(path, JSON.stringify(payload));
      return {
        GITHUB_REPOSITORY: repo,
        GITHUB_EVENT_NAME: event,
        GITHUB_EVENT_PATH: path,
        GITHUB_RUN_ID: "42",
        GITHUB_API_URL: fake.apiUrl,
        GITHUB_SERVER_URL: "https://github.com",
        DEVREPORT_TOKEN: "ghs_from_create_github_app_token",
        APP_SLUG: "devreport",
        LOG_LEVEL: "fatal",
        ...extra,
      };
    }

    beforeAll(async () => {
      fake = await startFakeGitHub({ data: dataset.data });
      client = apiClient(fake);
      ({ runInActions: run } = await import("../../src/triggers/actions.js"));
    });

    afterAll(async () => {
      await fake?.close();
    });

    test("a schedule run publishes the period's draft, and running it again leaves the one PR", async () => {
      const branch = reportBranch(weeks.draft);
      const env = actionsEnv("schedule", { schedule: "0 6 * * 1" }, { DEVREPORT_PERIOD: weeks.draft });
      expect(await runInActions(env)).toBe(0);
      const [pull, ...others] = await reportPulls(client, repo, branch);
      expect(others).toEqual([]);
      const draft = await cliDraft(fake, repo, weeks.draft);
      expect(draft).toMatch(dataset.heading);
      expect(await fileAt(client, repo, reportPath(weeks.draft), branch)).toBe(draft);

      expect(await runInActions(env)).toBe(0);
      expect(await reportPulls(client, repo, branch)).toEqual([expect.objectContaining({ number: pull!.number })]);
    });

    test("workflow_dispatch takes its `period` input", async () => {
      const week = weeks.dispatched;
      const payload = { inputs: { period: week }, ref: "refs/heads/master", workflow: ".github/workflows/weekly-report.yml" };
      expect(await runInActions(actionsEnv("workflow_dispatch", payload))).toBe(0);
      expect(await reportPulls(client, repo, reportBranch(week))).toHaveLength(1);
      expect(await fileAt(client, repo, reportPath(week), reportBranch(week))).toBe(await cliDraft(fake, repo, week));
    });

    // In one process the two runs also meet in triggers/serialize.ts; across processes publishDraft's own re-read
    // and retry keep it to one PR (publish's race tests).
    test("a scheduled run overlapping a /draft-report for the same week makes one PR", async () => {
      const week = weeks.overlapping;
      fake.store.setPermission(repo, writer, "write");
      const server: AppServer = await startAppServer(fake, await devreportApp());
      try {
        const { issue, payload } = comment(fake, repo, `/draft-report ${week}`, writer);
        const [code, response] = await Promise.all([
          runInActions(actionsEnv("schedule", { schedule: "0 6 * * 1" }, { DEVREPORT_PERIOD: week })),
          deliver(server, "issue_comment", payload),
        ]);
        expect([code, response.status]).toEqual([0, 200]);
        const pulls = await reportPulls(client, repo, reportBranch(week));
        expect(pulls).toHaveLength(1);
        expect(appReplies(fake, repo, issue).at(-1)).toMatch(new RegExp(`^Drafted ${reportPath(week).replace(".", "\\.")} in #${pulls[0]!.number}\\b`));
      } finally {
        await server.stop();
      }
    });

    test("a bad period fails the run (exit 1) and opens nothing", async () => {
      const requests = fake.requests.length;
      expect(await runInActions(actionsEnv("workflow_dispatch", { inputs: { period: weeks.invalid }, workflow: ".github/workflows/weekly-report.yml" }))).toBe(1);
      expect(fake.requests.slice(requests).filter((r) => r.method !== "GET")).toEqual([]);
    });

    test("missing settings stop the run before any request (exit 2)", async () => {
      const requests = fake.requests.length;
      const env = actionsEnv("schedule", {});
      delete env.APP_SLUG;
      expect(await runInActions(env)).toBe(2);
      expect(fake.requests.length).toBe(requests);
      expect(stderr.at(-1)).toBe("devreport: set APP_SLUG; see docs/weekly-report.workflow.yml\n");
    });
  });
}
