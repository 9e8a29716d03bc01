// The files users copy or GitHub reads (the workflow, the manifest) must agree with the code that serves them.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import { parse } from "yaml";
import { WORKFLOW_FILE } from "../../src/triggers/schedule.js";

const read = (path: string) => parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

describe("docs/weekly-report.workflow.yml", () => {
  const workflow = read("docs/weekly-report.workflow.yml");
  const steps: any[] = workflow.jobs.draft.steps;
  const run = steps.find((s) => s.run === "node lib/action.js");

  test("runs weekly after the week closes, by hand with an optional period, never two at once", () => {
    expect(workflow.on.schedule).toEqual([{ cron: "0 6 * * 1" }]);
    expect(workflow.on.workflow_dispatch.inputs.period).toMatchObject({ required: false, default: "" });
    expect(workflow.concurrency).toEqual({ group: "devreport-${{ github.repository }}", "cancel-in-progress": false });
    expect(workflow.permissions).toEqual({});
  });

  test("acts as the app: its token and slug reach the runner under the names it reads", () => {
    const mint = steps.find((s) => String(s.uses).startsWith("actions/create-github-app-token@"));
    expect(mint.with).toMatchObject({ "app-id": "${{ secrets.APP_ID }}", "private-key": "${{ secrets.PRIVATE_KEY }}" });
    expect(run.env).toEqual({
      DEVREPORT_TOKEN: `\${{ steps.${mint.id}.outputs.token }}`,
      APP_SLUG: `\${{ steps.${mint.id}.outputs.app-slug }}`,
      DEVREPORT_PERIOD: "${{ inputs.period }}",
      LOG_LEVEL: "info",
    });
  });

  test("the name the docs give it is the one the app's workflow_dispatch handler answers", () => {
    expect(WORKFLOW_FILE.test(".github/workflows/weekly-report.yml")).toBe(true);
    expect(WORKFLOW_FILE.test(".github/workflows/release.yml")).toBe(false);
  });
});

describe("app.yml", () => {
  const manifest = read("app.yml");

  test("asks for least privilege", () => {
    expect(manifest.default_permissions).toEqual({ contents: "write", pull_requests: "write", issues: "write", metadata: "read" });
  });

  test("subscribes only to events a GitHub App can subscribe to, and that the app handles", () => {
    expect(manifest.default_events).toEqual(["issue_comment", "push"]);
  });

  test("leaves the webhook URL and redirect to Probot's registration flow", () => {
    expect(manifest).not.toHaveProperty("hook_attributes");
    expect(manifest).not.toHaveProperty("redirect_url");
    expect(manifest.url).toMatch(/^https:\/\//);
  });
});
