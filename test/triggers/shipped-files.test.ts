// The files users copy or GitHub reads (the workflows, the Action, the manifest) must agree with the code that serves them.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import { parse } from "yaml";

const read = (path: string) => parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const text = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/**
 * The current major of each action the shipped workflows and docs use, each running on Node 24 (their action.yml
 * says `runs.using: node24`): actions/checkout v5 and later, actions/setup-node v5 and later,
 * actions/create-github-app-token v3 (v2 still runs node20). Looked up in the actions' repositories.
 */
const CURRENT_NODE24_MAJORS: Record<string, string> = {
  "actions/checkout": "v7",
  "actions/setup-node": "v7",
  "actions/create-github-app-token": "v3",
};
/** devreport's own Action, under whatever owner its repository has. */
const DEVREPORT = /^[A-Za-z0-9-]+\/devreport@v1$/;

const WORKFLOWS = ["docs/weekly-report.workflow.yml", "docs/weekly-report-app-token.workflow.yml"];

describe.each(WORKFLOWS)("%s", (path) => {
  const workflow = read(path);
  const steps: any[] = workflow.jobs.draft.steps;
  const action = steps.find((s) => DEVREPORT.test(String(s.uses)));

  test("runs weekly after the week closes, by hand with an optional period, never two at once", () => {
    expect(workflow.on.schedule).toEqual([{ cron: "0 6 * * 1" }]);
    expect(workflow.on.workflow_dispatch.inputs.period).toMatchObject({ required: false, default: "" });
    expect(workflow.concurrency).toEqual({ group: "devreport-${{ github.repository }}", "cancel-in-progress": false });
  });

  test("drafts with the devreport Action, the manual run's period reaching its `period` input", () => {
    expect(action).toBeDefined();
    expect(action.with.period).toBe("${{ inputs.period || 'last' }}");
    const inputs = Object.keys(read("action.yml").inputs);
    for (const name of Object.keys(action.with)) expect(inputs).toContain(name);
  });
});

describe("docs/weekly-report.workflow.yml", () => {
  test("publishes with GITHUB_TOKEN, granted exactly what the Action writes", () => {
    const workflow = read("docs/weekly-report.workflow.yml");
    expect(workflow.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    expect(workflow.jobs.draft.steps).toEqual([
      {
        uses: expect.stringMatching(DEVREPORT),
        with: { token: "${{ github.token }}", period: "${{ inputs.period || 'last' }}" },
      },
    ]);
  });
});

describe("docs/weekly-report-app-token.workflow.yml", () => {
  const workflow = read("docs/weekly-report-app-token.workflow.yml");
  const steps: any[] = workflow.jobs.draft.steps;

  test("acts as the app: its token and slug reach the Action's inputs, and GITHUB_TOKEN gets no rights", () => {
    expect(workflow.permissions).toEqual({});
    const mint = steps.find((s) => String(s.uses).startsWith("actions/create-github-app-token@"));
    expect(mint.with).toEqual({
      "client-id": "${{ vars.DEVREPORT_CLIENT_ID }}",
      "private-key": "${{ secrets.DEVREPORT_PRIVATE_KEY }}",
      owner: "${{ github.repository_owner }}",
    });
    const action = steps.find((s) => DEVREPORT.test(String(s.uses)));
    expect(action.with).toEqual({
      token: `\${{ steps.${mint.id}.outputs.token }}`,
      "app-slug": `\${{ steps.${mint.id}.outputs.app-slug }}`,
      period: "${{ inputs.period || 'last' }}",
    });
  });
});

describe('README, "Run it as a GitHub Action"', () => {
  const section = text("README.md").split("## Run it as a GitHub Action")[1]!.split("\n## ")[0]!;
  const [plain, appToken] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!));

  test("the short workflow is the shipped one: same triggers, permissions and step", () => {
    const shipped = read("docs/weekly-report.workflow.yml");
    expect(plain.on.schedule).toEqual(shipped.on.schedule);
    expect(plain.on.workflow_dispatch.inputs.period).toMatchObject({ required: false, default: "" });
    expect(plain.permissions).toEqual(shipped.permissions);
    expect(plain.jobs.draft.steps).toEqual(shipped.jobs.draft.steps);
  });

  test("the app-token variant is the shipped one's job", () => {
    const shipped = read("docs/weekly-report-app-token.workflow.yml");
    expect(appToken.permissions).toEqual(shipped.permissions);
    expect(appToken.jobs.draft.steps.map(({ name: _name, ...step }: any) => step)).toEqual(
      shipped.jobs.draft.steps.map(({ name: _name, ...step }: any) => step),
    );
  });
});

test("every `uses:` in the shipped workflows, README and docs/install.md is devreport's or a current Node 24 major", () => {
  const sources = [...WORKFLOWS, "README.md", "docs/install.md"];
  const uses = sources.flatMap((path) =>
    [...text(path).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)/gm)].map((m) => `${path}: ${m[1]}`),
  );
  expect(uses.length).toBeGreaterThanOrEqual(4);
  for (const entry of uses) {
    const ref = entry.slice(entry.indexOf(": ") + 2);
    if (DEVREPORT.test(ref)) continue;
    const [name, major] = ref.split("@");
    expect(`${entry} -> ${CURRENT_NODE24_MAJORS[name!] ?? "unknown action"}`).toBe(`${entry} -> ${major}`);
  }
});

describe("app.yml", () => {
  const manifest = read("app.yml");

  test("asks for least privilege", () => {
    expect(manifest.default_permissions).toEqual({
      contents: "write",
      pull_requests: "write",
      issues: "write",
      metadata: "read",
    });
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
