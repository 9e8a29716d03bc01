// Size limits on a repository's config file, template and rendered report, each named in a one-line error
// (issue 10, point 9; the limits and their reasons: src/config/limits.ts).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { ConfigError, parseConfigText } from "../../src/config/index.js";
import { draftReport } from "../../src/draft.js";
import { loadRepositoryConfig } from "../../src/github/config.js";
import { createClient } from "../../src/github/octokit.js";
import { parsePeriod } from "../../src/period.js";
import { SAMPLE } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
});
afterAll(() => fake.close());

const client = () => createClient({ token: "t", apiUrl: fake.url, retry: false });
const CONFIG = ".github/devreport.yml";
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: Error) => `${e.name}: ${e.message}`,
  );
const padding = (bytes: number) => `# ${"x".repeat(78)}\n`.repeat(Math.ceil(bytes / 81));

async function drafted(files: Record<string, string>): Promise<string> {
  fake.store.commitFiles("acme/tinyos", "main", files, "Config for the limits", null);
  return failure(
    (async () => {
      const { config } = await loadRepositoryConfig(client(), "acme/tinyos");
      return draftReport({ client: client(), config, period: parsePeriod("2024-W10") });
    })(),
  );
}

describe("limits", () => {
  test("a config file of 4 MB is refused before it is parsed, naming the file and the limit", async () => {
    expect(await drafted({ [CONFIG]: `repositories: [acme/tinyos]\n${padding(4 * 1024 * 1024)}` })).toBe(
      "ConfigError: acme/tinyos:.github/devreport.yml: the config file is 4.0 MB, over the 256 KB limit; a config is a few KB: move long texts into a template (the `template` key)",
    );
  });

  test("a local config file over the limit too", () => {
    expect(() => parseConfigText(padding(300 * 1024), { source: "devreport.yml" })).toThrow(
      new ConfigError(
        "devreport.yml: the config file is 301 KB, over the 256 KB limit; a config is a few KB: move long texts into a template (the `template` key)",
      ),
    );
  });

  // 300 KB rather than the 3 MB: a bigger answer of the fake only costs the test time (GitHub itself serves a
  // file over 1 MB without its content, which src/github/files.ts reports as FileTooLarge).
  test("a template over 256 KB", async () => {
    expect(
      await drafted({
        [CONFIG]: "repositories: [acme/tinyos]\ntemplate: .github/report.mustache\n",
        ".github/report.mustache": `{{{title}}}\n${"{{! padding  }}\n".repeat((300 * 1024) / 16)}`,
      }),
    ).toBe(
      "ConfigError: template: acme/tinyos:.github/report.mustache is 301 KB, over the 256 KB limit; a template is a few KB of Mustache: keep the report's text in the items it repeats",
    );
  });

  test("a small template whose nested loops render millions of bytes: the report's limit, with its size in lines", async () => {
    const loops = 5;
    expect(
      await drafted({
        [CONFIG]: "repositories: [acme/tinyos]\nsections: []\ntemplate: .github/report.mustache\n",
        ".github/report.mustache": `{{#sections}}${"{{#items}}".repeat(loops)}{{{text}}}\n${"{{/items}}".repeat(loops)}{{/sections}}`,
      }),
    ).toMatch(
      /^ConfigError: the 2024-W10 report as rendered \(\d{6} lines\) is \d+\.\d MB, over the 1\.0 MB limit; GitHub's contents API serves files up to 1 MB, so publishing could not read it back: check the template's sections and loops, or draft a shorter period$/,
    );
  });
});
