// dist/index.js, the file action.yml runs, is committed: it must be exactly what `npm run bundle` builds from the
// source, and it must run as the runner runs it (`node dist/index.js` with the INPUT_* environment).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { bundle, BUNDLE, ROOT } from "../../tools/bundle.js";
import { observer, readOutputs, runnerEnv } from "./helpers.js";
import { reportPulls } from "../support/github.js";

const SAMPLE = fileURLToPath(new URL("../../sample", import.meta.url));

test("dist/index.js is what `npm run bundle` builds from the source (else: run it and commit dist/)", async () => {
  const fresh = join(mkdtempSync(join(tmpdir(), "devreport-bundle-")), "index.js");
  await bundle(fresh);
  const committed = readFileSync(join(ROOT, BUNDLE));
  const rebuilt = readFileSync(fresh);
  // Compared as a boolean: a failing toEqual on 700 kB of minified code helps nobody.
  expect({ stale: !committed.equals(rebuilt), bytes: committed.length }).toEqual({
    stale: false,
    bytes: rebuilt.length,
  });
});

test("action.yml runs the bundle on Node 24", () => {
  const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
  expect(action.runs).toEqual({ using: "node24", main: BUNDLE });
  expect(Object.keys(action.inputs)).toEqual(["token", "period", "config", "dry-run", "app-slug"]);
  expect(action.inputs.token.default).toBe("${{ github.token }}");
  expect(action.inputs.period.default).toBe("last");
  expect(action.inputs.config.default).toBe(".github/devreport.yml");
  expect(Object.keys(action.outputs)).toEqual(["path", "pull-request-url", "status"]);
});

describe("node dist/index.js as the runner starts it", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [SAMPLE] });
    fake.store.registerToken("ghs_github_token", { login: "github-actions[bot]", type: "Bot" });
  });
  afterAll(() => fake.close());

  function runBundle(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      // Only what a runner gives a step: no NODE_OPTIONS, no jest, no tsx.
      const child = spawn(process.execPath, [BUNDLE], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  test("publishes the period's report once, writes the outputs, and a second run is unchanged", async () => {
    const env = runnerEnv(fake, "acme/tinyos", { token: "ghs_github_token", period: "2024-W10" });
    const first = await runBundle(env);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const [pull, ...others] = await reportPulls(observer(fake), "acme/tinyos", "devreport/2024-W10");
    expect(others).toEqual([]);
    expect(readOutputs(env)).toEqual({
      path: "reports/2024-10.md",
      "pull-request-url": pull!.html_url,
      status: "created",
    });

    const again = runnerEnv(fake, "acme/tinyos", { token: "ghs_github_token", period: "2024-W10" });
    expect(await runBundle(again)).toMatchObject({ code: 0, stderr: "" });
    expect(readOutputs(again)).toMatchObject({ status: "unchanged" });
    expect(await reportPulls(observer(fake), "acme/tinyos", "devreport/2024-W10")).toHaveLength(1);
  });
});
