// Bad input that never reaches GitHub: one line naming the input and what is allowed, exit 2, nothing written.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "@jest/globals";
import { cli } from "../support/cli.js";
import { offline } from "../support/net.js";

let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

offline();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "devreport-cli-"));
});

describe("devreport draft: usage and config errors exit 2 with one line", () => {
  test("a bad --week lists the accepted forms", async () => {
    const out = join(dir, "never.md");
    const result = await cli([
      "draft",
      "--week",
      "week27",
      "--config",
      file("ok.yml", "repositories: [o/r]\n"),
      "--out",
      out,
      "--token",
      "t",
    ]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'devreport: bad period "week27": use "2017-W27" (ISO week), "2018-01" (month), "2017-07-05" (the period holding that date), "2017-01-01..2017-12-31" (days), "last" (the last complete period) or "this" (the current one)\n',
    });
    expect(existsSync(out)).toBe(false);
  });

  test("malformed YAML names the file, line and column", async () => {
    const path = file("bad.yml", "repositories: [o/r\nperiod: week\n");
    const result = await cli(["draft", "--week", "2017-W27", "--config", path, "--token", "t"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^devreport: ${path}: invalid YAML at line \\d+, column \\d+: .+\\n$`));
  });

  test("an unknown key lists the allowed ones", async () => {
    const path = file("typo.yml", "repositories: [o/r]\nsectoins: []\n");
    expect(await cli(["draft", "--week", "2017-W27", "--config", path, "--token", "t"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `devreport: ${path}: unknown key "sectoins"; allowed keys: preset, repositories, period, timeZone, path, title, intro, outro, sections, secondaryPaths, fallback, exclude, issues, template, references, publish, schedule\n`,
    });
  });

  test("a missing config file", async () => {
    const path = join(dir, "nope.yml");
    expect(await cli(["draft", "--week", "2017-W27", "--config", path, "--token", "t"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `devreport: --config ${path}: no such file\n`,
    });
  });

  test("no token", async () => {
    expect(await cli(["draft", "--week", "2017-W27", "--repo", "o/r"], {})).toEqual({
      code: 2,
      stdout: "",
      stderr: "devreport: no GitHub token: pass --token or set GITHUB_TOKEN\n",
    });
  });

  test("neither --repo nor --config", async () => {
    expect((await cli(["draft", "--week", "2017-W27", "--token", "t"])).stderr).toBe(
      "devreport: say which configuration to use: --repo OWNER/NAME (reads its .github/devreport.yml) or --config FILE\n",
    );
  });

  test("a missing --period (its old name --week still works) and an unknown option are commander's one-liners, exit 2", async () => {
    expect(await cli(["draft", "--repo", "o/r"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "devreport: required option '-p, --period <period>' not specified\n",
    });
    expect((await cli(["draft", "--week", "last", "--frobnicate"])).stderr).toBe(
      "devreport: unknown option '--frobnicate'\n",
    );
  });
});
