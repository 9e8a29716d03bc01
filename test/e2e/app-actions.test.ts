// The scheduled path end to end: src/triggers/actions.ts (what `node lib/action.js` runs in the weekly workflow)
// against the loopback fake GitHub, alone, repeated, and overlapping a /draft-report sent to the app server.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import type { FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import type { ActionsEnv, ActionsIO } from "../../src/triggers/actions.js";
import {
  apiClient, appReplies, cliDraft, comment, deliver, e2eSkipReason, fileAt, REPO, reportPulls, startAppServer,
  startLinuxKitFake, type AppServer,
} from "../triggers/app-harness.js";
import { TestOctokit } from "../triggers/helpers.js";

nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

const why = e2eSkipReason();
if (why) console.warn(`skipping the Actions e2e tests: ${why}`);
const suite = why ? describe.skip : describe;

suite("the scheduled run in GitHub Actions against the fake GitHub", () => {
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
      GITHUB_REPOSITORY: REPO,
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
    fake = await startLinuxKitFake();
    client = apiClient(fake);
    ({ runInActions: run } = await import("../../src/triggers/actions.js"));
  });

  afterAll(async () => {
    await fake?.close();
  });

  test("a schedule run publishes the period's draft, and running it again leaves the one PR", async () => {
    const env = actionsEnv("schedule", { schedule: "0 6 * * 1" }, { DEVREPORT_PERIOD: "2017-W27" });
    expect(await runInActions(env)).toBe(0);
    const [pull, ...others] = await reportPulls(client, "devreport/2017-W27");
    expect(others).toEqual([]);
    expect(await fileAt(client, "reports/2017-27.md", "devreport/2017-W27")).toBe(await cliDraft(fake, "2017-W27"));

    expect(await runInActions(env)).toBe(0);
    expect(await reportPulls(client, "devreport/2017-W27")).toEqual([expect.objectContaining({ number: pull!.number })]);
  });

  test("workflow_dispatch takes its `period` input", async () => {
    const payload = { inputs: { period: "2017-W28" }, ref: "refs/heads/master", workflow: ".github/workflows/weekly-report.yml" };
    expect(await runInActions(actionsEnv("workflow_dispatch", payload))).toBe(0);
    expect(await reportPulls(client, "devreport/2017-W28")).toHaveLength(1);
    expect(await fileAt(client, "reports/2017-28.md", "devreport/2017-W28")).toBe(await cliDraft(fake, "2017-W28"));
  });

  // In one process the two runs also meet in triggers/serialize.ts; across processes publishDraft's own re-read
  // and retry keep it to one PR (publish's race tests).
  test("a scheduled run overlapping a /draft-report for the same week makes one PR", async () => {
    fake.store.setPermission(REPO, "rn", "write");
    const app = (await import("../../src/index.js")).default as (probot: Probot) => void;
    const server: AppServer = await startAppServer(fake, app);
    try {
      const { issue, payload } = comment(fake, "/draft-report 2017-W30", "rn");
      const [code, response] = await Promise.all([
        runInActions(actionsEnv("schedule", { schedule: "0 6 * * 1" }, { DEVREPORT_PERIOD: "2017-W30" })),
        deliver(server, "issue_comment", payload),
      ]);
      expect([code, response.status]).toEqual([0, 200]);
      const pulls = await reportPulls(client, "devreport/2017-W30");
      expect(pulls).toHaveLength(1);
      expect(appReplies(fake, issue).at(-1)).toMatch(new RegExp(`^Drafted reports/2017-30\\.md in #${pulls[0]!.number}\\b`));
    } finally {
      await server.stop();
    }
  });

  test("a bad period fails the run (exit 1) and opens nothing", async () => {
    const requests = fake.requests.length;
    expect(await runInActions(actionsEnv("workflow_dispatch", { inputs: { period: "2017-W54" }, workflow: ".github/workflows/weekly-report.yml" }))).toBe(1);
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
