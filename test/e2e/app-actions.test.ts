// The Action end to end with the app's token (the app-token variant in README, "Run it as a GitHub Action"):
// src/triggers/actions.ts (what dist/index.js runs) against the loopback fake GitHub, alone, repeated, and
// overlapping a /draft-report sent to the app server; commits and PR are the app's either way, so both end in one PR.
// (The Probot-based `node lib/action.js` entry this file tested, with DEVREPORT_TOKEN, APP_SLUG and a replayed
// event file, is gone; the same behaviours are pinned on the Action, its inputs in place of those variables.)
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import type { FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { runAction } from "../../src/triggers/actions.js";
import { runnerEnv, type Inputs } from "../action/helpers.js";
import {
  apiClient, appReplies, cliDraft, comment, deliver, e2eSkipReason, fileAt, REPO, reportPulls, startAppServer,
  startLinuxKitFake, type AppServer,
} from "../triggers/app-harness.js";

nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

const why = e2eSkipReason();
if (why) console.warn(`skipping the Actions e2e tests: ${why}`);
const suite = why ? describe.skip : describe;

suite("the Action with the app's installation token against the fake GitHub", () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  let token: string;
  const printed: string[] = [];
  const runInActions = (env: Record<string, string>) => runAction(env, { stdout: (text) => printed.push(text), retry: false });

  /** The step `uses: OWNER/devreport@v1` with actions/create-github-app-token's token and slug. */
  const actionsEnv = (inputs: Inputs = {}) => runnerEnv(fake, REPO, { token, "app-slug": "devreport", ...inputs });

  beforeAll(async () => {
    fake = await startLinuxKitFake();
    client = apiClient(fake);
    token = fake.store.issueInstallationToken();
  });

  afterAll(async () => {
    await fake?.close();
  });

  test("a scheduled run publishes the period's draft, and running it again leaves the one PR", async () => {
    const env = actionsEnv({ period: "2017-W27" });
    expect(await runInActions(env)).toBe(0);
    const [pull, ...others] = await reportPulls(client, "devreport/2017-W27");
    expect(others).toEqual([]);
    expect(await fileAt(client, "reports/2017-27.md", "devreport/2017-W27")).toBe(await cliDraft(fake, "2017-W27"));

    expect(await runInActions(actionsEnv({ period: "2017-W27" }))).toBe(0);
    expect(await reportPulls(client, "devreport/2017-W27")).toEqual([expect.objectContaining({ number: pull!.number })]);
  });

  test("a manual run takes its `period` input", async () => {
    expect(await runInActions(actionsEnv({ period: "2017-W28" }))).toBe(0);
    expect(await reportPulls(client, "devreport/2017-W28")).toHaveLength(1);
    expect(await fileAt(client, "reports/2017-28.md", "devreport/2017-W28")).toBe(await cliDraft(fake, "2017-W28"));
  });

  // In one process the two runs also meet in usecase/serialize.ts; across processes publishDraft's own re-read
  // and retry keep it to one PR (publish's race tests).
  test("a scheduled run overlapping a /draft-report for the same week makes one PR", async () => {
    fake.store.setPermission(REPO, "rn", "write");
    const app = (await import("../../src/index.js")).default as (probot: Probot) => void;
    const server: AppServer = await startAppServer(fake, app);
    try {
      const { issue, payload } = comment(fake, "/draft-report 2017-W30", "rn");
      const [code, response] = await Promise.all([
        runInActions(actionsEnv({ period: "2017-W30" })),
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
    expect(await runInActions(actionsEnv({ period: "2017-W54" }))).toBe(1);
    expect(fake.requests.slice(requests).filter((r) => r.method !== "GET")).toEqual([]);
    expect(printed.at(-1)).toBe('::error::devreport: bad period "2017-W54": 2017 has no week 54\n');
  });

  test("missing settings stop the run before any request (exit 2)", async () => {
    const requests = fake.requests.length;
    expect(await runInActions(actionsEnv({ token: "" }))).toBe(2);
    expect(fake.requests.length).toBe(requests);
    expect(printed.at(-1)).toBe(
      "::error::devreport: input token is empty: pass `token: ${{ github.token }}` (the default) or an app installation token\n",
    );
  });
});
