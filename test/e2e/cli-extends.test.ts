// `devreport draft --repo` reads config as the app does: the same loader, so `_extends` and the owner's `.github`
// fallback give the CLI the config (and the draft) the app's loader gives, on the same fake GitHub. The overlay
// test/fixtures/extends adds configs that extend acme/tinyos's to the sample.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ProbotOctokit } from "probot";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { loadConfig as cliConfig } from "../../src/cli/config-source.js";
import { draftReport } from "../../src/draft.js";
import { createClient } from "../../src/github/octokit.js";
import { parsePeriod } from "../../src/period.js";
import { loadConfig as appConfig } from "../../src/triggers/config.js";
import { cli } from "../support/cli.js";

const SAMPLE = fileURLToPath(new URL("../../sample", import.meta.url));
const EXTENDS = fileURLToPath(new URL("../fixtures/extends", import.meta.url));
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE, EXTENDS] });
});
afterAll(() => fake.close());

/** The app's octokit (Probot's, retries and throttling off as in the other fake-GitHub tests). */
const appOctokit = () =>
  new (ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { enabled: false },
    retry: { enabled: false },
  })))({
    auth: { token: "demo" },
    baseUrl: fake.url,
  });

const draft = (repo: string, ...more: string[]) =>
  cli(["draft", "--repo", repo, "--period", "2024-W10", "--api-url", fake.url, ...more], { GH_TOKEN: "demo" });

describe("_extends and the .github fallback, as the app reads them", () => {
  test.each([
    [
      "acme/tinyos-ci",
      "devreport: config: acme/tinyos-ci:.github/devreport.yml, extending acme/tinyos:.github/devreport.yml",
    ],
    ["acme/rtf", "devreport: config: acme/.github:.github/devreport.yml, extending acme/tinyos:.github/devreport.yml"],
  ])("%s: the CLI's config and draft are the app's", async (repo, configLine) => {
    const client = createClient({ token: "demo", apiUrl: fake.url, retry: false });
    const app = await appConfig({ octokit: appOctokit() } as never, repo);
    expect(await cliConfig({ repo, client, log: () => {} })).toEqual(app);

    const period = parsePeriod("2024-W10", { kind: app.period, timeZone: app.timeZone });
    const appDraft = await draftReport({ client, config: app, period });
    const result = await draft(repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(appDraft.markdown);
    expect(result.stderr.split("\n")[0]).toBe(configLine);
  });

  test("the nearer file's keys win and its lists replace the inherited ones; sections are inherited", async () => {
    const config = await appConfig({ octokit: appOctokit() } as never, "acme/tinyos-ci");
    expect(config.repositories).toEqual(["acme/tinyos-ci", "acme/tinyos"]);
    expect(config.sections.map((s) => s.title)).toEqual(["Kernel", "Packages", "Projects", "Docs and Testing"]);
    expect(config.outro).toBe("Shared sections come from acme/tinyos.");
    const result = await draft("acme/tinyos-ci", "--quiet");
    expect(result.stdout).toMatch(/^# tinyos CI report for 2024-03-04 to 2024-03-10\n/);
    expect(result.stdout).toContain("- Cache Go modules between jobs ([#42] [@bobk])");
    expect(result.stdout).not.toContain("[rtf]");
  });

  test("an _extends naming a repository that does not exist, or one without the file: one line, exit 2, from both loaders", async () => {
    const lost = "acme/lost:.github/devreport.yml: _extends: acme/nope: no such repository, or the token cannot see it";
    expect(await draft("acme/lost")).toEqual({ code: 2, stdout: "", stderr: `devreport: ${lost}\n` });
    await expect(appConfig({ octokit: appOctokit() } as never, "acme/lost")).rejects.toThrow(lost);

    const hollow = "acme/hollow:.github/devreport.yml: _extends: acme/vsock has no .github/devreport.yml";
    expect(await draft("acme/hollow")).toEqual({ code: 2, stdout: "", stderr: `devreport: ${hollow}\n` });
    await expect(appConfig({ octokit: appOctokit() } as never, "acme/hollow")).rejects.toThrow(hollow);
  });
});

describe("a local --config file's _extends is followed on GitHub the same way", () => {
  const local = (text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "devreport-extends-")), "devreport.yml");
    writeFileSync(path, text);
    return path;
  };

  test("the same draft as the repository whose file it copies", async () => {
    const path = local(
      '_extends: acme/tinyos\nrepositories: [acme/tinyos-ci, acme/tinyos]\ntitle: "tinyos CI report for {{firstDay}} to {{lastDay}}"\noutro: "Shared sections come from acme/tinyos."\n',
    );
    const result = await cli(["draft", "--config", path, "--period", "2024-W10", "--api-url", fake.url], {
      GH_TOKEN: "demo",
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((await draft("acme/tinyos-ci", "--quiet")).stdout);
    expect(result.stderr.split("\n")[0]).toBe(
      `devreport: config: ${path}, extending acme/tinyos:.github/devreport.yml`,
    );
  });

  test("without an owner, or to a missing repository: one line, exit 2", async () => {
    const bare = local("_extends: tinyos\n");
    expect(
      await cli(["draft", "--config", bare, "--period", "2024-W10", "--api-url", fake.url], { GH_TOKEN: "demo" }),
    ).toEqual({
      code: 2,
      stdout: "",
      stderr: `devreport: ${bare}: _extends: "tinyos" needs an owner in a local file ("owner/tinyos")\n`,
    });
    const lost = local("_extends: acme/nope:config/devreport.yml\n");
    expect(
      await cli(["draft", "--config", lost, "--period", "2024-W10", "--api-url", fake.url], { GH_TOKEN: "demo" }),
    ).toEqual({
      code: 2,
      stdout: "",
      stderr: `devreport: ${lost}: _extends: acme/nope: no such repository, or the token cannot see it\n`,
    });
  });
});
