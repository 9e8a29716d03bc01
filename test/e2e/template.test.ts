// A repository's own Mustache template replaces the built-in one; naming a template that is not there is a config
// error (exit 2) that says which file is missing.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { cli } from "../support/cli.js";
import { SAMPLE } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
});
afterAll(() => fake.close());

const draft = () =>
  cli(["draft", "--repo", "acme/tinyos", "--week", "2024-W10", "--api-url", fake.url, "--token", "t", "--quiet"]);

test("template: a file in the repository renders the report", async () => {
  fake.store.commitFiles(
    "acme/tinyos",
    "main",
    {
      ".github/devreport.yml": "repositories: [acme/tinyos]\nsections: []\ntemplate: .github/report.mustache\n",
      ".github/report.mustache":
        "{{{title}}}\n{{#sections}}\n### {{{title}}} ({{items.length}})\n{{#items}}\n* {{{text}}}\n{{/items}}\n{{/sections}}\n",
    },
    "Use our own template",
    null,
  );
  const result = await draft();
  expect(result.code).toBe(0);
  expect(result.stdout.split("\n").slice(0, 4)).toEqual([
    "Weekly tinyos report for 2024-03-04 to 2024-03-10 (week 10)",
    "### Other changes (11)",
    "* Document the kernel config fragments ([#100] [@alice])",
    "* kernel: update to 6.6.20 and 6.1.80 ([#101] [@alice] [@bobk])",
  ]);
  expect(result.stdout).toMatch(/\n\n\[@alice\]: https:\/\/github.com\/alice\n/);
});

test("a template that is not in the repository", async () => {
  fake.store.commitFiles("acme/tinyos", "main", { ".github/report.mustache": null }, "Remove the template", null);
  expect(await draft()).toEqual({
    code: 2,
    stdout: "",
    stderr: 'devreport: template: acme/tinyos has no file ".github/report.mustache" on its default branch\n',
  });
});
